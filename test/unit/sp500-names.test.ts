import { describe, expect, it } from 'vitest';
import { companyNames, shortCompanyName, sp500 } from '../../knowledge/lib/from-sp500';

const HEADER = 'Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded\n';
const row = (ticker: string, security: string, cik: string) => `${ticker},"${security}",Sector,Industry,"Somewhere, Ohio",2000-01-01,${cik},1900`;

describe('S&P 500 company names', () => {
  it('shortens a name as news writes it: no legal suffix, no "& Co.", no "Technology" after one word', () => {
    expect(shortCompanyName('Apple Inc.')).toBe('Apple');
    expect(shortCompanyName('Merck & Co.')).toBe('Merck');
    expect(shortCompanyName('Deere & Company')).toBe('Deere');
    expect(shortCompanyName('Micron Technology')).toBe('Micron');
    expect(shortCompanyName('Palo Alto Networks')).toBe('Palo Alto Networks');
    expect(shortCompanyName('Cadence Design Systems')).toBe('Cadence Design Systems');
    expect(shortCompanyName('Walt Disney Company (The)')).toBe('Walt Disney');
  });

  it('puts the index\'s "(The)" first, and gives a one-word name after it no short name: "The Hartford", not the city', () => {
    expect(companyNames('Coca-Cola Company (The)')).toEqual({ name: 'The Coca-Cola Company', names: ['The Coca-Cola Company', 'Coca-Cola Company'] });
    expect(companyNames('Apple Inc.')).toEqual({ name: 'Apple Inc.', names: ['Apple Inc.'] });
    const [coke, hartford, tyler, disney] = sp500(HEADER + [row('KO', 'Coca-Cola Company (The)', '1'), row('HIG', 'Hartford (The)', '2'), row('TYL', 'Tyler Technologies', '3'), row('DIS', 'Walt Disney Company (The)', '4')].join('\n'));
    const names = (e: typeof coke) => e!.aliases.filter((a) => a.kind !== 'ticker').map((a) => a.text);
    expect(names(coke)).toEqual(['The Coca-Cola Company', 'Coca-Cola Company', 'Coca-Cola']);
    // Ids stay what they were, whatever the names: packs and readers' corrections refer to them.
    expect(coke!.id).toBe('company:coca-cola-company-the');
    expect(names(hartford)).toEqual(['The Hartford']);
    // A short name that is a given name or a person's is not the company's.
    expect(names(tyler)).toEqual(['Tyler Technologies']);
    expect(names(disney)).toEqual(['The Walt Disney Company', 'Walt Disney Company']);
  });
});
