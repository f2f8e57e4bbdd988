/**
 * In the page, shared by the Chromium (Playwright) and Firefox (Puppeteer) tests: the centre of `text`
 * in the first text node of the element `id` inside the shadow root of the element `host`. Passed to
 * `page.evaluate`, which sends its source to the page: it uses nothing from outside itself.
 */
export function shadowTextPoint({ host, id, text }: { host: string; id: string; text: string }): { x: number; y: number } {
  const node = document.getElementById(host)!.shadowRoot!.getElementById(id)!.firstChild as Text;
  const at = node.data.indexOf(text);
  const range = new Range();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const box = range.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}
