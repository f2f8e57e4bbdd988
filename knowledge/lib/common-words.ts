/**
 * Names of entities that are also everyday English words, as news writes them ("Apple", "Target",
 * "WHO", "ICE"). The bundled word lists (`isCommonWord` in text.ts) miss some of them — proper nouns
 * and capitalised acronyms — so the data tests check these by hand: an alias with one of these
 * texts that can link (not a ticker or surname) must carry `commonWord: true`.
 */
export const COMMON_NEWS_WORDS: readonly string[] = [
  // Companies named after words.
  'Apple', 'Target', 'Amazon', 'Ford', 'Visa', 'Gap', 'Ball', 'Block', 'Corning', 'Progressive', 'Southern', 'Oracle',
  'Shell', 'Signal', 'Meta', 'Alphabet', 'Delta', 'United', 'American', 'Square', 'Chase', 'Citizens', 'Regions', 'Match',
  'Public', 'Crown', 'Cardinal', 'Universal', 'Principal', 'Dollar', 'General', 'Amnesty', 'Perplexity', 'Snap',
  // Slang: "intel" is intelligence ("Senate Intel Committee", "an intel official").
  'Intel',
  // Acronyms and tickers written in capitals that are words too.
  'WHO', 'ICE', 'IT', 'ON', 'ALL', 'KEY', 'NOW', 'AID', 'ARM', 'CAT', 'CAR', 'LOW', 'HAS', 'FAST', 'BALL', 'COST', 'DASH',
];
