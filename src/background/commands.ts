/** Keyboard commands (manifest `commands`) reach the worker; it hands them to the active tab's page. */
import browser from 'webextension-polyfill';
import { NEXT_MENTION_COMMAND } from '../protocol';
import { stepInTab } from './step-mentions';

export function forwardCommands(): void {
  // Firefox's MV3 exposes `commands` the same way; where a browser lacks it the feature is just off.
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Nothing happens in a tab without Gloss (a browser page, or Gloss is off there).
    await stepInTab(tab.id);
  });
}
