/**
 * Gloss in a tab whose page was loaded before Gloss was installed, updated, reloaded or switched back
 * on. Chromium injects a manifest's content scripts only into pages loaded afterwards, so the story the
 * reader has open shows nothing, or shows names painted by the old script, whose extension APIs are
 * dead (it stops itself when it notices: content-scripts/orphaned-script.ts). When the reader asks Gloss for that
 * tab (its toolbar button, its keyboard command), the browser grants `activeTab` for it, and Gloss
 * starts there: no host permission, no access to a tab the reader did not point at.
 */
import browser from 'webextension-polyfill';
import { sendToTab } from './protocol';

/** What the manifest injects (manifest.json `content_scripts`): into a top frame, and into every frame. */
const TOP_FRAME_SCRIPT = 'content.js';
const FRAMES_SCRIPT = 'content-frames.js';
const HIGHLIGHT_CSS = 'highlights.css';

/**
 * Starts Gloss in the tab's page unless it runs there; resolves to whether it was started now.
 * False too where it cannot run: the browser's own pages, the web store, a page still loading (the
 * browser injects the manifest's script when it has), or a tab the reader has not granted.
 */
export async function startInTab(tabId: number): Promise<boolean> {
  if (await runsIn(tabId)) return false;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.status !== 'complete') return false;
  if (!(await inject(tabId, 0, TOP_FRAME_SCRIPT))) return false;
  // Its subframes the reader's grant reaches (the page's own origin): a story in a frame is read too.
  // Another site's frames stay as they are. Each frame alone, so one the grant does not reach cannot
  // fail the others'.
  await Promise.all((await subframes(tabId)).map((frameId) => inject(tabId, frameId, FRAMES_SCRIPT)));
  return true;
}

/** The highlight styles and `script` into one frame, as the manifest would; false where not granted (another site's frame), or gone. */
async function inject(tabId: number, frameId: number, script: string): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  try {
    await browser.scripting.insertCSS({ target, files: [HIGHLIGHT_CSS] });
    await browser.scripting.executeScript({ target, files: [script] });
    return true;
  } catch {
    return false;
  }
}

/** The ids of the tab's subframes the grant reaches, from a no-op run in each (no `webNavigation` permission). */
async function subframes(tabId: number): Promise<number[]> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => true });
    return results.map((r) => r.frameId).filter((id) => id !== 0);
  } catch {
    return [];
  }
}

/** Whether a live Gloss answers in the tab's top frame (an old one, whose extension is gone, cannot). */
function runsIn(tabId: number): Promise<boolean> {
  return sendToTab(tabId, 'pageState', {}).then(
    () => true,
    () => false,
  );
}
