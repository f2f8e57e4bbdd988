// Where Debian's Chromium is, or a clear message on how to get it (tests never skip silently).
import { existsSync } from 'node:fs';

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's Chromium with \`sudo apt-get install -y chromium\` ` +
        'or set CHROMIUM_PATH to a Chromium binary (browser downloads by test tools do not work here).',
    );
  }
  return path;
}

/** Flags that keep Chromium quiet and offline-friendly on CI machines with a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-default-browser-check'];
