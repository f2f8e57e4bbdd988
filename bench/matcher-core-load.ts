/** `bench/matcher-core.ts` bundled by esbuild, as the worker's script is, and imported. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { KnowledgeFile } from '../src/knowledge/schema';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The matcher as the worker runs it: one esbuild bundle. Imported through tsx, every use of an
 * imported name in the hot loops goes through a live-binding getter, which halves the measured speed.
 *
 * Built by esbuild's command, not its JavaScript API: in a process that had imported the API, the
 * same bundle read 5–10% slower (other large modules, typescript or playwright-core, cost 1–7%), and
 * the worker holds nothing but Gloss's code. Cause not found; not the young generation's size.
 */
export async function loadMatcherCore(): Promise<typeof import('./matcher-core')> {
  const out = join(mkdtempSync(join(tmpdir(), 'gloss-bench-')), 'matcher-core.mjs');
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(ROOT, 'bench/matcher-core.ts'), '--bundle', '--format=esm', '--platform=neutral', '--target=node20', `--outfile=${out}`, '--log-level=error'], { stdio: 'inherit' });
  return (await import(pathToFileURL(out).href)) as typeof import('./matcher-core');
}

/** The bundled matcher with the bundled knowledge as the worker has it: packed at build time, read back, its trie built. */
export async function loadWorkerKnowledge() {
  const core = await loadMatcherCore();
  const file = JSON.parse(readFileSync(join(ROOT, 'knowledge/knowledge.json'), 'utf8')) as KnowledgeFile;
  const index = core.unpackIndex(core.packIndex(core.compileKnowledge(file).index));
  return { core, index, trie: core.buildAliasTrie(index) };
}
