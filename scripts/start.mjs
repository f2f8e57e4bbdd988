// `npm start`: serves the demo story on 127.0.0.1 and opens Chromium with the built extension on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';
import { startStaticServer } from './static-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist/chrome');
const server = await startStaticServer({ '/': join(root, 'test/fixtures') }, Number(process.env.PORT ?? 0));
const demo = `${server.origin}/seed-article.html`;

console.log(`
Gloss is built in dist/chrome (Chromium) and dist/firefox (Firefox).
Demo story: ${demo}
The same story as the text file it came as (read too): ${server.origin}/seed-article.txt

To load it by hand in Chromium or Chrome:
  1. open chrome://extensions and turn on "Developer mode";
  2. click "Load unpacked" and choose ${dist}
  3. open the demo URL above and rest the pointer on an underlined name.
     Tabs open before you loaded it: reload them, or click Gloss's toolbar button there.
In Firefox: about:debugging → This Firefox → Load Temporary Add-on → ${join(root, 'dist/firefox/manifest.json')}
`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found (DISPLAY is not set), so no browser window opens here. The server keeps running: press Ctrl+C to stop.');
} else {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-start-')), {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo);
  console.log('Chromium is open with Gloss on the demo story. Close the window or press Ctrl+C to stop.');
  context.on('close', () => void server.close().then(() => process.exit(0)));
}
