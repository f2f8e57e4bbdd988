/** A container for the preact components a test file renders: in the document during each test, emptied after it. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

export function renderRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    act(() => render(null, root));
    root.remove();
  });
  return root;
}
