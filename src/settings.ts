/**
 * The one settings schema: the defaults object is the schema. Whatever storage returns (old
 * versions, other devices, corruption) goes through `validateSettings`, which keeps every valid
 * field, repairs the rest from the defaults and reports what it repaired.
 */
import { CATEGORIES, type Category } from './knowledge/schema';
import { isRecord } from './is-record';

export const SETTINGS_VERSION = 1;

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const DENSITIES = ['all', 'first'] as const;
export type Density = (typeof DENSITIES)[number];

export const defaults = {
  version: SETTINGS_VERSION,
  /** Gloss on or off everywhere. */
  enabled: true,
  /** Hostnames where Gloss is off (lower-case, no port). */
  disabledSites: [] as string[],
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  /** `all`: every mention; `first`: the first mention of each entity in each section. */
  density: 'all' as Density,
  highlightStyle: 'underline' as HighlightStyle,
  /** Pointer rest before a card opens (ms). */
  cardDelayMs: 350,
  /** Number of entities on the toolbar badge. */
  badge: true,
};
export type Settings = typeof defaults;

export const CARD_DELAY_RANGE = [0, 2000] as const;
/** Sites are stored in chunks across storage.sync items (settings-sync.ts); this cap keeps the total under its quota. */
export const MAX_DISABLED_SITES = 5000;

export interface SettingsReport {
  settings: Settings;
  repaired: string[];
}


/** Ordered migrations: entry i turns version i into version i + 1. */
const migrations: ((raw: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 0 → 1: unversioned objects are taken as version 1 with defaults for missing fields.
  (raw) => ({ ...raw, version: 1 }),
];

export function validateSettings(raw: unknown): SettingsReport {
  const repaired: string[] = [];
  let obj: Record<string, unknown> = isRecord(raw) ? raw : {};
  if (raw !== undefined && !isRecord(raw)) repaired.push('settings: not an object');
  let version = typeof obj.version === 'number' && Number.isInteger(obj.version) ? obj.version : 0;
  while (version < SETTINGS_VERSION && version >= 0) {
    obj = migrations[version]!(obj);
    version++;
  }
  const s: Settings = structuredClone(defaults);
  const bool = (key: 'enabled' | 'badge') => {
    if (key in obj && typeof obj[key] !== 'boolean') repaired.push(key);
    else if (typeof obj[key] === 'boolean') s[key] = obj[key];
  };
  bool('enabled');
  bool('badge');
  if (Array.isArray(obj.disabledSites)) {
    const sites = obj.disabledSites.filter((x): x is string => typeof x === 'string' && isHostname(x));
    if (sites.length !== obj.disabledSites.length) repaired.push('disabledSites');
    s.disabledSites = [...new Set(sites.map((x) => x.toLowerCase()))].slice(0, MAX_DISABLED_SITES);
  } else if ('disabledSites' in obj) repaired.push('disabledSites');
  if (isRecord(obj.categories)) {
    for (const c of CATEGORIES) {
      const v = obj.categories[c];
      if (typeof v === 'boolean') s.categories[c] = v;
      else if (v !== undefined) repaired.push(`categories.${c}`);
    }
  } else if ('categories' in obj) repaired.push('categories');
  const oneOf = <K extends 'density' | 'highlightStyle'>(key: K, allowed: readonly Settings[K][]) => {
    if (allowed.includes(obj[key] as Settings[K])) s[key] = obj[key] as Settings[K];
    else if (key in obj) repaired.push(key);
  };
  oneOf('density', DENSITIES);
  oneOf('highlightStyle', HIGHLIGHT_STYLES);
  const delay = obj.cardDelayMs;
  if (typeof delay === 'number' && Number.isFinite(delay)) {
    s.cardDelayMs = Math.round(Math.min(CARD_DELAY_RANGE[1], Math.max(CARD_DELAY_RANGE[0], delay)));
    if (s.cardDelayMs !== delay) repaired.push('cardDelayMs');
  } else if ('cardDelayMs' in obj) repaired.push('cardDelayMs');
  return { settings: s, repaired };
}

function isHostname(x: string): boolean {
  return x.length > 0 && x.length <= 253 && /^[a-z0-9.-]+$/i.test(x);
}

/** Gloss runs on this host with these settings. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host.toLowerCase());
}
