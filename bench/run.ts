/** `npm run bench`: the matcher in Node and Gloss in real Chromium; tables on stdout and bench/results.json. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { adFramesBench } from './ad-frames';
import { browserBench } from './browser';
import type { matcherBench } from './matcher';
import { inOwnProcess } from './own-process';
import { workerStartBench } from './worker-start';

const only = process.argv[2]; // `matcher` or `browser` to run one half
const table = (rows: Record<string, unknown>[]) => {
  const keys = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => (v === null ? '-' : typeof v === 'number' ? (Number.isNaN(v) ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 1)) : String(v ?? ''));
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => cell(r[k]).length)));
  console.log(`| ${keys.map((k, i) => k.padEnd(widths[i]!)).join(' | ')} |`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(`| ${keys.map((k, i) => cell(r[k]).padEnd(widths[i]!)).join(' | ')} |`);
};
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}` };

if (only !== 'browser') {
  // In a process of its own (`matcher-process.ts`: why).
  const { source, ...matcher } = inOwnProcess<{ source: string } & ReturnType<typeof matcherBench>>(new URL('./matcher-process.ts', import.meta.url));
  results.source = source;
  console.log(`Matcher over ${source}; ${results.machine as string}; CPU time, median of 9\n`);
  const rows = matcher.rows.map((r) => {
    const gloss = matcher.rows.find((g) => g.knowledge === r.knowledge && g.matcher === 'Gloss')!;
    return { ...r, glossSpeedup: gloss.mbPerS / r.mbPerS };
  });
  table(rows);
  console.log(
    `\nBundled index: ${matcher.packedKB.toFixed(0)} KB packed (index.pack, carried in a comment of the worker's script); read + trie tables ${matcher.indexLoadMs.toFixed(1)} ms warm in Node ` +
      `(as ${matcher.jsonKB.toFixed(0)} KB of JSON: JSON.parse + table ${matcher.jsonLoadMs.toFixed(1)} ms); cold in the worker: below. Tabs load no index.\n`,
  );
  const start = workerStartBench();
  console.log(
    `Worker just started (Node, ${start.processes} fresh processes per line, medians; ${start.page}, ${start.blocks} blocks): its first request ${start.firstMs.toFixed(1)} ms, ` +
      `the same request again ${start.againMs.toFixed(1)} ms; the worker's warm-up ${start.warmUpMs.toFixed(1)} ms, then the first request ${start.afterWarmUpMs.toFixed(1)} ms.\n`,
  );
  Object.assign(results, { matcher: rows, index: { packedKB: matcher.packedKB, loadMs: matcher.indexLoadMs, jsonKB: matcher.jsonKB, jsonLoadMs: matcher.jsonLoadMs }, workerStart: start });
}
if (only !== 'matcher') {
  // mark.js's time moves with the browser: on one machine, 156–172 ms on the real pages in Chromium 156 and 394–431 in 150, while Gloss's stayed in its range.
  results.browserVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`${results.browserVersion as string}; task times are main-thread CPU, medians of 3\n`);
  const browser = await browserBench();
  table(browser.rows as unknown as Record<string, unknown>[]);
  const hover = browser.hover;
  if (hover) console.log(`\nHover: card painted ${hover.firstMs.toFixed(1)} ms after the 350 ms delay for a tab's first card (median of 5 fresh tabs), ${hover.laterMs.toFixed(1)} for the cards after it in a tab (median of 5).`);
  if (browser.worker) {
    console.log(
      `Worker: reads the index in ${browser.worker.indexMs.toFixed(1)} ms when it starts (cold). The ${browser.worker.pages} real pages, each loaded right after the worker was stopped: ` +
        `viewport annotated ${browser.worker.coldViewportMs.toFixed(0)} ms after the script starts (median; ${browser.worker.coldViewportRange.map((x) => x.toFixed(0)).join('–')}), ` +
        `the first request's round trip ${browser.worker.coldLinkMs.toFixed(0)} ms (median).`,
    );
  }
  if (browser.live) {
    const { live } = browser;
    console.log(
      `Live page: ${live.page} with one paragraph changed every 100 ms for ${live.seconds} s: Gloss adds ${live.addedMs.toFixed(0)} ms of main-thread time ` +
        `(${((live.addedMs / (live.seconds * 1000)) * 100).toFixed(0)}% of a core) in ${live.passes} passes (medians of 3, alternated with a browser without the extension).`,
    );
  }
  if (browser.scroll) {
    const { scroll } = browser;
    console.log(
      `Scrolling: ${scroll.page} scrolled ${scroll.px} px by the mouse wheel: ${scroll.withMs.toFixed(0)} ms of main-thread time with Gloss, ${scroll.withoutMs.toFixed(0)} without ` +
        `(Gloss adds ${(scroll.withMs - scroll.withoutMs).toFixed(0)}; medians of 3, alternated).`,
    );
  }
  if (browser.changing) {
    const c = browser.changing;
    const share = (ms: number) => `${((ms / (c.seconds * 1000)) * 100).toFixed(1)}% of a core`;
    console.log(
      `Changing page: ${c.page} (${c.mentions} names, ${c.registered} registered with the reader at its top), changed by its own script every 10 ms for ${c.seconds} s: ` +
        `Gloss adds ${c.styleAddedMs.toFixed(0)} ms of main-thread time (${share(c.styleAddedMs)}) while an element's width changes, ${c.heightAddedMs.toFixed(0)} (${share(c.heightAddedMs)}) while its height does, ${c.textAddedMs.toFixed(0)} (${share(c.textAddedMs)}) while a line's text does; ` +
        `scrolled ${c.scrollPx} px by the wheel, ${c.scrollWithMs.toFixed(0)} ms with Gloss, ${c.scrollWithoutMs.toFixed(0)} without (medians of 3, alternated).`,
    );
  }
  Object.assign(results, { browser: browser.rows, firstCardMs: browser.hover?.firstMs, hoverMs: browser.hover?.laterMs, worker: browser.worker, live: browser.live, scroll: browser.scroll, changing: browser.changing });
  const ads = await adFramesBench();
  if (ads) {
    console.log(
      `Ad frames: a story with ${ads.frames} cross-site ad iframes (a renderer process each): Gloss adds ${ads.addedMs.toFixed(0)} ms of renderer CPU ` +
        `(${ads.withMs.toFixed(0)} with, ${ads.withoutMs.toFixed(0)} without; all renderer processes, medians of 9 loads).`,
    );
    Object.assign(results, { adFrames: ads });
  }
}
if (!only) {
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten bench/results.json');
}
