/**
 * What the page lets the reader reach now. A modal dialog (or an element in fullscreen) makes the rest
 * of the page inert, as does the `inert` attribute: the pointer does not reach that text, so no card
 * opens from it (the browser's caret hit-test still finds text under a modal's backdrop).
 */

/** The page's topmost modal element (dialog or fullscreen), if one is open. */
export function topModal(doc: Document): Element | undefined {
  // Asked as the pointer moves over names: the page's dialogs are few and their live collection is
  // kept by the browser, where a `:modal` query would walk the whole document (many pages keep a
  // closed <dialog> for a menu). The last open modal one in document order: a dialog opened from
  // another is usually inside or after it, and one opened over a fullscreen element is above it.
  const dialogs = doc.getElementsByTagName('dialog');
  try {
    for (let i = dialogs.length - 1; i >= 0; i--) {
      const dialog = dialogs[i]!;
      if (dialog.open && dialog.matches(':modal')) return dialog;
    }
  } catch {
    // No `:modal` (older browsers): no dialog is taken for modal.
  }
  return doc.fullscreenElement ?? undefined;
}

/**
 * A test of "this node is in the page but out of the reader's reach": inside an `inert` element, or
 * outside the open modal. The modal is looked up once, for as long as the test is kept.
 */
export function outOfReach(doc: Document): (node: Node) => boolean {
  const modal = topModal(doc);
  return (node) => {
    let inModal = false;
    // Up through shadow roots to their hosts: `inert` and a modal reach into shadow trees.
    for (let at: Node | null = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
      if (at === modal) inModal = true;
      if (at.nodeType === Node.ELEMENT_NODE && (at as Element).hasAttribute('inert')) return true;
    }
    return modal !== undefined && !inModal;
  };
}
