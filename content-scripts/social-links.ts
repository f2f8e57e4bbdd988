/**
 * Links to a social network that are the site's own furniture, not the story: share buttons ("Share
 * on Facebook", "Tweet"), follow links ("Follow us on Instagram") and rows of the site's profiles
 * ("Facebook Twitter YouTube"). Every news page has them, so each would underline "Facebook" and list
 * Meta Platforms in the popup as if the story named it. A link to a post (a tweet, a video) is the
 * story citing it and is read as usual, as is a link whose text names someone rather than the network
 * ("<a href=twitter.com/SenSchumer>Schumer</a>"). Pure: an address and a text in, a yes or no out.
 */

/**
 * The networks whose names the knowledge has, by their hosts (and subdomains), with the words a link's
 * text uses for them, and what of their address the preselector looks for (`marks`). A link to another
 * network ("Pinterest", "Flipboard") has no name to underline.
 */
const NETWORKS: readonly { hosts: readonly string[]; names: readonly string[]; marks: readonly string[] }[] = [
  { hosts: ['facebook.com'], names: ['facebook'], marks: ['facebook.'] },
  { hosts: ['twitter.com', 'x.com'], names: ['twitter', 'tweet', 'x'], marks: ['twitter.', 'x.com/'] },
  { hosts: ['instagram.com'], names: ['instagram'], marks: ['instagram.'] },
  { hosts: ['youtube.com'], names: ['youtube'], marks: ['youtube.'] },
  { hosts: ['linkedin.com'], names: ['linkedin'], marks: ['linkedin.'] },
  { hosts: ['reddit.com'], names: ['reddit'], marks: ['reddit.'] },
  { hosts: ['whatsapp.com', 'wa.me'], names: ['whatsapp'], marks: ['whatsapp.', 'wa.me/'] },
  { hosts: ['t.me', 'telegram.me'], names: ['telegram'], marks: ['t.me/'] },
  { hosts: ['tiktok.com'], names: ['tiktok'], marks: ['tiktok.'] },
  { hosts: ['bsky.app'], names: ['bluesky'], marks: ['bsky.'] },
  { hosts: ['plus.google.com'], names: ['google'], marks: ['plus.google.'] },
];

/** A share service that passes a page on to any network: its links name the network they go to. */
const SHARE_SERVICE = { hosts: ['addtoany.com'], marks: ['addtoany.'] };
const ANY_NETWORK = NETWORKS.flatMap((n) => n.names);

/**
 * The links worth asking about, preselected natively (`:is` so other elements fail at the tag):
 * loose on purpose (`x.com/` also finds `fox.com/`); `isSocialChromeLink` decides. Each substring
 * costs every link on the page a search of its address: the walk's one query of what it skips took
 * 0.17 ms on cnn.com's page (1,287 elements, 276 links) without this, 0.46 with 29 substrings, 0.31
 * with these 14; 0.2 ms more on the 20k-node page, which has no link (Chromium, medians of 15).
 */
export const SOCIAL_LINK_SELECTOR = `a:is(${[...NETWORKS, SHARE_SERVICE].flatMap((n) => n.marks)
  .map((mark) => `[href*="${mark}"]`)
  .join(',')})`;

/** A link's text longer than this is a sentence or a headline, not a button's label. */
const MAX_WORDS = 8;

/**
 * The words a share or follow button says besides the network's name ("Follow us on", "Share this
 * on", "opens in a new window", a few languages' "share on"). A label with any other word is the
 * story's phrase ("a Twitter account", "The Twitter Rules", "Breitbart's Facebook Page") and is read.
 */
const BUTTON_WORDS = new Set([
  'share', 'shares', 'sharing', 'this', 'it', 'story', 'article', 'on', 'via', 'with', 'to', 'at', 'in', 'and', 'or', 'a', 'the',
  'follow', 'following', 'us', 'me', 'him', 'her', 'them', 'our', 'my', 'like', 'find', 'join', 'connect', 'subscribe', 'visit',
  'see', 'watch', 'add', 'send', 'submit', 'fan', 'post', 'pin', 'tweet', 'email', 'icon', 'logo', 'button', 'link', 'channel', 'page', 'profile',
  'opens', 'open', 'new', 'window', 'tab',
  'partager', 'sur', 'compartir', 'en', 'teilen', 'auf', 'folgen', 'sie', 'uns', 'condividi', 'su', 'seguici', 'compartilhar', 'siga', 'nos', 'no', 'delen', 'op', 'volg', 'ons',
]);

/** Path segments of a share endpoint: always the site's button. */
const SHARE_SEGMENTS = new Set(['sharer', 'sharer.php', 'share', 'share.php', 'intent', 'sharearticle', 'submit', 'dialog', 'send', 'add_to', 'create']);
/** Path segments of one post: a link the story cites, read as prose. */
const POST_SEGMENTS = new Set([
  'status', 'statuses', 'posts', 'videos', 'photos', 'photo', 'photo.php', 'permalink.php', 'story.php', 'watch',
  'shorts', 'live', 'p', 'reel', 'reels', 'tv', 'comments', 'video', 'pulse', 'feed', 'events',
]);

function networkOf(host: string): (typeof NETWORKS)[number] | 'share-service' | undefined {
  const on = (suffix: string) => host === suffix || host.endsWith(`.${suffix}`);
  if (SHARE_SERVICE.hosts.some(on)) return 'share-service';
  return NETWORKS.find((n) => n.hosts.some(on));
}

/**
 * A label's words: letters and digits of the Latin scripts buttons here are written in ("partager",
 * "compartir"). Not `\p{L}`: a Unicode-property RegExp is compiled at its first use, on the page's
 * main thread, and that first use is in every page's first pass that has a share link.
 */
const WORD = /[a-z0-9\u00df-\u00ff]+/g;
/** A handle ("@NYTopinion") or a parenthesis ("(opens in a new window)") says nothing of the link's kind. */
const ASIDES = /\([^)]*\)|@\S+/g;
/** Query parameters that carry the page being shared (`?u=` to Facebook, `?text=` to WhatsApp). */
const SHARE_QUERY = /[?&](?:u|url|text|status|link|linkurl|body)=/i;

/** Whether a link's text is a button's label for the network: its name and button words, nothing else. */
function isButtonLabel(lower: string, names: readonly string[]): boolean {
  const words = lower.replace(ASIDES, ' ').match(WORD) ?? [];
  return words.some((w) => names.includes(w)) && words.every((w) => BUTTON_WORDS.has(w) || names.includes(w));
}

/** Whether a link (its `href` attribute and its text) is a share, follow or profile link of a social network. */
export function isSocialChromeLink(href: string | null, text: string | null): boolean {
  if (!href || !text) return false;
  const lower = text.toLowerCase();
  // Most links the preselector finds name no network ("fox.com/…" has "x.com/"): no address read for them.
  if (!ANY_NETWORK.some((name) => lower.includes(name))) return false;
  let url: URL;
  try {
    url = new URL(href, 'https://relative.invalid/');
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const network = networkOf(url.hostname.toLowerCase());
  if (!network) return false;
  if (text.trim().split(/\s+/).length > MAX_WORDS) return false;
  if (!isButtonLabel(lower, network === 'share-service' ? ANY_NETWORK : network.names)) return false;
  if (network === 'share-service' || SHARE_QUERY.test(url.search)) return true;
  const segments = url.pathname.toLowerCase().split('/').filter(Boolean);
  if (segments.some((s) => SHARE_SEGMENTS.has(s))) return true;
  // The network's home page is the story naming the company ("including <a>Instagram</a>").
  if (segments.length === 0) return false;
  // Otherwise a profile (the site's own, behind "Follow us on Twitter"), unless it is one post.
  return !segments.some((s) => POST_SEGMENTS.has(s));
}
