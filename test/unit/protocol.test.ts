/** Every message handler checks the sender and the message's shape before it runs. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: object) => Promise<unknown> | undefined;
const listeners: Listener[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'gloss-id',
      getURL: (p: string) => `chrome-extension://gloss-id/${p}`,
      onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: () => undefined },
    },
  },
}));
const { handleMessages } = await import('../../src/protocol');

const calls: string[] = [];
beforeEach(() => {
  listeners.length = 0;
  calls.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  handleMessages({
    getTabEntities: () => (calls.push('getTabEntities'), null),
    getDetails: () => (calls.push('getDetails'), { details: {} }),
    stepInTab: () => (calls.push('stepInTab'), { ok: true }),
  });
  // A content script's handlers, as a tab registers them.
  handleMessages({ stepMention: () => (calls.push('stepMention'), { ok: true }), pageState: () => (calls.push('pageState'), { url: 'https://news.example/story' }), reach: () => (calls.push('reach'), { modal: false }) });
});

const contentScript = { id: 'gloss-id', tab: { id: 7 }, url: 'https://news.example/story' };
const popup = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html?tab=7' };
const otherExtension = { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' };
const report = { gloss: 1, name: 'reportEntities', req: { url: 'https://news.example/', host: 'news.example', entities: [] } };
const details = { gloss: 1, name: 'getDetails', req: { ids: ['person:christopher-krebs'] } };
const find = (req: object) => ({ gloss: 1, name: 'findMentions', req: { texts: ['Krebs spoke.'], corrections: [['krebs', null]], ...req } });
const tabQuery = { gloss: 1, name: 'getTabEntities', req: { tabId: 7 } };
const step = { gloss: 1, name: 'stepInTab', req: { tabId: 7, entityId: 'person:christopher-krebs' } };

async function deliver(message: unknown, sender: object): Promise<boolean> {
  let handled = false;
  for (const listener of listeners) {
    const result = listener(message, sender);
    if (result) await result;
    handled ||= result !== undefined;
  }
  return handled;
}

describe('protocol sender and shape checks', () => {
  it.each([
    ['the popup asks for card details', details, popup, true],
    ['the popup asks about a tab', tabQuery, popup, true],
    ['a content script (any page) may not ask about tabs', tabQuery, contentScript, false],
    ['the popup steps to a name in a tab', step, popup, true],
    ['a content script (any page) may not step through a tab', step, contentScript, false],
    ['a step with a tab id that is not a number is rejected', { ...step, req: { tabId: '7' } }, popup, false],
    ['the worker has a frame step to its next name', { gloss: 1, name: 'stepMention', req: { fromStart: true, noWrap: true } }, { id: 'gloss-id' }, true],
    ['a frame step with a flag that is not a boolean is rejected', { gloss: 1, name: 'stepMention', req: { noWrap: 'yes' } }, { id: 'gloss-id' }, false],
    ['a content script (another frame\'s page) may not step a frame', { gloss: 1, name: 'stepMention', req: {} }, contentScript, false],
    ['the worker asks a frame where it is', { gloss: 1, name: 'pageState', req: {} }, { id: 'gloss-id' }, true],
    ['a content script (another frame\'s page) may not ask a frame where it is', { gloss: 1, name: 'pageState', req: {} }, contentScript, false],
    ['the worker asks the top frame whether a modal dialog is open', { gloss: 1, name: 'reach', req: {} }, { id: 'gloss-id' }, true],
    ['a content script (another frame\'s page) may not ask it', { gloss: 1, name: 'reach', req: {} }, contentScript, false],
    ['another extension is ignored', details, otherExtension, false],
    ['a report sent as a one-off message is ignored (it goes over the page\'s port)', report, contentScript, false],
    ['a malformed request is rejected', { gloss: 1, name: 'getTabEntities', req: { tabId: 'all' } }, popup, false],
    ['an oversized id list is rejected', { gloss: 1, name: 'getDetails', req: { ids: Array(501).fill('x') } }, contentScript, false],
    ['page text sent as a one-off message is ignored (it goes over the page\'s port)', find({}), contentScript, false],
    ['unknown message names are ignored', { gloss: 1, name: 'eval', req: {} }, popup, false],
    ['foreign messages are ignored', { type: 'getTabEntities', tabId: 7 }, popup, false],
  ])('%s', async (_, message, sender, handled) => {
    expect(await deliver(message, sender)).toBe(handled);
    expect(calls.length).toBe(handled ? 1 : 0);
  });
});
