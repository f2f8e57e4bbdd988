/** Settings controls shared by the popup and the options page. Changes apply live to open tabs. */
import { t } from '../src/i18n';
import { CARD_DELAY_RANGE, DENSITIES, HIGHLIGHT_STYLES, type Settings } from '../src/settings';
import { Switch } from './switch';

export function SettingsPanel({ settings, change }: { settings: Settings; change: (fn: (s: Settings) => void) => void }) {
  return (
    <div class="settings-panel">
      <label class="field">
        <span>{t('density')}</span>
        <select data-testid="density" value={settings.density} onChange={(e) => {
            // Read the value now: currentTarget is gone by the time the stored settings are loaded.
            const value = e.currentTarget.value as Settings['density'];
            change((s) => void (s.density = value));
          }}>
          {DENSITIES.map((d) => (
            <option key={d} value={d}>
              {t(`density_${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('highlightStyle')}</span>
        <select data-testid="highlight-style" value={settings.highlightStyle} onChange={(e) => {
            const value = e.currentTarget.value as Settings['highlightStyle'];
            change((s) => void (s.highlightStyle = value));
          }}>
          {HIGHLIGHT_STYLES.map((h) => (
            <option key={h} value={h}>
              {t(`style_${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {/* Named and valued on the slider itself: the label's number was read, then the slider's again. */}
        <span aria-hidden="true">{t('cardDelay', settings.cardDelayMs)}</span>
        <input
          type="range"
          aria-label={t('cardDelayName')}
          aria-valuetext={t('milliseconds', settings.cardDelayMs)}
          data-testid="card-delay"
          min={CARD_DELAY_RANGE[0]}
          max={CARD_DELAY_RANGE[1]}
          step={50}
          value={settings.cardDelayMs}
          onChange={(e) => {
            const value = Number(e.currentTarget.value);
            change((s) => void (s.cardDelayMs = value));
          }}
        />
      </label>
      <Switch label={t('badgeSetting')} testId="badge-switch" checked={settings.badge} onChange={(on) => change((s) => void (s.badge = on))} />
    </div>
  );
}

export function SitesList({ settings, change }: { settings: Settings; change: (fn: (s: Settings) => void) => void }) {
  if (settings.disabledSites.length === 0) return <p>{t('noSitesOff')}</p>;
  return (
    <ul class="sites" data-testid="sites-off">
      {settings.disabledSites.map((host) => (
        <li key={host}>
          <span>{host}</span>
          <button type="button" class="button" aria-label={t('turnOnFor', host)} onClick={() => change((s) => void (s.disabledSites = s.disabledSites.filter((h) => h !== host)))}>
            {t('turnOn')}
          </button>
        </li>
      ))}
    </ul>
  );
}
