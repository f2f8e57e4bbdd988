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
  const frames = [...new Set([0, ...(await framesWith(tabId, entityId))])].sort((a, b) => a - b);
  const from = lastFrame.get(tabId);
  const at = from === undefined ? -1 : frames.indexOf(from);
  // From the frame stepped in last: its next mention, else each following frame's first, round to it again.
  const tries: { frame: number; fromStart: boolean }[] = at < 0 ? frames.map((frame) => ({ frame, fromStart: true })) : [{ frame: frames[at]!, fromStart: false }];
  if (at >= 0) for (let k = 1; k <= frames.length; k++) tries.push({ frame: frames[(at + k) % frames.length]!, fromStart: true });
  for (const { frame, fromStart } of tries) {
    // Only the last try wraps round: a frame that has passed its last mention closes its card and says so.
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
