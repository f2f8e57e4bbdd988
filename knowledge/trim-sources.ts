/**
 * Copies the raw public data Gloss's knowledge is built from into knowledge/sources/, keeping only
 * the fields the generator reads, so the repository builds without ../shared. Reproducible:
 * `npx tsx knowledge/trim-sources.ts [path/to/shared/data]`. Licences and SOURCE notes are copied
 * beside each source.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recentFormerRows } from './lib/from-congress';
import { parseCsv as parseCsvLines } from './lib/text';

const data = process.argv[2] ?? new URL('../../shared/data', import.meta.url).pathname;
const out = new URL('./sources', import.meta.url).pathname;
if (!existsSync(data)) throw new Error(`raw data not found at ${data}`);
const read = (p: string) => readFileSync(join(data, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as unknown;
const write = (name: string, value: unknown) => {
  mkdirSync(join(out, name.split('/')[0]!), { recursive: true });
  writeFileSync(join(out, name), `${JSON.stringify(value, null, 0).replace(/\},\{/g, '},\n{')}\n`);
};
const copy = (from: string, to: string) => {
  mkdirSync(join(out, to.split('/')[0]!), { recursive: true });
  copyFileSync(join(data, from), join(out, to));
};
/** Members since 1789 who bore a surname for it to be common (483 surnames, from Smith's 130 down). */
const COMMON_SURNAME_MEMBERS = 5;
type R = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw third-party JSON, narrowed field by field below

// Congress (CC0): current members and presidents/vice presidents.
const pickPerson = (p: R) => ({
  id: { bioguide: p.id.bioguide, wikidata: p.id.wikidata, wikipedia: p.id.wikipedia },
  name: { first: p.name.first, middle: p.name.middle, last: p.name.last, nickname: p.name.nickname, official_full: p.name.official_full, suffix: p.name.suffix },
  terms: (p.terms as R[]).map((t) => ({ type: t.type, start: t.start, end: t.end, state: t.state, district: t.district, party: t.party, url: t.url })),
});
write('congress-legislators/legislators-current.json', (json('congress-legislators/legislators-current.json') as R[]).map(pickPerson));
write('congress-legislators/executive.json', (json('congress-legislators/executive.json') as R[]).map(pickPerson));
// Former members since 2012 (the historical CSV's last rows with a full name): last term only.
{
  const [header, ...rows] = parseCsvLines(read('congress-legislators/legislators-historical.csv'));
  const col = (n: string) => header!.indexOf(n);
  const keep = ['last_name', 'first_name', 'nickname', 'full_name', 'type', 'state', 'district', 'party', 'url', 'bioguide_id', 'wikipedia_id'];
  write('congress-legislators/legislators-former.json', recentFormerRows(rows, (r) => Boolean(r[col('full_name')])).map((r) => Object.fromEntries(keep.map((k) => [k, r[col(k)] ?? '']))));
  // The given names (and nicknames) of every member since 1789: what a first name looks like to the
  // linker, beyond the people in the knowledge ("Allison Gore" is not Al Gore).
  const given = new Set<string>();
  for (const r of rows) for (const k of ['first_name', 'nickname']) if (/^\p{Lu}[\p{L}'’-]+$/u.test(r[col(k)] ?? '')) given.add(r[col(k)]!);
  write('congress-legislators/first-names.json', [...given].sort());
  // How many members since 1789 bore each surname: a member's full name with a common one ("David
  // Price", "Chris Smith", "Joe Walsh") is also a pitcher's, a running back's, a guitarist's.
  const surnames = new Map<string, number>();
  const count = (name: string | undefined) => name && surnames.set(name, (surnames.get(name) ?? 0) + 1);
  for (const r of rows) count(r[col('last_name')]);
  for (const p of json('congress-legislators/legislators-current.json') as R[]) count(p.name.last);
  write('congress-legislators/common-surnames.json', [...surnames].filter(([, n]) => n >= COMMON_SURNAME_MEMBERS).map(([name]) => name).sort());
}
copy('congress-legislators/LICENSE', 'congress-legislators/LICENSE');
copy('congress-legislators/SOURCE.txt', 'congress-legislators/SOURCE.txt');

// Federal agencies (public domain).
write('federal-register-agencies/agencies.json', (json('federal-register-agencies/federalregister-agencies.json') as R[]).map((a) => ({
  id: a.id, name: a.name, short_name: a.short_name, slug: a.slug, parent_id: a.parent_id, agency_url: a.agency_url,
  description: typeof a.description === 'string' ? (a.description.split(/\r?\n\s*\r?\n/)[0] ?? '').trim() : '',
})));
copy('federal-register-agencies/SOURCE.txt', 'federal-register-agencies/SOURCE.txt');
write('usagov-agencies/agencies.json', (json('usagov-agencies/usagov-az-directory.json') as R[]).map((a) => ({
  name: a.name, description: a.description, website: ((a.website as R[] | undefined) ?? []).map((w) => w.link)[0] ?? '',
})));
copy('usagov-agencies/SOURCE.txt', 'usagov-agencies/SOURCE.txt');

// Countries: countries-list (MIT) + Factbook (public domain) joined by the GEC crosswalk (MIT).
copy('countries/countries-list.countries.min.json', 'countries/countries-list.json');
copy('countries/countries-list.LICENSE', 'countries/countries-list.LICENSE');
copy('countries/SOURCE.txt', 'countries/SOURCE.txt');
const crosswalk = parseCsvLines(read('countries/Countrycodes-dieghernan.csv')).slice(1).map((cells) => ({ iso2: cells[1], gec: cells[4] }));
write('countries/iso-gec.json', Object.fromEntries(crosswalk.filter((c) => c.iso2 && c.gec).map((c) => [c.iso2!.toUpperCase(), c.gec!.toLowerCase()])));
const text = (v: unknown) => (v && typeof v === 'object' && 'text' in v ? String((v as R).text) : undefined);
/** Text without the Factbook's markup, on one line. */
const plain = (v: string | undefined) => v?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const factbook: R = {};
for (const region of readdirSync(join(data, 'factbook'), { withFileTypes: true })) {
  if (!region.isDirectory()) continue;
  for (const file of readdirSync(join(data, 'factbook', region.name))) {
    const f = json(`factbook/${region.name}/${file}`) as R;
    const g = f.Government ?? {};
    factbook[file.replace(/\.json$/, '')] = {
      region: region.name,
      short: text(g['Country name']?.['conventional short form']),
      long: text(g['Country name']?.['conventional long form']),
      capital: text(g.Capital?.name),
      chief: text(g['Executive branch']?.['chief of state']),
      head: text(g['Executive branch']?.['head of government']),
      background: text(f.Introduction?.Background)?.split(/(?<=\.)\s/).slice(0, 2).join(' '),
      // For the card's first line ("Communist party-led state in Eastern Asia") and its population:
      // only the plain, short forms (Antarctica's "government type" is a page of treaty history).
      govType: plain(text(g['Government type']))?.split(';')[0]!.trim().replace(/^(.{81,})$/, ''),
      // A territory's tie to its country ("special administrative region of the People's Republic of
      // China", "overseas territory of the UK"): what a card says first, before its government.
      dependency: plain(text(g['Dependency status']))?.split(';')[0]!.trim(),
      location: plain(text(f.Geography?.Location))?.split(/,| bordering | between /)[0]!.replace(/^[^:]*:\s*/, '').trim(),
      // Its largest cities with their urban areas' populations ("3.368 million Mashhad"): cities the news names.
      urbanAreas: plain(text(f['People and Society']?.['Major urban areas - population'])),
      population: /^[\d,]+ \((?:July )?\d{4}(?: est\.)?\)$/.exec(text(f['People and Society']?.Population?.total) ?? text(f['People and Society']?.Population) ?? '')?.[0],
    };
  }
}
write('factbook/countries.json', factbook);
copy('factbook/LICENSE.md', 'factbook/LICENSE.md');
copy('factbook/SOURCE.txt', 'factbook/SOURCE.txt');

// International organisations, Factbook Appendix B (public domain): name, abbreviation, founded, aim.
const html = read('intl-orgs-factbook-appb/FactAppB.html');
const orgs = [...html.matchAll(/appendix-entry-name category'>\s*([\s\S]*?)\s*<\/div>\s*<div class='appendix-entry-text category_data'>([\s\S]*?)<\/div>/g)].map((m) => {
  const title = m[1]!.replace(/\s+/g, ' ').trim();
  const parts = m[2]!.split(/<br\s*\/?>/).map((p) => p.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const lines = parts.filter((p) => !/^(note|members|regional members|nonregional members|observers|associate members|partners|dialogue partners|participants)\b/i.test(p));
  const founded = lines.find((p) => /^\d{1,2} [A-Z][a-z]+ \d{4}$|^\d{4}$/.test(p));
  const aim = lines.find((p) => /^to /.test(p));
  // Without a date and an aim, the entry's one line says what it is ("established 14 May 1955 to
  // promote mutual defense; members met 1 July 1991 to dissolve the alliance", "see the World Trade
  // Organization (WTO)", "former term often used to identify as a group…").
  const about = founded || aim ? undefined : lines[0];
  return { title, founded, aim, ...(about ? { about } : {}) };
});
write('intl-orgs-factbook-appb/orgs.json', orgs);
copy('intl-orgs-factbook-appb/SOURCE.txt', 'intl-orgs-factbook-appb/SOURCE.txt');

// S&P 500 (PDDL) and FiveThirtyEight cabinet turnover (CC BY 4.0: credit FiveThirtyEight).
copy('sp500/constituents.csv', 'sp500/constituents.csv');
copy('sp500/SOURCE.txt', 'sp500/SOURCE.txt');
copy('cabinet-538/cabinet-turnover.csv', 'cabinet-538/cabinet-turnover.csv');
copy('cabinet-538/SOURCE.txt', 'cabinet-538/SOURCE.txt');
console.log(`trimmed sources written to ${out}`);
