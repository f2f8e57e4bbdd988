/** The toolbar badge: how many distinct entities Gloss found on the tab (off by setting). */
import browser from 'webextension-polyfill';
import { loadSettings } from '../settings-store';

export async function updateBadge(tabId: number, count: number): Promise<void> {
  const { badge } = await loadSettings();
  const text = badge && count > 0 ? String(Math.min(count, 999)) : '';
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed between the report and the badge update: nothing to show it on.
  }
}
