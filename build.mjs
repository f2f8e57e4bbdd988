// Builds Gloss into dist/chrome and dist/firefox from the same sources and the one manifest.json.
//   node build.mjs            one build
//   node build.mjs --watch    rebuild on change (development)
//   node build.mjs --no-minify  readable function names (profiling)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as esbuild from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const watch = process.argv.includes('--watch');
const root = new URL('.', import.meta.url).pathname;
const out = { chrome: `${root}dist/chrome`, firefox: `${root}dist/firefox` };

// The entry points: one bundle per runtime context.
const entries = [
  // The worker's script carries the alias index (`gloss:index` below): it matches for every tab.
  { in: 'src/background.ts', out: 'background', format: 'esm', inlineIndex: true },
  // Content scripts cannot be modules. The top frame's script; the few lines every frame gets; and the
  // same script as a module, which a subframe with text imports. None carries the alias index: the
  // worker matches (src/background/page-linker.ts).
  { in: 'content-scripts/index.ts', out: 'content', format: 'iife' },
  { in: 'content-scripts/frames-loader.ts', out: 'content-frames', format: 'iife' },
  // `compileAll`: imported by a content script (`COMPILE_ALL` below).
  { in: 'content-scripts/index.ts', out: 'content-frame-main', format: 'esm', compileAll: true },
  // The hover card, as a module both import when a reader first rests on a name (card-loader.ts).
  { in: 'content-scripts/card-host.tsx', out: 'content-card', format: 'esm', compileAll: true },
  { in: 'popup/index.tsx', out: 'popup', format: 'esm' },
  { in: 'popup/options.tsx', out: 'options', format: 'esm' },
];
const staticFiles = ['popup/popup.html', 'popup/options.html', 'popup/popup.css', '_locales', 'icons'];

/** Validates and compiles knowledge/knowledge.json: the alias index (index.pack, for the worker) and the detail shards. */
async function compileKnowledge() {
  const { compileKnowledgeFile } = await tsImport('./knowledge/compile.ts', import.meta.url);
  const { packIndex, serializePackedIndex } = await tsImport('./src/knowledge/packed-index.ts', import.meta.url);
  const compiled = compileKnowledgeFile(`${root}knowledge/knowledge.json`);
  return { ...compiled, packFile: serializePackedIndex(packIndex(compiled.index)) };
}

/** The default highlight style, injected by the manifest before the page's first style pass. */
const { staticHighlightCss } = await tsImport('./content-scripts/paint-highlights.ts', import.meta.url);
/** Where each browser's highlight rules go (`HighlightScope` in paint-highlights.ts). */
const highlightScope = { chrome: ':root', firefox: '' };

function manifestFor(browser) {
  const manifest = JSON.parse(readFileSync(`${root}manifest.json`, 'utf8'));
  if (browser === 'chrome') {
    // Firefox-only keys (gecko id, data collection; gecko_android because that key needs Firefox for
    // Android 142): Chrome would warn about an unknown key on every load.
    delete manifest.browser_specific_settings;
  } else {
    // Firefox MV3 runs background scripts as an event page, not a service worker.
    manifest.background = { scripts: ['background.js'], type: 'module' };
  }
  return manifest;
}

function writeStatic(knowledge) {
  for (const [browser, dir] of Object.entries(out)) {
    mkdirSync(`${dir}/knowledge`, { recursive: true });
    for (const f of staticFiles) cpSync(`${root}${f}`, `${dir}/${f.replace(/^popup\//, '')}`, { recursive: true });
    writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifestFor(browser), null, 2));
    writeFileSync(`${dir}/knowledge/sources.json`, JSON.stringify(knowledge.sources));
    writeFileSync(`${dir}/knowledge/index.pack`, knowledge.packFile);
    writeFileSync(`${dir}/highlights.css`, staticHighlightCss(highlightScope[browser]));
    knowledge.shards.forEach((shard, i) => writeFileSync(`${dir}/knowledge/details-${String(i).padStart(2, '0')}.json`, JSON.stringify(shard)));
  }
}

const knowledge = await compileKnowledge();
rmSync(`${root}dist`, { recursive: true, force: true });

/**
 * `gloss:index`: in the worker's script, a function whose source holds index.pack's text in a
 * comment (`withIndexComment` puts it there after esbuild, which drops comments); undefined
 * elsewhere. A worker reads it from its own source at each start: fetching the file took 30–80 ms in
 * a just-started worker here, and V8 skips a comment ~20× faster than it scans the same text as a
 * string literal (585 KB: 1 ms against 23, `eval` in a tab here).
 */
const INDEX_MARKER = 'gloss-index-comment-goes-here';
const indexModule = (inline) => ({
  name: 'gloss-index',
  setup(build) {
    build.onResolve({ filter: /^gloss:index$/ }, () => ({ path: 'index', namespace: 'gloss', sideEffects: false }));
    build.onLoad({ filter: /.*/, namespace: 'gloss' }, () => ({ contents: `export default ${inline ? `() => ${JSON.stringify(INDEX_MARKER)}` : 'undefined'};`, loader: 'js' }));
  },
});
function withIndexComment(script) {
  const marker = JSON.stringify(INDEX_MARKER);
  const at = script.indexOf(marker);
  if (at < 0 || script.indexOf(marker, at + 1) >= 0) throw new Error(`background.js: expected the index marker ${marker} once`);
  if (knowledge.packFile.includes('*/')) throw new Error('index.pack: the text contains "*/" (serializePackedIndex escapes "*")');
  // A block body: an arrow function's source ends with its expression, so a comment after it would be outside.
  return `${script.slice(0, at)}{/*${knowledge.packFile}*/}${script.slice(at + marker.length)}`;
}

/**
 * webextension-polyfill as an ES module. It ships as UMD, CommonJS to esbuild, whose interop
 * (`__toESM`) copied the export's properties once per importing module, five times in content.js:
 * 0.9 ms of self time in the script's first task (median of 6 CPU profiles of cnn), on every page.
 */
const polyfillAsModule = {
  name: 'polyfill-as-module',
  setup(build) {
    build.onLoad({ filter: /webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/ }, (args) => ({
      // Where the browser has its own promise-based \`browser\` (Firefox, Chromium 156 here), the polyfill
      // exports that object as it is: its first check, made here before its code runs, so V8 never
      // compiles that code (~1–2 ms in each page's first task, for 10 of content.js's 37 KiB).
      contents: [
        'const native = globalThis.browser?.runtime?.id ? globalThis.browser : undefined;',
        'const module = { exports: {} }, exports = module.exports;',
        `if (!native) {\n${readFileSync(args.path, 'utf8')}\n}`,
        'export default native ?? module.exports;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
/**
 * For the modules content scripts import (a subframe's Gloss, the card). Chromium fetches an imported
 * module and compiles it on a background thread as it streams in; V8's explicit compile hint (this
 * magic comment, Chrome 136) has it compile every function there too, not each on the main thread at
 * its first call. Measured here, paired loads (12 each): the first card's main-thread time 68.9 →
 * 63.1 ms, and a subframe's page task time unchanged (124.5 vs 124.3 ms) with the frame annotated no
 * later (280 vs 264 ms). content.js is not a module: the manifest injects it and the main thread
 * compiles it; importing Gloss as a module from a small content.js put the page's first names 40–200
 * ms later (the import's fetch), so the top frame keeps its script. Firefox ignores the comment.
 */
const COMPILE_ALL = '//# allFunctionsCalledOnLoad\n';
const compiledAll = new Set(entries.filter((e) => e.compileAll).map((e) => `${e.out}.js`));

/**
 * Each entry's build writes its own bundle into both browsers' folders, from memory (`write: false`),
 * with the static files. When esbuild wrote the bundles to disk and each entry's end copied the whole
 * folder, one entry could copy a bundle another was still writing: a build here once found
 * background.js without its index marker.
 */
const writeAfterBuild = {
  name: 'write-bundles',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      writeStatic(knowledge);
      for (const file of result.outputFiles ?? []) {
        const name = basename(file.path);
        const text = name === 'background.js' ? withIndexComment(file.text) : compiledAll.has(name) ? COMPILE_ALL + file.text : file.text;
        // Both browsers get the same bundles.
        for (const dir of Object.values(out)) writeFileSync(`${dir}/${name}`, text);
      }
      if (watch) console.log(`[gloss] rebuilt ${new Date().toLocaleTimeString()}`);
    });
  },
};

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: [{ in: e.in, out: e.out }],
      outdir: out.chrome,
      write: false,
      bundle: true,
      format: e.format,
      target: ['chrome120', 'firefox149'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      minify: !watch && !process.argv.includes('--no-minify'), // --no-minify: readable names in profiles
      sourcemap: watch ? 'inline' : false,
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [indexModule(e.inlineIndex === true), polyfillAsModule, writeAfterBuild],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[gloss] watching for changes; load dist/chrome (or dist/firefox) as an unpacked extension');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // One non-ASCII character makes the whole script UTF-16 for V8, which then compiles it ~25% slower
  // (8.2 → 6.4 ms in Node for this script, index included), in every frame of every page.
  // Unminified builds keep comments, which may be non-ASCII: they are for profiling only.
  for (const script of process.argv.includes('--no-minify') ? [] : ['content.js', 'content-frames.js', 'content-frame-main.js', 'content-card.js']) {
    const content = readFileSync(`${out.chrome}/${script}`, 'utf8');
    const wide = content.search(/[^\x00-\x7f]/);
    if (wide >= 0) throw new Error(`${script} has a non-ASCII character (${JSON.stringify(content.slice(wide - 30, wide + 5))}): write it as a \\u escape in the source`);
  }
  const kb = (f) => (readFileSync(f).length / 1024).toFixed(0);
  console.log(`[gloss] built dist/chrome and dist/firefox (content.js ${kb(`${out.chrome}/content.js`)} KiB, content-frames.js ${kb(`${out.chrome}/content-frames.js`)} KiB, ${knowledge.index.ids.length} entities)`);
}
