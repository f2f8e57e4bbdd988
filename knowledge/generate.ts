/**
 * `npm run knowledge`: builds knowledge/knowledge.json from knowledge/sources/ (trimmed public data)
 * and knowledge/curated/*.json (written by us). Deterministic: same input, byte-identical output
 * (sorted ids, no wall-clock time). Fails, naming file, entity and field, on any invalid entity.
 *   --stats   print counts; the last line is one JSON object
 *   --check   validate without writing
 *   --out F   write to F instead of knowledge/knowledge.json
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, KnowledgeFile } from '../src/knowledge/schema';
import { categoryOf } from '../src/knowledge/schema';
import { formatError, validateEntity, validateKnowledge } from '../src/knowledge/validate-entity';
import { agencies } from './lib/from-agencies';
import { cabinetMembers, withCabinetRoles } from './lib/from-cabinet';
import { administrationEnds, congressMembers, executives, formerMembers, withoutBorrowedNames } from './lib/from-congress';
import { capitals } from './lib/from-capitals';
import { cities, type Country } from './lib/from-cities';
import { countries } from './lib/from-countries';
import { intlOrgs } from './lib/from-intl-orgs';
import { sp500 } from './lib/from-sp500';
import { usStates, withGovernors } from './lib/from-states';
import { expandCurated, type CuratedFile } from './lib/curated';
import { EntityStore } from './lib/merge';
import { SOURCE_DATES, SOURCES } from './lib/sources';
import { COMMON_NEWS_WORDS } from './lib/common-words';
import { isCommonWord, slug } from './lib/text';

const root = new URL('.', import.meta.url).pathname;
const src = (p: string) => readFileSync(join(root, 'sources', p), 'utf8');
const json = <T>(p: string) => JSON.parse(src(p)) as T;

const store = new EntityStore();
const commonSurnames = new Set(json<string[]>('congress-legislators/common-surnames.json'));
const members = congressMembers(json('congress-legislators/legislators-current.json'), commonSurnames);
const former = formerMembers(json('congress-legislators/legislators-former.json'), commonSurnames);
withoutBorrowedNames([...members, ...former]);
for (const e of members) store.add(e);
const states = usStates(json('congress-legislators/legislators-current.json')).map((e) => store.add(e));
// Members' full names, for the presidents who share one with another person ("John Kennedy").
const memberNames = new Map([...members, ...former].flatMap((e) => e.aliases.filter((a) => a.kind === 'name').map((a) => [a.text, e.refs?.bioguide] as const)));
for (const e of executives(json('congress-legislators/executive.json'), memberNames)) store.add(e, { mergeByName: true });
for (const e of former) store.add(e);
for (const e of cabinetMembers(src('cabinet-538/cabinet-turnover.csv'), administrationEnds(json('congress-legislators/executive.json')))) {
  const merged = store.add(e, { mergeByName: true });
  merged.description = withCabinetRoles(merged).description;
}
for (const e of agencies(json('federal-register-agencies/agencies.json'), json('usagov-agencies/agencies.json'))) store.add(e);
for (const e of sp500(src('sp500/constituents.csv'))) store.add(e);
const world = countries(json('countries/countries-list.json'), json('countries/iso-gec.json'), json('factbook/countries.json'));
for (const e of world.countries) store.add(e);
for (const e of capitals(world.countries)) store.add(e);
for (const e of world.leaders) store.add(e, { mergeByName: true });
for (const e of intlOrgs(json('intl-orgs-factbook-appb/orgs.json'))) store.add(e);
store.dedupeInstitutions();

const curatedDir = join(root, 'curated');
const curatedIds = new Set<string>();
const errors: string[] = [];
for (const file of readdirSync(curatedDir).filter((f) => f.endsWith('.json')).sort()) {
  const where = `knowledge/curated/${file}`;
  let parsed: CuratedFile;
  try {
    parsed = JSON.parse(readFileSync(join(curatedDir, file), 'utf8')) as CuratedFile;
  } catch (e) {
    errors.push(`${where}: not valid JSON: ${String(e)}`);
    continue;
  }
  expandCurated(parsed).forEach((entity, index) => {
    const { errors: problems } = validateEntity(entity, { file: where, index });
    if (problems.length > 0) return void errors.push(...problems.map(formatError));
    if (curatedIds.has(entity.id)) errors.push(`${where}: entity ${entity.id}: field id: duplicate id in the curated files`);
    curatedIds.add(entity.id);
    store.add(entity, { curated: true });
  });
}

// The Factbook's major cities, after the curated records: a city the knowledge has already gains its
// urban area's population; a name it has for anything else stays that thing's.
const isoToGec = json<Record<string, string>>('countries/iso-gec.json');
const countryList = json<Record<string, { name: string }>>('countries/countries-list.json');
const countryByGec = new Map<string, Country>();
for (const [iso, gec] of Object.entries(isoToGec)) {
  const c = countryList[iso] && store.byId.get(`place:${slug(countryList[iso].name)}`);
  if (!c || countryByGec.has(gec)) continue;
  const names = c.aliases.filter((a) => a.kind !== 'acronym' && a.kind !== 'former').map((a) => a.text.toLowerCase());
  countryByGec.set(gec, { id: c.id, name: c.name, context: [...new Set([...names, ...(c.hints?.context ?? [])])], link: c.links[0] });
}
const byAlias = new Map<string, Entity[]>();
for (const e of store.all()) for (const a of e.aliases) byAlias.set(a.text, [...(byAlias.get(a.text) ?? []), e]);
for (const city of cities(json('factbook/countries.json'), (gec) => countryByGec.get(gec))) {
  // The same city in the same country: San José, Costa Rica's capital, is not San Jose, California.
  const country = city.hints!.related![0]!;
  const sameCity = [store.byId.get(city.id), ...(byAlias.get(city.name) ?? [])].find((e) => e?.type === 'city' && e.hints?.related?.includes(country));
  if (sameCity) {
    const has = new Set((sameCity.facts ?? []).map((f) => f.label));
    const added = (city.facts ?? []).filter((f) => !has.has(f.label) && !(f.label === 'Country' && has.has('State')));
    if (added.length > 0) sameCity.facts = [...(sameCity.facts ?? []), ...added];
    if (!sameCity.sources.includes('factbook')) sameCity.sources = [...sameCity.sources, 'factbook'];
    continue;
  }
  if (byAlias.has(city.name)) continue;
  // Valencia, Spain, and Valencia, Venezuela: two records.
  if (store.byId.has(city.id)) city.id = `${city.id}-${slug(store.byId.get(country)!.name)}`;
  city.aliases = city.aliases.filter((a) => !byAlias.has(a.text));
  store.add(city);
}

if (errors.length === 0) {
  try {
    withGovernors(states, store.all());
  } catch (e) {
    // The "Governor" facts may be in any curated file (governors.json holds most).
    errors.push(`knowledge/curated/*.json: ${(e as Error).message}`);
  }
}
const entities: Entity[] = store.all();
// Two-letter acronyms from the lists ("AG", "CE", "EC") are everyday abbreviations too: they link only with
// the page's support. Curated ones ("US", "UK", "EU", "UN") were chosen one by one and keep their flags.
// Single words from the lists that are also ordinary English words ("ACTION", "Commonwealth") need context.
// An acronym a curated entity uses is that entity's in news ("NSA", "USA", "NPR"): the lists' defunct
// or minor bodies with the same letters ("National Shipping Authority") keep their full names only.
// Three-letter acronyms of the lists' agencies and international bodies name other things as often:
// "BLM" is Black Lives Matter in most news since 2020, "NRC" India's citizens' register, "IAF" an air
// force, "IMO" "in my opinion", "BTS" a band, "SPF" a sunscreen's factor, "SEC" a football conference
// (on the corpus, 20 of the 35 links such acronyms made outside this list were wrong). They link only
// with their page's support: the body named in full elsewhere on it, or its name's distinctive words.
// These few are the ones news uses alone for one body.
const WELL_KNOWN_ACRONYMS = new Set([
  'ATF', 'CBO', 'CDC', 'DEA', 'DOE', 'DOJ', 'DOL', 'DOT', 'FAA', 'FCC', 'FDA', 'FEC', 'FTC', 'GAO', 'GSA', 'HHS', 'HUD', 'IRS',
  'NIH', 'NSC', 'NSF', 'OMB', 'OPM', 'SBA', 'SSA', 'TSA', 'TVA', 'WTO', 'IOC', 'ILO', 'FAO', 'ECB',
]);
const curatedAcronyms = new Set(entities.filter((e) => curatedIds.has(e.id)).flatMap((e) => e.aliases.filter((a) => a.kind === 'acronym').map((a) => a.text)));
for (const e of entities) {
  // A surname that is an everyday word ("Green", "Little") is one only where no capitalised word
  // extends it ("Green New Deal": `link-mentions.ts`), whoever chose it.
  for (const a of e.aliases) if (a.kind === 'surname' && isCommonWord(a.text)) a.commonWord = true;
  if (curatedIds.has(e.id)) continue;
  e.aliases = e.aliases.filter((a) => a.kind !== 'acronym' || !curatedAcronyms.has(a.text));
  for (const a of e.aliases) {
    const letters = a.kind === 'acronym' ? a.text.replace(/[^A-Za-z]/g, '').length : 0;
    if (a.kind === 'acronym' && letters <= 2) a.needsContext = true;
    if (letters === 3 && (e.type === 'agency' || e.type === 'intl-org') && !WELL_KNOWN_ACRONYMS.has(a.text)) a.needsContext = true;
    // Country names are proper nouns in news ("China", "Turkey"): the ambiguous ones are curated as needing context.
    if (a.kind !== 'surname' && a.kind !== 'ticker' && e.type !== 'country' && isCommonWord(a.text)) a.commonWord = true;
  }
}
const ids = new Set(entities.map((e) => e.id));
entities.forEach((e, index) => {
  const { errors: problems } = validateEntity(e, { file: 'knowledge/knowledge.json', index });
  errors.push(...problems.map(formatError));
});
errors.push(...validateKnowledge(entities, { file: 'knowledge/knowledge.json', sources: new Set(SOURCES.map((s) => s.id)), knownIds: ids }).map(formatError));

if (errors.length > 0) {
  console.error(`knowledge: ${errors.length} problem(s):\n${errors.slice(0, 200).join('\n')}`);
  process.exit(1);
}

// The newest input's date, never the clock: the same inputs give the same file.
const curatedDates = entities.filter((e) => curatedIds.has(e.id)).map((e) => e.asOf);
const generated = [...Object.values(SOURCE_DATES), ...curatedDates].sort().at(-1)!;
// Given names beyond the people above (whose first names the index takes from their names): those of
// every member of Congress since 1789, and Moby's lists of English given names, women's and men's (the
// members' are nearly all men's: "Produced by Alicia DeSantis" linked Ron DeSantis). Everyday words
// ("Will", "Grant", "Hunter") are left out, as a capitalised word before a surname is then as likely a
// headline's; of Moby's, so is any that is a one-word name in the knowledge or a common surname
// ("Reagan", "Kennedy", "Smith" are given names there): "The Reagan Show" is not someone named Reagan.
const peopleFirst = new Set(entities.filter((e) => e.type === 'person').flatMap((e) => e.aliases.filter((a) => a.kind === 'name').map((a) => a.text.split(' ')[0]!)));
const isGivenName = (n: string) => !peopleFirst.has(n) && !isCommonWord(n) && !COMMON_NEWS_WORDS.includes(n);
const oneWordNames = new Set(entities.flatMap((e) => e.aliases.map((a) => a.text)).filter((t) => !t.includes(' ')));
const mobyNames = ['female', 'male'].flatMap((list) => src(`given-names/${list}.txt`).split('\n').map((n) => n.trim()).filter(Boolean));
const firstNames = [
  ...new Set([
    ...json<string[]>('congress-legislators/first-names.json').filter(isGivenName),
    ...mobyNames.filter((n) => isGivenName(n) && !oneWordNames.has(n) && !commonSurnames.has(n)),
  ]),
].sort();
const file: KnowledgeFile = { version: 1, generated, sources: SOURCES, entities, firstNames };
// One entity per line keeps diffs of the generated file readable.
const text = `{"version":1,"generated":${JSON.stringify(file.generated)},"sources":${JSON.stringify(file.sources)},"firstNames":${JSON.stringify(firstNames)},"entities":[\n${entities.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
const outAt = process.argv.indexOf('--out');
const outPath = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : join(root, 'knowledge.json');
if (!process.argv.includes('--check')) writeFileSync(outPath, text);

if (process.argv.includes('--stats') || !process.argv.includes('--check')) {
  const byCategory: Record<string, number> = {};
  for (const e of entities) byCategory[categoryOf(e)] = (byCategory[categoryOf(e)] ?? 0) + 1;
  const incomplete = entities.filter((e) => !e.description || e.links.length === 0 || !e.asOf || e.sources.length === 0).length;
  const stats = { entities: entities.length, curated: curatedIds.size, aliases: entities.reduce((n, e) => n + e.aliases.length, 0), byCategory, incomplete };
  if (process.argv.includes('--stats')) {
    console.log(`knowledge.json: ${(text.length / 1024 / 1024).toFixed(2)} MB`);
    console.log(JSON.stringify(stats));
  } else console.log(`wrote ${outPath}: ${stats.entities} entities, ${stats.aliases} aliases`);
}
