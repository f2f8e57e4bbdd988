/**
 * What Gloss costs a page's ad and widget frames: a short story with 12 small iframes from 12
 * different sites, each in a renderer process of its own (site isolation), as on a real news page.
 * Gloss's content script is injected into every one of them. Measured as the CPU time of all renderer
 * processes (user + system, from /proc: Linux only) while the page loads and settles, with the
 * extension minus without it, launches alternated, medians. GLOSS_DIST measures another build.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const FRAMES = 12;
const LAUNCHES = 3;
const LOADS = 3;
/** /proc/<pid>/stat counts clock ticks of 10 ms (USER_HZ 100 on Linux). */
const TICK_MS = 10;

export interface AdFramesResult {
  frames: number;
  withMs: number;
  withoutMs: number;
  addedMs: number;
}

function rendererCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function adFramesBench(): Promise<AdFramesResult | undefined> {
  if (!existsSync('/proc/self/stat')) return undefined;
  const dir = join(ROOT, 'bench/.pages');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ad.html'), '<!doctype html><html><body style="margin:0"><a href="#">Sponsored: a better mattress</a></body></html>');
  const server = await startStaticServer({ '/': dir });
  const port = new URL(server.origin).port;
  const frames = Array.from({ length: FRAMES }, (_, i) => `<iframe src="http://ads${i}.test:${port}/ad.html" width="300" height="60" title="ad"></iframe>`).join('');
  const story = 'President Joe Biden met Senate leaders and CISA officials at the White House on Tuesday. '.repeat(30);
  writeFileSync(join(dir, 'ad-frames.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ads</title></head><body><h1>Story</h1><p>${story}</p>${frames}</body></html>`);
  const dist = process.env.GLOSS_DIST ?? join(ROOT, 'dist/chrome');
  const samples: Record<'with' | 'without', number[]> = { with: [], without: [] };
  try {
    for (let launch = 0; launch < LAUNCHES; launch++) {
      for (const side of ['with', 'without'] as const) {
        const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-ads-')), {
          executablePath: chromiumPath(),
          headless: true,
          args: [
            '--headless=new', '--site-per-process',
            ...(side === 'with' ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : ['--disable-extensions']),
            // Every adsN.test is this machine; nothing else resolves. No request routing: it would slow every load.
            '--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
            ...CHROMIUM_ARGS,
          ],
        });
        try {
          if (side === 'with' && ctx.serviceWorkers().length === 0) await ctx.waitForEvent('serviceworker');
          for (let load = 0; load < LOADS; load++) {
            const page = await ctx.newPage();
            const before = rendererCpuMs();
            await page.goto(`http://127.0.0.1:${port}/ad-frames.html`, { waitUntil: 'load' });
            await page.waitForTimeout(2000);
            let ms = 0;
            for (const [pid, t] of rendererCpuMs()) ms += t - (before.get(pid) ?? 0);
            samples[side].push(ms);
            await page.close();
          }
        } finally {
          await ctx.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  const withMs = median(samples.with);
  const withoutMs = median(samples.without);
  return { frames: FRAMES, withMs, withoutMs, addedMs: withMs - withoutMs };
}
