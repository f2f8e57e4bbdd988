/**
 * "Next mention" across a tab's frames: the keyboard command and the popup's "Show on page" step
 * through the top frame's mentions, then each subframe's that has any (an article in an iframe, an
 * embedded post), then back to the top. Each frame steps through its own (`stepMention`); the worker
 * keeps which frame it stepped in last, in memory: after it restarts, stepping starts at the top.
 */
import { sendToTab } from '../protocol';
import { framesWith } from './tab-results';

const lastFrame = new Map<number, number>();

export async function stepInTab(tabId: number, entityId?: string): Promise<boolean> {
  // The top frame always: a long page read only in part has not reported what it will find.
  const reported = await framesWith(tabId, entityId);
  let frames = reported[0] === 0 ? reported : [0, ...reported];
  // A modal dialog open in the top frame puts every frame behind it out of reach, as it does the
  // top frame's own text outside it: the steps stay in the dialog. (A frame inside the dialog is
  // skipped too; the top frame cannot tell the worker which frame an <iframe> element holds.)
  if (frames.length > 1 && (await sendToTab(tabId, 'reach', {}, 0).then((r) => r.modal, () => false))) frames = [0];
  const at = frames.indexOf(lastFrame.get(tabId) ?? -1);
  // Each frame in turn, from the one stepped in last (its next mention, then the others' first), and
  // last that frame's first again: every try says `noWrap`, so a frame past its last mention closes
  // its card and answers false rather than wrapping round within itself.
  const start = Math.max(at, 0);
  const tries = [...frames.slice(start), ...frames.slice(0, start)].map((frame, k) => ({ frame, fromStart: at < 0 || k > 0 }));
  if (at >= 0) tries.push({ frame: frames[at]!, fromStart: true });
  for (const { frame, fromStart } of tries) {
    const ok = await sendToTab(tabId, 'stepMention', { entityId, fromStart, noWrap: true }, frame).then(
      (res) => res.ok,
      () => false, // no Gloss in that frame (gone, or off there)
    );
    if (ok) {
      lastFrame.set(tabId, frame);
      return true;
    }
  }
  return false;
}

export function forgetSteps(tabId: number): void {
  lastFrame.delete(tabId);
}
