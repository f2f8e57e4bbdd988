/**
 * Readies the worker as soon as a tab starts loading a page. Chrome stops an idle worker after 30 s,
 * so most pages a reader opens find it stopped; woken only when the page's content script connects
 * (at `document_idle`), it read its index and warmed up its matcher while that page waited
 * (docs/performance.md). A tab's `onUpdated` event wakes it at the start of the load instead, with
 * nothing done on the page's main thread: a content script at `document_start` that only opened a
 * port cost every page load ~2.5 ms of CPU there. Without the `tabs` permission the event carries no URL,
 * and none is needed.
 */
import browser, { type Tabs } from 'webextension-polyfill';

export function prepareOnPageLoads(prepare: () => void): void {
  const listener = (_tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (change.status === 'loading') prepare();
  };
  try {
    // Firefox then wakes its event page for loads alone, not for every title or favicon a tab changes.
    browser.tabs.onUpdated.addListener(listener, { properties: ['status'] });
  } catch {
    // Chromium's event takes no filter ("This event does not support filters").
    browser.tabs.onUpdated.addListener(listener);
  }
}
