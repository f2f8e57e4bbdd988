/** Where a page's corrections are kept: the key of its address, the same however the reader came to it. */
import { CORRECTIONS_PREFIX } from '../src/storage-keys';

/**
 * Query parameters that say how the reader arrived, not which page this is: campaign tags and the
 * click ids that ad networks, social networks and mailing tools append to every link they carry.
 * A story shared on Facebook, mailed by a newsletter and found by search is one page; keyed with
 * these, a correction made on one copy was lost on the others. Only names documented as trackers
 * are here: other parameters stay in the key, since many sites name the story by one (`?id=`, `?p=`,
 * `?story_fbid=`).
 */
const TRACKING_PARAMETERS = new Set([
  // Google: Ads click ids (gclid, gclsrc, dclid; gbraid and wbraid on iOS), Analytics' cross-domain linker.
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', '_ga', '_gl',
  // Click ids of Facebook, Instagram's share, Microsoft Ads, Twitter/X, TikTok, LinkedIn, Yandex.
  'fbclid', 'igshid', 'igsh', 'msclkid', 'twclid', 'ttclid', 'li_fat_id', 'yclid',
  // Mail tools: Mailchimp's campaign and member ids, HubSpot's, Marketo's, Omeda's.
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_enc_id', 'oly_anon_id',
  // Twitter's embedded-tweet referrer, Adobe Analytics' campaign, the New York Times's share id.
  'ref_src', 'ref_url', 's_cid', 'smid',
]);

/** Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id…). */
const TRACKING_PREFIX = 'utm_';

function isTracking(segment: string): boolean {
  const eq = segment.indexOf('=');
  let name = eq < 0 ? segment : segment.slice(0, eq);
  try {
    name = decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    // A malformed escape names no tracker: the parameter stays in the key as written.
  }
  name = name.toLowerCase();
  return name.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.has(name);
}

/**
 * The query without tracking parameters. The other parameters are kept as the address writes them,
 * in their order, so an address without trackers keys exactly as it did before they were dropped.
 */
export function withoutTracking(search: string): string {
  if (search.length <= 1) return search;
  const segments = search.slice(1).split('&');
  const kept = segments.filter((segment) => !isTracking(segment));
  if (kept.length === segments.length) return search;
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * The page's key: its address without the fragment (a route of a single-page app is a page of its
 * own) and without tracking parameters.
 */
export function pageKey(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${CORRECTIONS_PREFIX}${location.origin}${location.pathname}${withoutTracking(location.search)}`;
}

/** The key the page had before tracking parameters were dropped, where it differs: corrections kept under it are still read. */
export function legacyPageKey(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string | undefined {
  const legacy = `${CORRECTIONS_PREFIX}${location.origin}${location.pathname}${location.search}`;
  return legacy === pageKey(location) ? undefined : legacy;
}
