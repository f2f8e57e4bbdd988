import { describe, expect, it } from 'vitest';
import { defaults, isActiveOn, MAX_DISABLED_SITES, validateSettings } from '../../src/settings';
import { fromSyncItems, toSyncItems } from '../../src/settings-sync';

describe('validateSettings', () => {
  it.each([
    ['nothing stored → defaults', undefined, defaults, []],
    ['not an object → defaults, reported', 'garbage', defaults, ['settings: not an object']],
    ['unversioned object migrates, keeping valid fields', { enabled: false }, { ...defaults, enabled: false }, []],
    ['wrong types are repaired field by field', { version: 1, enabled: 'yes', density: 'some', cardDelayMs: 'x', badge: false },
      { ...defaults, badge: false }, ['enabled', 'density', 'cardDelayMs']],
    ['card delay is clamped to its range', { version: 1, cardDelayMs: 99_999 }, { ...defaults, cardDelayMs: 2000 }, ['cardDelayMs']],
    ['bad site entries are dropped, duplicates folded, case lowered', { version: 1, disabledSites: ['Example.com', 'example.com', 42, 'bad site'] },
      { ...defaults, disabledSites: ['example.com'] }, ['disabledSites']],
    ['one bad category keeps the others', { version: 1, categories: { person: false, place: 'no' } },
      { ...defaults, categories: { ...defaults.categories, person: false } }, ['categories.place']],
  ])('%s', (_, raw, settings, repaired) => {
    expect(validateSettings(raw)).toEqual({ settings, repaired });
  });

  it('never returns the defaults object itself (callers may mutate)', () => {
    const { settings } = validateSettings(undefined);
    settings.categories.person = false;
    expect(defaults.categories.person).toBe(true);
  });

  it('isActiveOn follows the global switch and the site list', () => {
    const s = validateSettings({ version: 1, disabledSites: ['news.example'] }).settings;
    expect(isActiveOn(s, 'news.example')).toBe(false);
    expect(isActiveOn(s, 'NEWS.EXAMPLE')).toBe(false);
    expect(isActiveOn(s, 'other.example')).toBe(true);
    expect(isActiveOn({ ...s, enabled: false }, 'other.example')).toBe(false);
  });
});

describe('settings in storage.sync', () => {
  const sites = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}.news-example.com`);

  it('round-trips thousands of sites with every item under the 8 KB quota and the total under 100 KB', () => {
    const settings = validateSettings({ version: 1, disabledSites: sites(3000) }).settings;
    const { items } = toSyncItems(settings);
    for (const [key, value] of Object.entries(items)) expect(key.length + JSON.stringify(value).length).toBeLessThanOrEqual(8192);
    const total = Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    expect(total).toBeLessThan(102_400);
    expect(validateSettings(fromSyncItems(items)).settings).toEqual(settings);
  });

  it('refuses a site list over the quota with a clear error instead of a half write', () => {
    const settings = { ...defaults, disabledSites: sites(MAX_DISABLED_SITES) };
    expect(() => toSyncItems(settings)).toThrow(/Too many sites are turned off/);
  });

  it('names the chunks a shorter list no longer uses', () => {
    const layout = toSyncItems({ ...defaults, disabledSites: ['a.example'] });
    expect(layout.stale(['settings', 'sites:0', 'sites:1', 'sites:2'])).toEqual(['sites:1', 'sites:2']);
  });
});
