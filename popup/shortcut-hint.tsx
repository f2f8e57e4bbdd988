/**
 * Tells a keyboard user how to step through the page's names: the shortcut as the reader has it set
 * (they can change or clear it in the browser's extension shortcuts), or that none is set.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../src/i18n';
import { NEXT_MENTION_COMMAND } from '../src/protocol';

export function ShortcutHint() {
  // undefined while asking; null when the browser has no commands (Firefox for Android).
  const [shortcut, setShortcut] = useState<string | null | undefined>();
  useEffect(() => {
    if (!browser.commands) return setShortcut(null);
    browser.commands.getAll().then(
      (commands) => setShortcut(commands.find((c) => c.name === NEXT_MENTION_COMMAND)?.shortcut ?? ''),
      () => setShortcut(null),
    );
  }, []);
  if (shortcut === undefined || shortcut === null) return null;
  return (
    <p class="hint" data-testid="shortcut-hint">
      {shortcut ? (
        <>
          {t('shortcutHint')} <kbd>{shortcut}</kbd>
        </>
      ) : (
        t('noShortcut')
      )}
    </p>
  );
}
