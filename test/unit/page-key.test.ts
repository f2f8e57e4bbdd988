/** Where a page's corrections are kept: one key for a story however the reader came to it. */
import { describe, expect, it } from 'vitest';
import { legacyPageKey, pageKey, withoutTracking } from '../../content-scripts/page-key';

const keyOf = (address: string) => {
  const url = new URL(address);
  return pageKey({ origin: url.origin, pathname: url.pathname, search: url.search });
};

describe('pageKey', () => {
  it.each([
    ['https://news.example/story?utm_source=twitter', 'corrections:https://news.example/story'],
    ['https://news.example/story?utm_source=facebook&utm_medium=social&fbclid=IwAR0abc', 'corrections:https://news.example/story'],
    ['https://news.example/story?gclid=x&dclid=y&msclkid=z&mc_cid=a&mc_eid=b&igshid=c&_ga=2.1&ref_src=twsrc', 'corrections:https://news.example/story'],
    ['https://news.example/story?UTM_Campaign=Spring#comments', 'corrections:https://news.example/story'],
    // Other parameters name the story on many sites: kept, as written and in their order.
    ['https://news.example/read.php?id=42&utm_source=mail&page=2', 'corrections:https://news.example/read.php?id=42&page=2'],
    ['https://news.example/story?q=a%20b&x', 'corrections:https://news.example/story?q=a%20b&x'],
    ['https://news.example/story?utmost=1&ref=home', 'corrections:https://news.example/story?utmost=1&ref=home'],
    ['https://news.example/story', 'corrections:https://news.example/story'],
  ])('%s → %s', (address, key) => {
    expect(keyOf(address)).toBe(key);
  });

  it('is the same for the copies of one story shared with different trackers', () => {
    const keys = ['/s?utm_source=twitter', '/s?utm_source=facebook&fbclid=abc', '/s', '/s?gclid=1'].map((a) => keyOf(`https://news.example${a}`));
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps a parameter whose name is a malformed escape', () => {
    expect(withoutTracking('?%E0%A4%A=1&utm_source=x')).toBe('?%E0%A4%A=1');
  });

  it('names the key corrections had before trackers were dropped, where it differs', () => {
    const at = (search: string) => ({ origin: 'https://news.example', pathname: '/s', search });
    expect(legacyPageKey(at('?utm_source=x'))).toBe('corrections:https://news.example/s?utm_source=x');
    expect(legacyPageKey(at('?id=1'))).toBeUndefined();
  });
});
