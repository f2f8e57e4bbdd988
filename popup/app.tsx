/** The popup: who is on this page, and the switches that decide what Gloss does. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { CATEGORIES, type Category } from '../src/knowledge/schema';
import { sendToTab, sendToWorker, type TabEntities } from '../src/protocol';
import { isActiveOn, type Settings } from '../src/settings';
import { updateSettings, watchSettings } from '../src/settings-store';
import { startInTab } from '../src/start-in-tab';
import browser from 'webextension-polyfill';
import { Credits } from './credits';
import { EntityList } from './entity-list';
import { filterEntities } from './filter-entities';
import { SettingsPanel } from './settings-panel';
import { ShortcutHint } from './shortcut-hint';
import { categoryMark, Switch } from './switch';

export function App({ tabId }: { tabId: number | undefined }) {
  const [tab, setTab] = useState<TabEntities | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>();
  const [filter, setFilter] = useState('');
  const [error, setError] = useState('');
  /** Gloss was started in the tab just now (`startInTab`) and has not reported yet. */
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    const life = new AbortController();
    const settings = watchSettings(life.signal);
    void settings.initial.then(setSettings);
    settings.onChange(setSettings);
    const refresh = () => {
      if (tabId === undefined) setTab(null);
      else void sendToWorker('getTabEntities', { tabId }).then(setTab, () => setTab(null));
    };
    refresh();
    // A page loaded before Gloss was installed or updated has no Gloss, or a dead one: the reader's
    // click on the toolbar button lets Gloss start there now, and the list fills in as it reports.
    if (tabId !== undefined) {
      void startInTab(tabId).then((started) => {
        if (!started) return;
        setStarting(true);
        refresh();
      });
    }
    // A very long page is read as the reader scrolls it: the list is of the whole page, so the tab reads
    // the rest now, in every frame (the first frame to answer refreshes the list; the others' reports
    // come with the next refreshes).
    if (tabId !== undefined) void sendToTab(tabId, 'readPage', {}, 'all').then(refresh, () => undefined);
    // Settings changes make the page repaint and report again: follow it.
    const timer = setInterval(refresh, 1000);
    life.signal.addEventListener('abort', () => clearInterval(timer));
    return () => life.abort();
  }, [tabId]);

  const change = (fn: (s: Settings) => void) => {
    setError('');
    updateSettings(fn).then(setSettings, (e: unknown) => setError(t('settingsSaveFailed', e instanceof Error ? e.message : String(e))));
  };

  const entities = tab?.entities ?? [];
  const visible = useMemo(() => filterEntities(entities, filter), [entities, filter]);
  const countByCategory = (c: Category) => entities.filter((e) => e.category === c).length;
  const everywhere = useRef<HTMLInputElement>(null);

  if (!settings) return null;
  const host = tab?.host ?? '';
  // Off everywhere, the site's and the categories' switches decide nothing until it is on again: they are
  // dimmed (and said to be unavailable), keeping what they will do then; the counts, of a page Gloss
  // has not read, are left out rather than shown as (0).
  const off = !settings.enabled;
  const turnOn = () => {
    change((s) => void (s.enabled = true));
    // The button goes with the message: focus goes to the switch it turned on, not to the page's start.
    everywhere.current?.focus();
  };
  return (
    <div class="popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        <Switch label={t('everywhere')} inputRef={everywhere} testId="everywhere-switch" checked={settings.enabled} onChange={(on) => change((s) => void (s.enabled = on))} />
      </header>
      {error && <p role="alert" class="error">{error}</p>}
      {host && (
        <Switch
          label={t('thisSite', host)}
          testId="site-switch"
          checked={!settings.disabledSites.includes(host)}
          disabled={off}
          onChange={(on) =>
            change((s) => {
              s.disabledSites = on ? s.disabledSites.filter((h) => h !== host) : [...s.disabledSites, host];
            })
          }
        />
      )}
      <fieldset class="categories">
        <legend>{t('categories')}</legend>
        {CATEGORIES.map((c) => (
          <Switch
            key={c}
            label={t(`category_${c}`)}
            {...(isActiveOn(settings, host) && { after: ` (${countByCategory(c)})` })}
            mark={categoryMark(c, settings.highlightStyle)}
            testId={`category-${c}`}
            checked={settings.categories[c]}
            disabled={off}
            onChange={(on) => change((s) => void (s.categories[c] = on))}
          />
        ))}
      </fieldset>
      <section aria-labelledby="on-page">
        <h2 id="on-page">{t('onThisPage')}</h2>
        {off && (
          <p class="off-notice" data-testid="off-everywhere">
            {t('offEverywhere')}{' '}
            <button type="button" class="button" onClick={turnOn}>
              {t('turnGlossOn')}
            </button>
          </p>
        )}
        {tab === null && <p>{starting ? t('startingHere') : t('noTab')}</p>}
        {tab && entities.length === 0 && !off && <p>{isActiveOn(settings, host) ? t('nothingFound') : t('offHere')}</p>}
        {entities.length > 0 && (
          <input type="search" class="filter" placeholder={t('search')} aria-label={t('search')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        )}
        {/* Said as the reader types, for a screen reader too; empty (and silent) without a query. */}
        {entities.length > 0 && (
          <p role="status" class="filter-status" data-testid="filter-status">
            {filter.trim() === '' ? '' : visible.length === 0 ? t('filterNone', filter.trim()) : t('filterCount', visible.length, entities.length)}
          </p>
        )}
        {entities.length > 0 && <ShortcutHint />}
        <EntityList entities={visible} categories={settings.categories} tabId={tabId} />
      </section>
      <details class="more">
        <summary>{t('settings')}</summary>
        <SettingsPanel settings={settings} change={change} />
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </details>
      <details class="more">
        <summary>{t('credits')}</summary>
        <Credits />
      </details>
    </div>
  );
}
