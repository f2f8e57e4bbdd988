/**
 * The site of the top page around a subframe: "this site" switched off in the popup turns Gloss off
 * in the page's frames from other sites too (an embedded post or story).
 */

export interface FramePlace {
  /** The frame is the top page itself. */
  top: boolean;
  /** The frame is right under the top page. */
  parentIsTop: boolean;
  /** `location.ancestorOrigins`, nearest first: Chromium, and Firefox since some version before 153. */
  ancestorOrigins: { readonly length: number; [index: number]: string } | undefined;
  /** `document.referrer`: the address the frame was loaded from (the embedding page's origin at least, unless it withholds it). */
  referrer: string;
}

/**
 * The host of the top page around a subframe; undefined in the top frame, or where it cannot be
 * known (a browser without `ancestorOrigins`, a frame deeper down or one the page withheld its
 * address from): there the frame goes by its own site alone.
 */
export function topSiteOf(place: FramePlace): string | undefined {
  if (place.top) return undefined;
  const origins = place.ancestorOrigins;
  let top: string | undefined;
  if (origins) top = origins.length > 0 ? origins[origins.length - 1] : undefined;
  else if (place.parentIsTop) top = place.referrer || undefined;
  if (!top) return undefined;
  try {
    return new URL(top).hostname;
  } catch {
    return undefined;
  }
}
