/**
 * The one message protocol between Gloss's contexts. Every message is declared here with its
 * request and response; no other module calls `runtime.sendMessage` / `onMessage` / `tabs.sendMessage`
 * / `connect` / `onConnect`. Handlers receive only messages whose sender passed `senderAllowed` and
 * whose shape passed `requestShapes`.
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
  /**
   * How the page writes the entity where its name does not say so ("CISA" for the Cybersecurity and
   * Infrastructure Security Agency, "Tesla" for Tesla, Inc.): the popup's filter finds it by what the
   * reader saw underlined. At most MAX_SEEN forms.
   */
  seen: string[];
}

/** The keyboard command (manifest `commands`) that steps to the next name on the page, through every frame (`stepInTab`). */
export const NEXT_MENTION_COMMAND = 'next-mention';

/** The most written forms an entity's count carries (`EntityCount.seen`). */
export const MAX_SEEN = 3;

export interface TabEntities {
  url: string;
  host: string;
  entities: EntityCount[];
}

/** Messages handled by the background worker. */
export interface WorkerProtocol {
  /** Popup: card details for these ids (null for unknown ids). Content scripts ask over their port. */
  getDetails: (req: { ids: string[] }) => { details: Record<string, CardDetails | null> };
  /** Options page: which of these ids the bundled knowledge has (to show pack overrides). */
  bundledIds: (req: { ids: string[] }) => { known: string[] };
  /** Popup: what Gloss found in a tab, or null when nothing was reported. */
  getTabEntities: (req: { tabId: number }) => TabEntities | null;
  /**
   * Popup ("Show on page"): the next mention in the tab (of one entity, if given), in whichever of its
   * frames it is (`step-mentions.ts`); false when the tab shows none.
   */
  stepInTab: (req: { tabId: number; entityId?: string }) => { ok: boolean };
}

/**
 * Requests a content script makes over its own long-lived port to the worker (`connectToWorker`):
 * one message each way per request, where `sendMessage` opens and closes a channel every time
 * (1.5 ms against 4–6 per round trip from an extension page here, idle), and a tab's first
 * `sendMessage` cost it ~2 ms more of setting up.
 */
export interface PortProtocol {
  /**
   * The linked mentions in a page's text blocks (in page order), with the reader's corrections for
   * the page. `ids[i]` names block i for this port; `texts[i]` is its text, or null for "the text
   * block `ids[i]` had in this port's previous request" (a live page's unchanged blocks are not sent
   * again; the worker answers UNKNOWN_TEXT when it has no such block, and the tab sends them all).
   * `reload`: the knowledge packs changed since the tab last asked.
   */
  findMentions: (req: { texts: (string | null)[]; ids: number[]; corrections: [string, string | null][]; reload?: boolean }) => WireMentions;
  /** The entities this frame shows now (replaces the frame's previous report). */
  reportEntities: (req: { url: string; host: string; entities: EntityCount[] }) => { ok: true };
  /** Card details for these ids (null for unknown ids). */
  getDetails: WorkerProtocol['getDetails'];
}

/** Which mention a frame steps to: see `TabProtocol.stepMention`. */
export interface StepRequest {
  entityId?: string;
  fromStart?: boolean;
  noWrap?: boolean;
}

/** Messages handled by a tab's content scripts, in every frame running Gloss. */
export interface TabProtocol {
  /**
   * Scroll to, paint as current and open the card of the frame's next mention (of one entity, if
   * given): after the mention whose card is open, or its first with `fromStart`. After its last, the
   * first again, or with `noWrap` none: the card closes and the answer is false, so the worker goes on
   * in the tab's next frame.
   */
  stepMention: (req: StepRequest) => { ok: boolean };
  /**
   * Read the rest of a very long page, read so far only as far as the reader came (the popup lists every
   * entity on the page); answers when it is linked and reported. Sent to every frame.
   */
  readPage: (req: Record<string, never>) => { ok: true };
  /**
   * The frame's address now: the worker asks a tab's frames whether they still run Gloss, and where
   * (`live-frames.ts`); a frame that does not answer is gone, or never ran Gloss.
   */
  pageState: (req: Record<string, never>) => { url: string };
  /**
   * Whether the frame has a modal element open (a dialog, or an element in fullscreen): then the rest
   * of it, its subframes included, is out of the reader's reach, and "next name" stays in the top frame.
   */
  reach: (req: Record<string, never>) => { modal: boolean };
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
const requestShapes: { [K in keyof WorkerProtocol | keyof TabProtocol | keyof PortProtocol]: (req: unknown) => boolean } = {
  reportEntities: (r) =>
    isRecord(r) && typeof r.url === 'string' && typeof r.host === 'string' && Array.isArray(r.entities) && r.entities.length <= 10_000 &&
    r.entities.every(
      (e) => isRecord(e) && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.category === 'string' && typeof e.count === 'number' && isStringArray(e.seen, MAX_SEEN),
    ),
  findMentions: (r) =>
    isRecord(r) && Array.isArray(r.texts) && r.texts.length <= MAX_PAGE_TEXT && (r.reload === undefined || typeof r.reload === 'boolean') &&
    textsFit(r.texts) && Array.isArray(r.ids) && r.ids.length === r.texts.length && r.ids.every((id) => Number.isInteger(id)) &&
    Array.isArray(r.corrections) && r.corrections.length <= MAX_CORRECTIONS &&
    r.corrections.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && c[0].length < 300 && (c[1] === null || (typeof c[1] === 'string' && c[1].length < 300))),
  getDetails: (r) => isRecord(r) && isStringArray(r.ids, 500),
  getTabEntities: (r) => isRecord(r) && Number.isInteger(r.tabId),
  stepInTab: (r) => isRecord(r) && Number.isInteger(r.tabId) && (r.entityId === undefined || typeof r.entityId === 'string'),
  bundledIds: (r) => isRecord(r) && isStringArray(r.ids, 5000),
  stepMention: (r) =>
    isRecord(r) && (r.entityId === undefined || typeof r.entityId === 'string') && [r.fromStart, r.noWrap].every((f) => f === undefined || typeof f === 'boolean'),
  readPage: (r) => isRecord(r),
  pageState: (r) => isRecord(r),
  reach: (r) => isRecord(r),
};

/** Texts (or null, for a block's previous text) within MAX_PAGE_TEXT in all. */
function textsFit(texts: unknown[]): boolean {
  let total = 0;
  for (const t of texts) {
    if (t === null) continue;
    if (typeof t !== 'string') return false;
    total += t.length;
  }
  return total <= MAX_PAGE_TEXT;
}

/** The worker's answer to a `findMentions` naming a block whose text it does not have (it restarted, or dropped it). */
export const UNKNOWN_TEXT = 'unknown-text';

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
    case 'stepInTab':
    case 'bundledIds':
      return fromExtensionPage;
    case 'stepMention':
    case 'readPage':
    case 'pageState':
    case 'reach':
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

/**
 * A request to a tab's top frame; with `allFrames`, to every frame of it that runs Gloss (a long
 * story in a subframe is read in part too), answered by the first to answer.
 */
/** To one frame of the tab (the top frame, 0, by default), or to every frame (the first answer counts). */
export function sendToTab<K extends keyof TabProtocol>(tabId: number, name: K, req: Req<TabProtocol, K>, frame: number | 'all' = 0): Promise<Res<TabProtocol, K>> {
  const envelope = { gloss: 1, name, req } satisfies Envelope;
  return (frame === 'all' ? browser.tabs.sendMessage(tabId, envelope) : browser.tabs.sendMessage(tabId, envelope, { frameId: frame })) as Promise<Res<TabProtocol, K>>;
}

type AnyHandler = (req: unknown, sender: Runtime.MessageSender) => unknown;

function handlerFor(handlers: object, name: string): AnyHandler | undefined {
  return (handlers as Record<string, AnyHandler | undefined>)[name];
}

/** Whether a request's shape and sender pass their checks; a rejection is logged, never thrown into pages. */
function accepted(name: string, req: unknown, sender: Runtime.MessageSender, what: string): boolean {
  const shape = requestShapes[name as keyof typeof requestShapes];
  if (shape?.(req) && senderAllowed(name, sender)) return true;
  console.warn(`Gloss: rejected ${what} "${name.slice(0, 40)}" from ${sender.url ?? 'unknown sender'}`);
  return false;
}

/** Registers handlers until `signal` aborts. Rejected messages are logged, never thrown into pages. */
export function handleMessages<P extends WorkerProtocol | TabProtocol>(handlers: Partial<Handlers<P>>, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlerFor(handlers, message.name);
    if (!handler || !accepted(message.name, message.req, sender, 'message')) return undefined;
    return Promise.resolve().then(() => handler(message.req, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => {
    try {
      browser.runtime.onMessage.removeListener(listener);
    } catch {
      // The extension is gone, and its listeners with it.
    }
  }, { once: true });
}

/** How long a tab waits for the worker's answer (a page at MAX_PAGE_TEXT takes the worker a few seconds). */
export const REQUEST_TIMEOUT_MS = 30_000;

const GONE = 'Gloss was updated, reloaded or turned off: this page runs the old script';

/**
 * Whether the extension this script belongs to was unloaded (updated, reloaded, switched off or
 * removed). The browser leaves a page's content scripts running with dead extension APIs (Chromium:
 * "Extension context invalidated"), and `runtime.id` is then undefined.
 */
export function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** A request over a content script's port (`connectToWorker`). */
export type AskWorker = <K extends keyof PortProtocol>(name: K, req: Req<PortProtocol, K>) => Promise<Res<PortProtocol, K>>;

/** The name of a content script's port to the worker. */
const PAGE_PORT = 'gloss-page';

/** A request the port dropped because the worker stopped: sent again on a new port. */
class PortClosed extends Error {
  constructor() {
    super('the port to the worker closed');
  }
}

interface PortRequest {
  gloss: 1;
  id: number;
  name: string;
  req: unknown;
}

type PortReply = { id: number; res: unknown } | { id: number; error: string };

function isPortRequest(m: unknown): m is PortRequest {
  return isRecord(m) && m.gloss === 1 && Number.isSafeInteger(m.id) && typeof m.name === 'string';
}

/** The worker's side of content scripts' ports; `onConnect` runs for each port accepted (a tab is about to ask). */
export function handlePortRequests(handlers: Partial<Handlers<PortProtocol>>, onConnect?: () => void): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PAGE_PORT) return;
    const sender = port.sender;
    if (!sender || !senderAllowed('findMentions', sender)) {
      console.warn(`Gloss: refused a port from ${sender?.url ?? 'unknown sender'}`);
      port.disconnect();
      return;
    }
    const reply = (message: PortReply) => {
      try {
        port.postMessage(message);
      } catch {
        // The tab closed or navigated while its request ran: nobody is waiting.
      }
    };
    port.onMessage.addListener((message: unknown) => {
      if (!isPortRequest(message)) return;
      const handler = handlerFor(handlers, message.name);
      if (!accepted(message.name, message.req, sender, 'port message') || !handler) {
        reply({ id: message.id, error: 'rejected' });
        return;
      }
      Promise.resolve()
        .then(() => handler(message.req, sender))
        .then((res) => reply({ id: message.id, res }), (e: unknown) => reply({ id: message.id, error: String(e) }));
    });
    onConnect?.();
  });
}

/**
 * A content script's port to the worker, opened now (which wakes the worker, so it can get ready
 * while the tab reads the page) and again whenever the worker has stopped meanwhile. A request the
 * port dropped because the worker stopped is sent once more on a new port. Closed when `signal` aborts.
 * `onGone` runs when the port closes, or cannot open, because the extension is gone (`extensionGone`).
 */
export function connectToWorker(signal: AbortSignal, onGone?: () => void): AskWorker {
  let port: Runtime.Port | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (res: unknown) => void; reject: (e: Error) => void }>();
  // Checked whenever the port closes or cannot open: an old script's request (a pass over text the
  // page changed) fails here, and the script learns it is gone without waiting for the reader.
  const gone = (): boolean => {
    const isGone = extensionGone();
    if (isGone && onGone) queueMicrotask(onGone);
    return isGone;
  };
  const open = (): Runtime.Port => {
    if (port) return port;
    let opened: Runtime.Port;
    try {
      opened = browser.runtime.connect({ name: PAGE_PORT });
    } catch (e) {
      gone();
      throw e;
    }
    opened.onMessage.addListener((message: unknown) => {
      if (!isRecord(message) || typeof message.id !== 'number') return;
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if ('error' in message) waiting.reject(new Error(`worker: ${String(message.error)}`));
      else waiting.resolve(message.res);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      const dropped = [...pending.values()];
      pending.clear();
      // A stopped worker's requests are sent again on a new port; a gone extension's fail.
      const isGone = gone();
      for (const { reject } of dropped) reject(isGone ? new Error(GONE) : new PortClosed());
    });
    return (port = opened);
  };
  const send = (name: string, req: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (signal.aborted) return reject(new Error('Gloss stopped on this page'));
      const id = ++next;
      // A worker that never answers must not stall the page's later passes: the request fails instead.
      const timer = setTimeout(() => {
        if (pending.delete(id)) reject(new Error(`the worker did not answer "${name}" within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      const settle = <T>(fn: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        fn(v);
      };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      try {
        open().postMessage({ gloss: 1, id, name, req } satisfies PortRequest);
      } catch (e) {
        pending.delete(id);
        clearTimeout(timer);
        port = undefined;
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  try {
    open();
  } catch {
    // The extension is gone already (`onGone` is on its way); a request says so to whoever asks.
  }
  signal.addEventListener('abort', () => {
    try {
      port?.disconnect();
    } catch {
      // The extension is gone: so is the port.
    }
    port = undefined;
    // Disconnecting our own end fires no onDisconnect here: requests still waiting end now.
    const waiting = [...pending.values()];
    pending.clear();
    for (const { reject } of waiting) reject(new Error('Gloss stopped on this page'));
  }, { once: true });
  return (name, req) => send(name, req).catch((e: unknown) => (e instanceof PortClosed ? send(name, req) : Promise.reject(e))) as never;
}
