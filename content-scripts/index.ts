/**
 * The content script's entry: loads settings, starts Gloss on this document when it is on for
 * this site, and starts or stops it live as settings change. No logic here.
 */
import { connectToWorker, handleMessages, type AskWorker, type StepRequest, type TabProtocol } from '../src/protocol';
import { isActiveOn, type Settings } from '../src/settings';
import { watchSettings } from '../src/settings-store';
import { PageGloss } from './page-gloss';
import { topModal } from './page-modal';
import { pageKey } from './page-key';
import { loadPageState, onPackIndexChanged, saveCorrections } from './page-storage';
import { setTimings } from './page-timings';
import { stopWhenOrphaned, takeOver } from './orphaned-script';
import { topSiteOf } from './top-site';
import { watchPage } from './watch-page';

// Which frames run this script is settled before it loads: content.js by the manifest (top frames
// only), the subframes' build by content-frames.js (frames with text only). page-timings.ts notes
// when it started, for `npm run bench`.

async function main(): Promise<void> {
  const life = new AbortController();
  // An update, a reload or a switch-off leaves this script in the page with dead extension APIs, its
  // names painted but opening nothing (orphaned-script.ts): it leaves the page as the site made it as
  // soon as it notices, and a newer Gloss started in this page stops it first.
  const stopHere = () => life.abort();
  takeOver(window, stopHere);
  stopWhenOrphaned(window, stopHere, life.signal);
  // Read together with the settings: one round trip to storage before the first paint, not two.
  let preload: ReturnType<typeof loadPageState> | undefined = loadPageState(location);
  preload.catch(() => {}); // awaited by start(), if Gloss starts; a failure is reported there
  // Opened before the settings are read: a worker Chrome has stopped (as it does after 30 s idle, so on
  // most new pages) starts and reads its index during that round trip, not after it. Closed at once
  // where Gloss is off.
  let early: { askWorker: AskWorker; stop: AbortController } | undefined = openPort(stopHere);
  const watched = watchSettings(life.signal);
  let settings = await watched.initial;
  if (life.signal.aborted) return early?.stop.abort();
  const host = location.hostname;
  // A subframe is on only where the page around it is too: "this site" off in the popup turns Gloss
  // off on the page the reader sees, an embedded post or story from another site included.
  const topHost = topSiteOf({
    top: window === window.top,
    parentIsTop: window.parent === window.top,
    ancestorOrigins: (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins,
    referrer: document.referrer,
  });
  const activeHere = (s: Settings) => isActiveOn(s, host) && (topHost === undefined || isActiveOn(s, topHost));
  let running: { gloss: PageGloss; stop: AbortController } | undefined;

  let starting = false;
  const start = async () => {
    if (starting || running) return;
    starting = true;
    try {
      // The port opened at the start, for the first start; opened here for a later one (the site
      // turned on): first, so the worker wakes and loads its knowledge while this tab reads corrections and the page.
      const { stop, askWorker } = early ?? openPort(stopHere);
      early = undefined;
      life.signal.addEventListener('abort', () => stop.abort(), { once: true });
      const { corrections, devTimings } = await (preload ?? loadPageState(location));
      preload = undefined;
      setTimings(devTimings);
      if (life.signal.aborted || stop.signal.aborted || !activeHere(settings)) return stop.abort();
      const gloss = new PageGloss(document, settings, stop.signal, askWorker, (c) => saveCorrections(location, c), corrections, {
        at: () => pageKey(location),
        load: () => loadPageState(location).then((s) => s.corrections),
      });
      running = { gloss, stop };
      gloss.annotate();
      watchPage(document, gloss, stop.signal);
      onPackIndexChanged(() => gloss.knowledgeChanged(), stop.signal);
    } finally {
      starting = false;
    }
  };
  const startReporting = () => start().catch((e: unknown) => console.warn('Gloss could not start on this page:', e));

  // Where Gloss is off the frame reports no names, so the popup and badge list none (not the page's
  // names from before it was turned off) and the popup still names this site for its switch.
  const reportNone = (port = openPort(stopHere)) =>
    void port.askWorker('reportEntities', { url: location.href, host, entities: [] }).catch(() => undefined).finally(() => port.stop.abort());

  watched.onChange((next) => {
    settings = next;
    const active = activeHere(settings);
    if (active && !running) void startReporting();
    else if (!active && running) {
      running.stop.abort();
      running = undefined;
      reportNone();
    } else running?.gloss.updateSettings(settings);
  });

  // Back from the back/forward cache: the worker may have dropped this page's report since (it asks a
  // tab's frames whether they still run Gloss), and the tab shows this page again.
  addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    if (running) void running.gloss.report();
    else if (!starting) reportNone();
  }, { signal: life.signal });

  // The popup has every frame read its rest; the worker steps through each frame's names in turn.
  const readPage = async () => {
    await running?.gloss.readAll();
    return { ok: true as const };
  };
  const stepMention = async (req: StepRequest) => ({ ok: (await running?.gloss.step(req)) ?? false });
  const pageState = () => ({ url: location.href });
  const reach = () => ({ modal: topModal(document) !== undefined });
  handleMessages<TabProtocol>({ readPage, stepMention, pageState, reach }, life.signal);

  // A page that writes itself anew erased Gloss's listeners with its own: start over, as on a new page.
  onDocumentRewritten(document, () => {
    life.abort();
    void main().catch((e: unknown) => console.warn('Gloss could not start on this page:', e));
  }, life.signal);

  if (activeHere(settings)) await startReporting();
  else if (early) {
    reportNone(early);
    early = undefined;
  }
}

/**
 * Calls `then` once the document's root element is another: `document.open()` (a page writing a new
 * page into its document, as some interstitials and old ad loaders do) removes everything in it and
 * erases every event listener on the window and the document, Gloss's too, so hover, keys and taps
 * did nothing on the new text, painted as it was.
 */
function onDocumentRewritten(doc: Document, then: () => void, signal: AbortSignal): void {
  const first = doc.documentElement;
  const observer = new MutationObserver(() => {
    // Between open() and the first write the document has no root element: wait for the new one.
    if (doc.documentElement === first || doc.documentElement === null) return;
    observer.disconnect();
    then();
  });
  observer.observe(doc, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** `onGone`: the extension was found gone (`connectToWorker`). */
function openPort(onGone: () => void): { askWorker: AskWorker; stop: AbortController } {
  const stop = new AbortController();
  return { stop, askWorker: connectToWorker(stop.signal, onGone) };
}

void main().catch((e: unknown) => console.warn('Gloss could not start on this page:', e));
