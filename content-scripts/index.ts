/**
 * The content script's entry: loads settings, starts Gloss on this document when it is on for
 * this site, and starts or stops it live as settings change. No logic here.
 */
import type { CompiledIndex } from '../src/knowledge/compile-index';
import { handleMessages, type TabProtocol } from '../src/protocol';
import { isActiveOn } from '../src/settings';
import { loadSettings, onSettingsChanged } from '../src/settings-store';
import { loadIndex, prefetchIndex } from './knowledge-index';
import { PageGloss } from './page-gloss';
import { loadCorrections, loadPackIndex, onPackIndexChanged, saveCorrections } from './page-storage';
import { watchPage } from './watch-page';

async function main(): Promise<void> {
  const top = window === window.top;
  const life = new AbortController();
  // Read together with the settings: one round trip to storage before the first paint, not two.
  let preload: Promise<[Map<string, string | null>, CompiledIndex | undefined]> | undefined = Promise.all([loadCorrections(location), loadPackIndex()]);
  preload.catch(() => {}); // awaited by start(), if Gloss starts; a failure is reported there
  prefetchIndex();
  let settings = await loadSettings();
  const host = location.hostname;
  let running: { gloss: PageGloss; stop: AbortController } | undefined;

  let starting = false;
  const start = async () => {
    if (starting || running) return;
    starting = true;
    try {
      const stop = new AbortController();
      life.signal.addEventListener('abort', () => stop.abort(), { once: true });
      const [corrections, pack] = await (preload ?? Promise.all([loadCorrections(location), loadPackIndex()]));
      preload = undefined;
      const loaded = await loadIndex(pack);
      if (stop.signal.aborted || !isActiveOn(settings, host)) return;
      const gloss = new PageGloss(document, settings, loaded, stop.signal, (c) => saveCorrections(location, c), corrections);
      running = { gloss, stop };
      gloss.annotate();
      watchPage(document, gloss, stop.signal);
      onPackIndexChanged((index) => {
        // In order: once the bundled index is in, loadIndex awaits nothing that could reorder two calls.
        void loadIndex(index).then((next) => stop.signal.aborted || gloss.updateIndex(next), (e: unknown) => console.warn('Gloss could not load the knowledge packs:', e));
      }, stop.signal);
    } finally {
      starting = false;
    }
  };
  const startReporting = () => start().catch((e: unknown) => console.warn('Gloss could not start on this page:', e));

  onSettingsChanged((next) => {
    settings = next;
    const active = isActiveOn(settings, host);
    if (active && !running) void startReporting();
    else if (!active && running) {
      running.stop.abort();
      running = undefined;
    } else running?.gloss.updateSettings(settings);
  }, life.signal);

  if (top) {
    handleMessages<TabProtocol>({
      stepMention: (req) => ({ ok: running?.gloss.step(req.entityId) ?? false }),
    }, life.signal);
  }

  if (isActiveOn(settings, host)) await startReporting();
}

void main().catch((e: unknown) => console.warn('Gloss could not start on this page:', e));
