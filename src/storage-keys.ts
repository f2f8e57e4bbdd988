/** Every key Gloss keeps in `storage.local`, in one place (settings live in storage.sync: settings-sync.ts). */
export const LOCAL_KEYS = {
  /** The reader's packs (StoredPack[]). */
  packs: 'packs',
  /** Compiled alias index of the enabled packs: the worker merges it over the bundled index. */
  packIndex: 'packIndex',
  /** Card details of pack entities by id: the worker serves them before bundled ones. */
  packDetails: 'packDetails',
  /** `true`: tabs write their `gloss:*` timings into the page's performance timeline (tests, bench; content-scripts/page-timings.ts). */
  devTimings: 'devTimings',
} as const;

/** Per-page corrections ("Not this one?") live under this prefix plus the page's URL without its hash and tracking parameters (content-scripts/page-key.ts). */
export const CORRECTIONS_PREFIX = 'corrections:';
