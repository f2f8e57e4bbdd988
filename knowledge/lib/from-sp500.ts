/** S&P 500 companies (datasets/s-and-p-500-companies, PDDL). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { isCommonWord, parseCsv, slug } from './text';

const AS_OF = '2026-08-08';

/** "Apple Inc." → "Apple"; "Alphabet Inc. (Class A)" → "Alphabet". */
export function shortCompanyName(name: string): string {
  return name
    .replace(/\s*\(Class [A-Z]\)$/i, '')
    .replace(/,?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.?|plc|PLC|Ltd\.?|Limited|Holdings?|Group|N\.V\.|S\.A\.|L\.P\.|LP|Trust)$/g, '')
    .replace(/,?\s+(Inc\.?|Corporation|Corp\.?|Co\.?|Holdings?|Group)$/g, '')
    .trim();
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
    const aliases: Alias[] = [{ text: security, kind: 'name' }];
    // A short name that is an ordinary word ("News" for News Corp, "Target") is left to the curated
    // knowledge, which adds it with the context that tells the company from the word.
    if (short !== security && [...short].length > 1 && !isCommonWord(short)) aliases.push({ text: short, kind: 'short' });
    aliases.push(...tickerAliases);
    const hq = r[col('Headquarters Location')] ?? '';
    const founded = r[col('Founded')]?.replace(/\s*\(.*\)$/, '');
    const added = r[col('Date added')];
    byCik.set(cik, {
      id: `company:${slug(short)}`,
      type: 'company',
      name: security,
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
