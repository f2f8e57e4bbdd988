/** Runs a bench script in a Node process of its own and returns the JSON its last line of output holds. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function inOwnProcess<T>(script: URL, args: readonly string[] = []): T {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(script), ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}
