/**
 * The text blocks a tab's port sent last, so that its next request may leave the unchanged ones out:
 * on a live 20k-node page each update sent 450 KB of text again, ~15 ms of serialising on the page's
 * main thread. Kept per port (each port has its own sender object), only until its next request, and
 * gone with the port.
 */
import type { Runtime } from 'webextension-polyfill';
import { MAX_PAGE_TEXT, UNKNOWN_TEXT } from '../protocol';

const lastTexts = new WeakMap<Runtime.MessageSender, Map<number, string>>();

/**
 * The request's blocks' texts, each sent or (null) the one the port's previous request had for that
 * id; remembers them for the next request. Throws UNKNOWN_TEXT when a block is missing (the worker
 * restarted, or the port's requests arrived out of step), or when the whole passes MAX_PAGE_TEXT.
 */
export function blockTexts(port: Runtime.MessageSender, ids: readonly number[], texts: readonly (string | null)[]): string[] {
  const last = lastTexts.get(port);
  const out = new Array<string>(texts.length);
  const next = new Map<number, string>();
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? last?.get(ids[i]!);
    if (text === undefined) {
      lastTexts.delete(port);
      throw new Error(UNKNOWN_TEXT);
    }
    total += text.length;
    out[i] = text;
    next.set(ids[i]!, text);
  }
  if (total > MAX_PAGE_TEXT) throw new Error(`page text over ${MAX_PAGE_TEXT} characters`);
  lastTexts.set(port, next);
  return out;
}
