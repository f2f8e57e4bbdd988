/**
 * Keeps a tab's record (`tab-results.ts`) to the frames that still run Gloss. Without the `tabs`
 * permission the worker cannot tell a new page from a hash or route change (both fire `onUpdated`
 * with a status and nothing else), and a frame that goes (a reload, an iframe removed, a page Gloss
 * cannot run on) says nothing. So the worker asks the frames themselves, when a tab has loaded and
 * when the popup asks for the tab's list: a frame that does not answer is gone, and its names go
 * from the list and the badge. Before this, a tab moved on to `about:blank` kept the previous page's
 * names, and every reload of a page with a frame added the frame's names again.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { sendToTab } from '../protocol';
import { updateBadge } from './badge';
import { dropFrames, recordedFrames } from './tab-results';

export async function pruneTab(tabId: number): Promise<void> {
  const recorded = await recordedFrames(tabId);
  if (!recorded) return;
  const answers = await Promise.all(recorded.frames.map((frame) => sendToTab(tabId, 'pageState', {}, frame).then((r) => r.url, () => undefined)));
  const gone = recorded.frames.filter((_, i) => answers[i] === undefined);
  if (gone.length > 0) {
    const left = await dropFrames(tabId, gone, recorded.mark);
    if (left !== undefined) await updateBadge(tabId, left);
  }
  // The top frame runs Gloss at another address than it reported: a route changed with no change to
  // the page's text, or a new page still starting. Have it report (a page still starting will anyway).
  const top = answers[0];
  if (top !== undefined && top !== recorded.url) await sendToTab(tabId, 'readPage', {}, 0).catch(() => undefined);
}

/** Prunes a tab each time it has loaded. */
export function pruneOnLoads(): void {
  const listener = (tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (change.status === 'complete') void pruneTab(tabId).catch(() => undefined);
  };
  try {
    browser.tabs.onUpdated.addListener(listener, { properties: ['status'] });
  } catch {
    // Chromium's event takes no filter.
    browser.tabs.onUpdated.addListener(listener);
  }
}
