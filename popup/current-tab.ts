/** The tab the popup is about: `?tab=<id>` (tests, popup opened in a tab), else the active tab. */
import browser from 'webextension-polyfill';

export async function currentTabId(params: URLSearchParams): Promise<number | undefined> {
  const fromQuery = Number(params.get('tab'));
  if (params.has('tab') && Number.isInteger(fromQuery)) return fromQuery;
  // Ids of tabs need no `tabs` permission; only their URLs would.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
