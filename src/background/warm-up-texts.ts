/**
 * The worker's warm-up sentences, apart from `page-linker.ts` (which holds the browser's APIs) so
 * that `npm run bench` can time a just-started worker's warm-up in Node (`bench/worker-start.ts`).
 */

/**
 * A few sentences of news, matched and linked once when the worker starts (`warmUp`, in
 * `page-linker.ts`): between them they take most of the linker's paths (titles, acronyms spelled
 * out, possessives, curly quotes, places inside longer names, context-bound countries, regnal
 * numbers, a headline in capitals, accented names), so that their first use, with its compiling, is
 * here and not in a page's request. Most of what a first request still compiled was the
 * Unicode-class RegExps of rules these did not reach (a letter beyond Latin-1, a title-case
 * headline, "… of America", "Northern …"): with the last two sentences, in Node, the first nytimes
 * request after the warm-up took 4.7–5.6 ms instead of 7.0–8.3 (medians of 4 fresh processes each,
 * alternated), for ~4 ms more of warm-up.
 */
export const WARM_UP_TEXTS = [
  'President Joe Biden met NATO officials in Washington on Monday, the White House said.',
  'Microsoft and the Cybersecurity and Infrastructure Security Agency (CISA) said Krebs was right.',
  'Former Defense Secretary Mark Esper told Reuters that the Pentagon\u2019s plan was \u201csound,\u201d according to The New York Times.',
  'Sen. Elizabeth Warren (D-Mass.) and Rep. Nancy Pelosi questioned Apple Inc. and Amazon.com about China, Russia and Ukraine.',
  'In New Mexico and Mexico City, officials of the Supreme Court of Canada met Emmanuel Macron\u2019s aides; Jordan and Georgia protested.',
  'The Federal Bureau of Investigation (FBI) and the U.S. Department of Justice said Trump\u2019s lawyers filed in Florida. Krebs, 42, declined.',
  'Wall Street fell as the S&P 500 and the Dow Jones slid; Tesla CEO Elon Musk posted on X. Kyiv, Moscow and Beijing reacted \u2014 AP, BBC and CNN reported.',
  'KREBS SAYS CISA WAS RIGHT. Pope Leo XIV and King Charles III, Henry Ford II; \u201cEsper said\u201d, Esper\u2019s aides; Jos\u00e9 Andr\u00e9s and Zelenskyy.',
  // A headline in title case whose word the story writes in lower case, a country's informal name
  // alone and inside another name, Northern Ireland, and a letter beyond Latin-1 (\u0141\u00f3d\u017a).
  'California Wildfire Forces Thousands From Homes',
  'The wildfire spread, the Acoustical Society of America said in America, Northern Ireland and \u0141\u00f3d\u017a, Poland.',
  // The rules a page's first request still compiled most often (their RegExps, each ~0.5 ms the first
  // time it runs and ~0.3 ms more as it is compiled to machine code the second): a company's name
  // that is an everyday word and what it did, a unit after a number, an acronym before a hyphen, a
  // person "of" a state, an acronym spelled out before ", or", an adjective-surname opening a sentence.
  'Apple said it would appeal; Target\u2019s chief executive and shareholders in Meta agreed, Mr. Cook said. A 306 HP engine, a 200-HP motor, a NATO-led force and a CNN-TV crew.',
  'Sen. Raphael Warnock of Georgia, Sen. Sherrod Brown of Ohio and Gov. Brian Kemp of Georgia met officials of Jordan, Georgia or Washington.',
  'Little is known, the Securities and Exchange Commission, or SEC, and the Environmental Protection Agency, or EPA, said. Young voters backed Gov. Brad Little and Sen. Todd Young.',
];
