/** `bench/matcher-core.ts` bundled by esbuild, as the worker's script is, and imported. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * The matcher as the worker runs it: one esbuild bundle. Imported through tsx, every use of an
 * imported name in the hot loops goes through a live-binding getter, which halves the measured speed.
 */
export async function loadMatcherCore(): Promise<typeof import('./matcher-core')> {
  const out = join(mkdtempSync(join(tmpdir(), 'gloss-bench-')), 'matcher-core.mjs');
  await esbuild.build({ entryPoints: [new URL('./matcher-core.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'neutral', target: 'node20', outfile: out, logLevel: 'error' });
  return (await import(pathToFileURL(out).href)) as typeof import('./matcher-core');
}
