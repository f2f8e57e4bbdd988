/** The options page's entry: every setting, the site list, knowledge packs and credits. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { CATEGORIES } from '../src/knowledge/schema';
import type { Settings } from '../src/settings';
import { updateSettings, watchSettings } from '../src/settings-store';
import { Credits } from './credits';
import { PacksPanel } from './packs-panel';
import { SettingsPanel, SitesList } from './settings-panel';
import { categoryMark, Switch } from './switch';

function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState('');
  useEffect(() => {
    const life = new AbortController();
    const settings = watchSettings(life.signal);
    void settings.initial.then(setSettings);
    settings.onChange(setSettings);
    return () => life.abort();
  }, []);
  const change = (fn: (s: Settings) => void) => {
    setError('');
    updateSettings(fn).then(setSettings, (e: unknown) => setError(t('settingsSaveFailed', e instanceof Error ? e.message : String(e))));
  };
  if (!settings) return null;
  return (
    <div class="popup options-page">
      <h1>{t('optionsTitle')}</h1>
      {error && <p role="alert" class="error">{error}</p>}
      <section>
        <Switch label={t('everywhere')} checked={settings.enabled} onChange={(on) => change((s) => void (s.enabled = on))} />
        <fieldset class="categories">
          <legend>{t('categories')}</legend>
          {CATEGORIES.map((c) => (
            <Switch key={c} label={t(`category_${c}`)} mark={categoryMark(c, settings.highlightStyle)} testId={`category-${c}`} checked={settings.categories[c]} onChange={(on) => change((s) => void (s.categories[c] = on))} />
          ))}
        </fieldset>
        <SettingsPanel settings={settings} change={change} />
      </section>
      <section>
        <h2>{t('sitesOff')}</h2>
        <SitesList settings={settings} change={change} />
      </section>
      <section>
        <h2>{t('packs')}</h2>
        <PacksPanel />
      </section>
      <section>
        <h2>{t('sourcesCredits')}</h2>
        <Credits />
      </section>
    </div>
  );
}

render(<Options />, document.getElementById('app')!);
