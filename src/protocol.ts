/**
 * The one message protocol between Gloss's contexts. Every message is declared here with its
 * request and response; no other module calls `runtime.sendMessage` / `onMessage` / `tabs.sendMessage`.
 * Handlers receive only messages whose sender passed `senderAllowed` and whose shape passed `isRequest`.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { CardDetails } from './knowledge/card-details';
import type { Category } from './knowledge/schema';
import type { WireMentions } from './match/mention-wire';
import { isRecord } from './is-record';

export interface EntityCount {
  id: string;
  name: string;
  category: Category;
  count: number;
}

export interface TabEntities {
  url: string;
  host: string;
  entities: EntityCount[];
}

/** Messages handled by the background worker. */
export interface WorkerProtocol {
  /** Content script: the entities this frame shows now (replaces the frame's previous report). */
  reportEntities: (req: { url: string; host: string; entities: EntityCount[] }) => { ok: true };
  /**
   * Content script: the linked mentions in a page's text blocks (in page order), with the reader's
   * corrections for the page. `reload`: the knowledge packs changed since the tab last asked.
   */
  findMentions: (req: { texts: string[]; corrections: [string, string | null][]; reload?: boolean }) => WireMentions;
  /** Content script or popup: card details for these ids (null for unknown ids). */
  getDetails: (req: { ids: string[] }) => { details: Record<string, CardDetails | null> };
  /** Options page: which of these ids the bundled knowledge has (to show pack overrides). */
  bundledIds: (req: { ids: string[] }) => { known: string[] };
  /** Popup: what Gloss found in a tab, or null when nothing was reported. */
  getTabEntities: (req: { tabId: number }) => TabEntities | null;
}

/** Messages handled by the content script of a tab's top frame. */
export interface TabProtocol {
  /** Scroll to, paint as current and open the card of the next mention (of one entity, if given). */
  stepMention: (req: { entityId?: string }) => { ok: boolean };
}

type Handlers<P> = { [K in keyof P]: P[K] extends (req: infer Q) => infer R ? (req: Q, sender: Runtime.MessageSender) => R | Promise<R> : never };
type Req<P, K extends keyof P> = P[K] extends (req: infer Q) => unknown ? Q : never;
type Res<P, K extends keyof P> = P[K] extends (req: never) => infer R ? R : never;

/** The most text one `findMentions` carries (UTF-16 units): far above any article, well under messaging's 64 MB. */
export const MAX_PAGE_TEXT = 8_000_000;
/** The most corrections one page keeps. */
export const MAX_CORRECTIONS = 1000;

const isStringArray = (v: unknown, max: number): v is string[] => Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length < 300);

/** Shape checks for every request: anything else is rejected before a handler sees it. */
const requestShapes: { [K in keyof WorkerProtocol | keyof TabProtocol]: (req: unknown) => boolean } = {
  reportEntities: (r) =>
    isRecord(r) && typeof r.url === 'string' && typeof r.host === 'string' && Array.isArray(r.entities) && r.entities.length <= 10_000 &&
    r.entities.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.category === 'string' && typeof e.count === 'number'),
  findMentions: (r) =>
    isRecord(r) && Array.isArray(r.texts) && r.texts.length <= MAX_PAGE_TEXT && (r.reload === undefined || typeof r.reload === 'boolean') &&
    textsFit(r.texts) &&
    Array.isArray(r.corrections) && r.corrections.length <= MAX_CORRECTIONS &&
    r.corrections.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && c[0].length < 300 && (c[1] === null || (typeof c[1] === 'string' && c[1].length < 300))),
  getDetails: (r) => isRecord(r) && isStringArray(r.ids, 500),
  getTabEntities: (r) => isRecord(r) && Number.isInteger(r.tabId),
  bundledIds: (r) => isRecord(r) && isStringArray(r.ids, 5000),
  stepMention: (r) => isRecord(r) && (r.entityId === undefined || typeof r.entityId === 'string'),
};

function textsFit(texts: unknown[]): boolean {
  let total = 0;
  for (const t of texts) {
    if (typeof t !== 'string') return false;
    total += t.length;
  }
  return total <= MAX_PAGE_TEXT;
}

/** Who may send what: content scripts report; only our own pages ask about tabs. */
function senderAllowed(name: string, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
  switch (name) {
    case 'reportEntities':
    case 'findMentions':
      return sender.tab?.id !== undefined;
    case 'getDetails':
      return true;
    case 'getTabEntities':
    case 'bundledIds':
      return fromExtensionPage;
    case 'stepMention':
      // Content scripts only receive what our worker or pages send with tabs.sendMessage (never other pages).
      return sender.tab === undefined || fromExtensionPage;
    default:
      return false;
  }
}

interface Envelope {
  gloss: 1;
  name: string;
  req: unknown;
}

function isEnvelope(m: unknown): m is Envelope {
  return isRecord(m) && m.gloss === 1 && typeof m.name === 'string';
}

export function sendToWorker<K extends keyof WorkerProtocol>(name: K, req: Req<WorkerProtocol, K>): Promise<Res<WorkerProtocol, K>> {
  return browser.runtime.sendMessage({ gloss: 1, name, req } satisfies Envelope) as Promise<Res<WorkerProtocol, K>>;
}

export function sendToTab<K extends keyof TabProtocol>(tabId: number, name: K, req: Req<TabProtocol, K>): Promise<Res<TabProtocol, K>> {
  return browser.tabs.sendMessage(tabId, { gloss: 1, name, req } satisfies Envelope, { frameId: 0 }) as Promise<Res<TabProtocol, K>>;
}

/** Registers handlers until `signal` aborts. Rejected messages are logged, never thrown into pages. */
export function handleMessages<P extends WorkerProtocol | TabProtocol>(handlers: Partial<Handlers<P>>, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = (handlers as Record<string, ((req: unknown, s: Runtime.MessageSender) => unknown) | undefined>)[message.name];
    if (!handler) return undefined;
    const shape = requestShapes[message.name as keyof typeof requestShapes];
    if (!shape?.(message.req) || !senderAllowed(message.name, sender)) {
      console.warn(`Gloss: rejected message "${message.name.slice(0, 40)}" from ${sender.url ?? 'unknown sender'}`);
      return undefined;
    }
    return Promise.resolve().then(() => handler(message.req, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
