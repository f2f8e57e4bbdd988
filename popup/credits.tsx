/** Credits: every knowledge source with its licence and required attribution (built into knowledge/sources.json). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../src/i18n';
import type { Source } from '../src/knowledge/schema';
import { safeHttpsUrl } from '../src/ui/safe-url';

export function Credits() {
  const [sources, setSources] = useState<Source[]>([]);
  useEffect(() => {
    void fetch(browser.runtime.getURL('knowledge/sources.json'))
      .then((r) => r.json() as Promise<Source[]>)
      .then(setSources);
  }, []);
  return (
    <ul class="credits" data-testid="credits">
      {sources.map((s) => {
        const href = safeHttpsUrl(s.url);
        return (
          <li key={s.id}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {s.name}
              </a>
            ) : (
              s.name
            )}{' '}
            — {t('licence', s.licence)}
            {s.attribution && <> — {s.attribution}</>}
          </li>
        );
      })}
    </ul>
  );
}
