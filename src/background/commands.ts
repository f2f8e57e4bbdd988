/** Keyboard commands (manifest `commands`) reach the worker; it hands them to the active tab's page. */
import browser from 'webextension-polyfill';
import { NEXT_MENTION_COMMAND } from '../protocol';
import { startInTab } from '../start-in-tab';
import { stepInTab } from './step-mentions';
import { tabEntities } from './tab-results';

/** How long the command waits for a Gloss it started in the tab to report its first pass. */
const FIRST_PASS_WAIT_MS = 5000;

export function forwardCommands(): void {
  // Firefox's MV3 exposes `commands` the same way; where a browser lacks it the feature is just off.
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // A page loaded before Gloss was installed or updated: the command (which grants `activeTab`)
    // starts Gloss there, and steps to the first name once the page is read.
    if (await startInTab(tab.id)) await firstReport(tab.id);
    // Nothing happens in a tab without Gloss (a browser page, or Gloss is off there).
    await stepInTab(tab.id);
  });
}

async function firstReport(tabId: number): Promise<void> {
  for (let waited = 0; waited < FIRST_PASS_WAIT_MS; waited += 100) {
    if (await tabEntities(tabId)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
