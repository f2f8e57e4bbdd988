/** Parses a saved corpus page with happy-dom (no scripts, no network) and collects its text as the extension does. */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { collectBlocks } from '../content-scripts/collect-text';

export function pageBlocks(file: string, selector?: string): { blocks: string[]; body: Element; close: () => Promise<void> } {
  const window = new Window({
    url: 'https://corpus.invalid/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true, disableMainFrameNavigation: true } },
  });
  // collect-text reads Node's constants from the global scope, as it does in a page.
  (globalThis as unknown as { Node: unknown }).Node = window.Node;
  // Preload links would be fetched: drop them, they carry no text.
  window.document.write(readFileSync(file, 'utf8').replace(/<link\b[^>]*>/gi, ''));
  const body = ((selector ? window.document.querySelector(selector) : null) ?? window.document.body) as unknown as Element;
  return { blocks: collectBlocks(body as unknown as Node).map((b) => b.text), body, close: () => window.happyDOM.close() };
}
