/** S&P 500 companies (datasets/s-and-p-500-companies, PDDL). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { isCommonWord, parseCsv, slug } from './text';

const AS_OF = '2026-08-08';

/**
 * The index's names as ids were made from them: an id stays what it was ("company:walt-disney-company-the"),
 * whatever names the record gets, since packs and readers' corrections refer to it.
 */
function idName(name: string): string {
  return name
    .replace(/\s*\(Class [A-Z]\)$/i, '')
    .replace(/,?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.?|plc|PLC|Ltd\.?|Limited|Holdings?|Group|N\.V\.|S\.A\.|L\.P\.|LP|Trust)$/g, '')
    .replace(/,?\s+(Inc\.?|Corporation|Corp\.?|Co\.?|Holdings?|Group)$/g, '')
    .trim();
}

/**
 * The name news writes: "Apple Inc." → "Apple"; "Merck & Co." → "Merck"; "Micron Technology" →
 * "Micron" (a one-word name before "Technology" or "Technologies" only: "Palo Alto Networks" stays).
 * The index's "(The)" is left to `companyNames`.
 */
export function shortCompanyName(name: string): string {
  return idName(name.replace(/\s*\(The\)$/, '').replace(/\s+&\s+(?:Co\.?|Company)$/, '')).replace(/^(\S+) Technolog(?:y|ies)$/, '$1');
}

/** Short names that are something else first: a given name ("Tyler"), a senator's surname ("McCormick"), a person ("Walt Disney"). */
const NOT_THE_COMPANY = new Set(['Tyler', 'McCormick', 'Walt Disney']);

/**
 * Written by us: the names news writes for companies whose index name no rule shortens ("JPMorgan
 * Chase" → "JPMorgan"), and the one it writes backwards ("Lilly (Eli)").
 */
const NEWS_NAMES: Record<string, { name?: string; short: string[] }> = {
  'JPMorgan Chase': { short: ['JPMorgan'] },
  'Lilly (Eli)': { name: 'Eli Lilly and Company', short: ['Eli Lilly'] },
  'Robinhood Markets': { short: ['Robinhood'] },
  'Lululemon Athletica': { short: ['Lululemon'] },
  'Chipotle Mexican Grill': { short: ['Chipotle'] },
  'Take-Two Interactive': { short: ['Take-Two'] },
  'Thermo Fisher Scientific': { short: ['Thermo Fisher'] },
  'Mondelez International': { short: ['Mondelez'] },
  'Marriott International': { short: ['Marriott'] },
  'Philip Morris International': { short: ['Philip Morris'] },
  'Live Nation Entertainment': { short: ['Live Nation'] },
  'T-Mobile US': { short: ['T-Mobile'] },
  'Regeneron Pharmaceuticals': { short: ['Regeneron'] },
  'Huntington Ingalls Industries': { short: ['Huntington Ingalls'] },
};

/**
 * A company's card name and its full names: the index writes "Walt Disney Company (The)"; news writes
 * "The Walt Disney Company" or "Walt Disney Company". One word after the article is only a name with
 * it: "The Hartford", never "Hartford", the city.
 */
export function companyNames(security: string): { name: string; names: string[] } {
  const renamed = NEWS_NAMES[security]?.name;
  if (renamed) return { name: renamed, names: [renamed] };
  const base = /^(.+) \(The\)$/.exec(security)?.[1];
  if (!base) return { name: security, names: [security] };
  return { name: `The ${base}`, names: base.includes(' ') ? [`The ${base}`, base] : [`The ${base}`] };
}

export function sp500(csv: string): Entity[] {
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string) => header!.indexOf(name);
  const byCik = new Map<string, Entity>();
  for (const r of rows) {
    const ticker = r[col('Symbol')]!;
    const security = r[col('Security')]!.replace(/\s*\(Class [A-Z]\)$/i, '');
    const cik = r[col('CIK')]!.replace(/^0+/, '');
    const existing = byCik.get(cik);
    // One-letter tickers (A, T, F…) would match everywhere: such symbols are left out.
    const tickerAliases: Alias[] = ticker.replace(/\W/g, '').length > 1 ? [{ text: ticker.replace('.', ' '), kind: 'ticker' }] : [];
    if (existing) {
      existing.aliases.push(...tickerAliases);
      continue;
    }
    const short = shortCompanyName(security);
    const { name, names } = companyNames(security);
    const aliases: Alias[] = names.map((text) => ({ text, kind: 'name' }));
    // A short name that is an ordinary word ("News" for News Corp, "Target") is left to the curated
    // knowledge, which adds it with the context that tells the company from the word.
    // "The Hartford" is not "Hartford": a name that needs its article has no short name.
    if (!names.includes(short) && !names.includes(`The ${short}`) && short !== security && [...short].length > 1 && !isCommonWord(short) && !NOT_THE_COMPANY.has(short)) {
      aliases.push({ text: short, kind: 'short' });
    }
    for (const text of NEWS_NAMES[security]?.short ?? []) aliases.push({ text, kind: 'short' });
    aliases.push(...tickerAliases);
    const hq = r[col('Headquarters Location')] ?? '';
    const founded = r[col('Founded')]?.replace(/\s*\(.*\)$/, '');
    const added = r[col('Date added')];
    byCik.set(cik, {
      id: `company:${slug(idName(security))}`,
      type: 'company',
      name,
      aliases,
      description: `Public company in ${r[col('GICS Sub-Industry')]} (${r[col('GICS Sector')]} sector), headquartered in ${hq}${founded ? `, founded ${founded}` : ''}; in the S&P 500${added ? ` since ${added.slice(0, 4)}` : ''}.`,
      facts: [
        { label: 'Ticker', value: ticker, asOf: AS_OF },
        { label: 'Headquarters', value: hq, asOf: AS_OF },
      ],
      links: [{ label: 'SEC filings', url: `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}` }],
      hints: { context: ['shares', 'stock', 'company', 'ceo', 'investors', 'earnings', 'revenue', ...hq.toLowerCase().split(/,\s*/).slice(0, 1)] },
      salience: 0.4,
      status: 'current',
      asOf: AS_OF,
      sources: ['sp500'],
    });
  }
  return [...byCik.values()];
}
