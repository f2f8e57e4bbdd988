/**
 * Every user-visible string goes through `t` (`_locales/<lang>/messages.json`). Outside an
 * extension context (unit tests) it falls back to the English catalogue bundled at build time.
 */
import browser from 'webextension-polyfill';
import english from '../_locales/en/messages.json';

type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  let text = '';
  try {
    text = browser.i18n.getMessage(key, subs);
  } catch {
    // Not in an extension context.
  }
  if (!text) {
    text = english[key].message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  }
  return text;
}
