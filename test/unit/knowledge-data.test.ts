/** Tests on the bundled knowledge itself, as data. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMON_NEWS_WORDS } from '../../knowledge/lib/common-words';
import { isCommonWord } from '../../knowledge/lib/text';
import { categoryOf, type Entity, type KnowledgeFile } from '../../src/knowledge/schema';
import { validateEntity } from '../../src/knowledge/validate-entity';
import { compileKnowledge } from '../../src/knowledge/compile-knowledge';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { findMentions } from '../../src/match/find-mentions';
import { matcher } from './support/test-index';

const root = new URL('../../', import.meta.url).pathname;
const file = JSON.parse(readFileSync(join(root, 'knowledge/knowledge.json'), 'utf8')) as KnowledgeFile;
const { entities } = file;
const byId = new Map(entities.map((e) => [e.id, e]));
const has = (e: Entity, text: string) => e.aliases.some((a) => a.text === text);
const withAlias = (text: string) => entities.filter((e) => has(e, text));
const fact = (e: Entity, label: string) => e.facts?.find((f) => f.label === label)?.value;

/** The bundled knowledge compiled as the build compiles it (the entities and the given names), once for the file. */
let compiled: { index: ReturnType<typeof compileKnowledge>['index']; trie: ReturnType<typeof buildAliasTrie> } | undefined;
function bundled() {
  if (!compiled) {
    const { index } = compileKnowledge(file);
    compiled = { index, trie: buildAliasTrie(index) };
  }
  return compiled;
}
/** Each link the bundled knowledge makes in `text`, as "surface→id". */
function linkBundled(text: string): string[] {
  return linkBlocks([text]);
}

/** The same over a page of several blocks (a headline, then its story). */
function linkBlocks(texts: string[]): string[] {
  const { index, trie } = bundled();
  return findMentions(texts, index, trie).map((m) => `${texts[m.block]!.slice(m.start, m.end)}→${index.ids[m.entity]}`);
}

describe('knowledge.json', () => {
  it('has unique ids, and every entity passes the validator', () => {
    expect(byId.size).toBe(entities.length);
    const errors = entities.flatMap((e, index) => validateEntity(e, { file: 'knowledge.json', index }).errors);
    expect(errors).toEqual([]);
  });

  it('every related id and source id resolves', () => {
    const sources = new Set(file.sources.map((s) => s.id));
    for (const e of entities) {
      for (const r of e.hints?.related ?? []) expect(byId.has(r), `${e.id} → ${r}`).toBe(true);
      for (const s of e.sources) expect(sources.has(s), `${e.id} source ${s}`).toBe(true);
    }
  });

  it('every entity has a description, an https link, asOf and a source', () => {
    const incomplete = entities.filter((e) => !e.description.trim() || !e.links.some((l) => l.url.startsWith('https://')) || !e.asOf || e.sources.length === 0);
    expect(incomplete.map((e) => e.id)).toEqual([]);
  });

  it('no alias that links on its own is a common English word without its flag', () => {
    const offenders = entities.flatMap((e) =>
      e.aliases
        .filter((a) => (a.kind === 'short' || a.kind === 'acronym' || a.kind === 'name' || a.kind === 'informal') && !a.text.includes(' '))
        .filter((a) => isCommonWord(a.text) && !a.commonWord && !a.needsContext)
        .map((a) => `${e.id}: "${a.text}"`),
    );
    // Names that are ordinary words but are, in news, almost always the entity (checked by hand).
    // "US" is case-sensitive (never "us"); "Pentagon" capitalised is the department in news.
    // "China" capitalised is the country.
    const accepted = new Set(['place:united-states: "US"', 'agency:dod: "Pentagon"', 'place:china: "China"']);
    expect(offenders.filter((o) => !accepted.has(o))).toEqual([]);
  });

  it('no alias starts or ends with a conjunction or preposition left over from its source ("or European Communities")', () => {
    const offenders = entities.flatMap((e) =>
      e.aliases.filter((a) => /^(?:or|and|of|aka)\s|\s(?:or|and|of)$/i.test(a.text)).map((a) => `${e.id}: "${a.text}"`),
    );
    expect(offenders).toEqual([]);
  });

  it('every alias that is a common word in news ("Apple", "Target", "WHO", "ICE") is flagged commonWord', () => {
    const words = new Set(COMMON_NEWS_WORDS);
    const offenders = entities.flatMap((e) =>
      e.aliases.filter((a) => words.has(a.text) && a.kind !== 'ticker' && a.kind !== 'surname' && !a.commonWord).map((a) => `${e.id}: "${a.text}" (${a.kind})`),
    );
    expect(offenders).toEqual([]);
  });

  it('meets the coverage floor: 3,500 entities, 300 curated, nothing incomplete', () => {
    const out = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'knowledge/generate.ts'), '--check', '--stats'], { encoding: 'utf8' });
    const stats = JSON.parse(out.trim().split('\n').pop()!) as { entities: number; curated: number; incomplete: number; byCategory: Record<string, number> };
    expect(stats.entities).toBeGreaterThanOrEqual(3500);
    expect(stats.curated).toBeGreaterThanOrEqual(300);
    expect(stats.incomplete).toBe(0);
  }, 60_000);

  it('is generated deterministically: regenerating gives the committed file byte for byte', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gloss-knowledge-')), 'knowledge.json');
    execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'knowledge/generate.ts'), '--out', out], { encoding: 'utf8' });
    expect(readFileSync(out, 'utf8') === readFileSync(join(root, 'knowledge/knowledge.json'), 'utf8')).toBe(true);
  }, 60_000);
});

describe('coverage', () => {
  it('every current member of Congress (535 voting members and the delegates)', () => {
    const members = entities.filter((e) => e.facts?.some((f) => f.label === 'U.S. Senator' || f.label === 'U.S. Representative') && e.status === 'current');
    expect(members.length).toBeGreaterThanOrEqual(535);
  });

  it('every president and vice president', () => {
    const presidents = entities.filter((e) => e.facts?.some((f) => f.label === 'President of the United States'));
    const vps = entities.filter((e) => e.facts?.some((f) => f.label === 'Vice President of the United States'));
    expect(presidents.length).toBeGreaterThanOrEqual(45);
    expect(vps.length).toBeGreaterThanOrEqual(49);
    for (const name of ['George Washington', 'Abraham Lincoln', 'Barack Obama', 'Donald Trump', 'Joe Biden', 'JD Vance', 'Kamala Harris']) expect(withAlias(name).length, name).toBeGreaterThan(0);
    // The Factbook's record of the sitting president adds no third row for the office his terms already hold.
    const trump = entities.find((e) => e.id === 'person:donald-trump')!;
    expect(trump.facts!.map((f) => f.label)).toEqual(['President of the United States', 'President of the United States']);
    expect(entities.find((e) => e.id === 'person:charles-iii')!.facts!.map((f) => f.label)).toContain('King of the United Kingdom');
  });

  it('the 15 executive departments with their common names', () => {
    const departments = ['State', 'the Treasury', 'Defense', 'Justice', 'the Interior', 'Agriculture', 'Commerce', 'Labor', 'Health and Human Services', 'Housing and Urban Development', 'Transportation', 'Energy', 'Education', 'Veterans Affairs', 'Homeland Security'];
    for (const d of departments) expect(withAlias(`Department of ${d}`).length, d).toBeGreaterThan(0);
    for (const common of ['State Department', 'Justice Department', 'Defense Department', 'the Pentagon', 'Treasury Department', 'Homeland Security']) {
      expect(withAlias(common).length, common).toBeGreaterThan(0);
    }
    expect(withAlias('the Pentagon')[0]!.id).toBe('agency:dod');
  });

  it('at least 400 federal agencies with acronyms', () => {
    const agencies = entities.filter((e) => categoryOf(e) === 'agency' && e.aliases.some((a) => a.kind === 'acronym'));
    expect(agencies.length).toBeGreaterThanOrEqual(400);
  });

  it('every country, every S&P 500 company, 150 international organisations', () => {
    expect(entities.filter((e) => e.type === 'country').length).toBeGreaterThanOrEqual(249);
    expect(entities.filter((e) => e.sources.includes('sp500')).length).toBeGreaterThanOrEqual(500);
    expect(entities.filter((e) => e.type === 'intl-org').length).toBeGreaterThanOrEqual(150);
  });

  it('current heads of state and government, and Cabinet members since 1977', () => {
    const leaders = entities.filter((e) => e.sources.includes('factbook') && e.type === 'person');
    expect(leaders.length).toBeGreaterThanOrEqual(150);
    const cabinet = entities.filter((e) => e.sources.includes('fivethirtyeight-cabinet'));
    expect(cabinet.length).toBeGreaterThanOrEqual(250);
    for (const name of ['Cyrus Vance', 'Madeleine Albright', 'Condoleezza Rice']) expect(withAlias(name).length, name).toBeGreaterThan(0);
  });

  it('the seed story’s entities keep their stable ids', () => {
    for (const id of ['person:christopher-krebs', 'person:brian-krebs', 'agency:cisa', 'agency:dhs', 'person:mark-esper', 'person:donald-trump', 'person:joe-biden', 'company:microsoft', 'agency:white-house', 'agency:dod', 'company:twitter']) {
      expect(byId.has(id), id).toBe(true);
    }
  });
});

describe('presidents’ terms in the bundled knowledge', () => {
  it('are one row for years in office in a row, and two for terms apart', () => {
    const rows = (id: string) => byId.get(id)!.facts!.filter((f) => f.label === 'President of the United States').map((f) => `${f.from}–${f.to}`);
    expect(rows('person:barack-obama')).toEqual(['2009-01-20–2017-01-20']);
    expect(rows('person:franklin-roosevelt')).toEqual(['1933-03-04–1945-04-12']);
    expect(rows('person:grover-cleveland')).toEqual(['1885-03-04–1889-03-04', '1893-03-04–1897-03-04']);
  });
});

describe('public figures in the bundled knowledge', () => {
  it('link by full name, and by a surname that is nothing else; a surname that is also a word or another entity’s name stays the other thing', () => {
    expect(linkBlocks(['Mark Cuban criticised the plan.', 'Cuban officials did not reply; Cuban cigars sold out.'])).toEqual(['Mark Cuban→person:mark-cuban']);
    expect(linkBlocks(['Lou Dobbs spoke first.', 'The Dobbs ruling ended Roe.'])).toEqual(['Lou Dobbs→person:lou-dobbs']);
    expect(linkBlocks(['Sean Hannity said it on air.', 'Hannity then moved on.'])).toEqual(['Sean Hannity→person:sean-hannity', 'Hannity→person:sean-hannity']);
    // Michael Bloomberg's surname is the person's after his full name; Bloomberg News on a page without him.
    expect(linkBlocks(['Michael Bloomberg is running.', 'Bloomberg was mayor three terms.'])).toEqual(['Michael Bloomberg→person:michael-bloomberg', 'Bloomberg→person:michael-bloomberg']);
    expect(linkBlocks(['Shares fell sharply in markets today, according to a report. Bloomberg reported the news.'])).toEqual(['Bloomberg→org:bloomberg-news']);
  });
});

describe('leaders the Factbook names at length, in the bundled knowledge', () => {
  it('link by the shorter names news writes', () => {
    expect(linkBlocks(['South Africa’s President Cyril Ramaphosa met Bola Tinubu and Abiy Ahmed.'])).toEqual([
      'South Africa→place:south-africa',
      'Cyril Ramaphosa→person:matamela-cyril-ramaphosa',
      'Bola Tinubu→person:bola-ahmed-adekunle-tinubu',
      'Abiy Ahmed→person:abiy-ahmed-ali',
    ]);
    // The card is headed by that name; the Factbook's links too.
    const ramaphosa = byId.get('person:matamela-cyril-ramaphosa')!;
    expect(ramaphosa.name).toBe('Cyril Ramaphosa');
    expect(has(ramaphosa, 'Matamela Cyril Ramaphosa')).toBe(true);
    expect(byId.get('person:salman-bin-abd-al-aziz-al-saud')!.name).toBe('Salman bin Abdulaziz');
    // A particle the Factbook's capitals lost is written as the person writes it.
    expect(linkBlocks(['Austria’s Alexander Van der Bellen met Marcelo Rebelo de Sousa.'])).toEqual([
      'Austria→place:austria', 'Alexander Van der Bellen→person:alexander-van-der-bellen', 'Marcelo Rebelo de Sousa→person:marcelo-rebelo-de-sousa',
    ]);
    expect(linkBlocks(['Colombia’s Gustavo Petro, Nayib Bukele and King Salman met. Petro spoke first.'])).toEqual([
      'Colombia→place:colombia', 'Gustavo Petro→person:gustavo-francisco-petro-urrego', 'Nayib Bukele→person:nayib-armando-bukele-ortez',
      'King Salman→person:salman-bin-abd-al-aziz-al-saud', 'Petro→person:gustavo-francisco-petro-urrego',
    ]);
  });
});

describe('officials and public figures of 2025 news, in the bundled knowledge', () => {
  it('link by full name and then by surname, a surname that is a first name too only after its person', () => {
    expect(linkBlocks(['Deputy Attorney General Todd Blanche and Lindsey Halligan indicted James Comey.', 'Blanche said the case was strong.'])).toEqual([
      'Todd Blanche→person:todd-blanche', 'Lindsey Halligan→person:lindsey-halligan', 'James Comey→person:james-comey', 'Blanche→person:todd-blanche',
    ]);
    expect(linkBlocks(['Palantir’s Alex Karp spoke as Dell shares rose.', 'Karp said demand was strong.'])).toEqual([
      'Palantir→company:palantir-technologies', 'Alex Karp→person:alex-karp', 'Dell→company:dell-technologies', 'Karp→person:alex-karp',
    ]);
    expect(linkBlocks(['Sean “Diddy” Combs was sentenced.', 'Diddy will appeal.'])).toEqual(['Sean “Diddy” Combs→person:sean-combs', 'Diddy→person:sean-combs']);
    // "Tyler" is no company and no person alone: Tyler Robinson is named in full, and Tyler Technologies has no short name.
    expect(linkBlocks(['Tyler Robinson was charged with killing Charlie Kirk.', 'Tyler, Texas, mourned.'])).toEqual([
      'Tyler Robinson→person:tyler-robinson', 'Charlie Kirk→person:charlie-kirk', 'Texas→place:texas',
    ]);
  });

  it('members of Congress by the everyday names news writes ("Chris Murphy", "Dick Durbin"), and then by surname', () => {
    expect(linkBlocks(['Sen. Chris Murphy and Dick Durbin spoke.', 'Murphy, of Connecticut, said more.'])).toEqual([
      'Chris Murphy→person:christopher-murphy', 'Dick Durbin→person:richard-j-durbin', 'Murphy→person:christopher-murphy', 'Connecticut→place:connecticut',
    ]);
  });

  it('judges, chief executives and officials of 2025 stories, and "Labour" where the page is Britain’s', () => {
    expect(linkBlocks(['Judge James Boasberg found probable cause.', 'Boasberg said officials defied his order.'])).toEqual([
      'James Boasberg→person:james-boasberg', 'Boasberg→person:james-boasberg',
    ]);
    expect(linkBlocks(['Texas Gov. Greg Abbott signed the map.', 'Abbott threatened to remove them.'])).toEqual(['Texas→place:texas', 'Greg Abbott→person:greg-abbott', 'Abbott→person:greg-abbott']);
    expect(linkBlocks(['Andy Jassy, Amazon’s chief executive, spoke after Amazon Web Services suffered an outage that took down Snapchat.'])).toEqual([
      'Andy Jassy→person:andy-jassy', 'Amazon→company:amazon', 'Amazon Web Services→company:amazon-web-services', 'Snapchat→company:snap',
    ]);
    expect(linkBlocks(['Keir Starmer faced a revolt from Labour backbenchers.'])).toEqual(['Keir Starmer→person:keir-starmer', 'Labour→org:labour-party']);
    // The 2025 officials whose surnames are theirs alone in the news link alone, as a headline names them.
    expect(linkBlocks(['Hegseth Orders Review as Gabbard and Lutnick Testify'])).toEqual(['Hegseth→person:pete-hegseth', 'Gabbard→person:tulsi-gabbard', 'Lutnick→person:howard-lutnick']);
    // Airlines by the names news writes, where the page speaks of flights; "Delta" alone is no airline.
    expect(linkBlocks(['Southwest cancelled flights and Delta said passengers would be rebooked.'])).toEqual(['Southwest→company:southwest-airlines', 'Delta→company:delta-air-lines']);
    expect(linkBlocks(['The Delta variant spread across the Southwest.'])).toEqual([]);
    // Cities news names: Portland and Phoenix alone; Austin, Columbus and Charlotte, also people's names, by their states.
    expect(linkBlocks(['Protesters gathered in Portland, Ore., and in Phoenix, Ariz.'])).toEqual(['Portland→place:portland', 'Ore.→place:oregon', 'Phoenix→place:phoenix', 'Ariz.→place:arizona']);
    expect(linkBlocks(['The Phoenix rose from the ashes.'])).toEqual([]);
    expect(linkBlocks(['Lloyd Austin flew to Texas. In Austin, he met the governor.'])).toEqual(['Lloyd Austin→person:lloyd-austin', 'Texas→place:texas', 'Austin→place:austin']);
    expect(linkBlocks(['Austin Butler starred with Charlotte Rampling.'])).toEqual([]);
    // A person whose record relates them to a company counts for its name ("Intel" needs its page's support: intelligence).
    expect(linkBlocks(['Lip-Bu Tan, Intel’s chief executive, met Trump.'])).toEqual(['Lip-Bu Tan→person:lip-bu-tan', 'Intel→company:intel', 'Trump→person:donald-trump']);
    expect(linkBlocks(['Army Intel officers met Trump.'])).toEqual(['Trump→person:donald-trump']);
    // New Zealand's Labour, on a page that names Britain: not the British party.
    expect(linkBlocks(['New Zealand was a British colony.', 'Politics has been dominated by two parties, National and Labour.'])).toEqual(['New Zealand→place:new-zealand']);
  });

  it('India’s states, and “HP” for Himachal Pradesh where the page is about it; the company elsewhere', () => {
    expect(linkBlocks(['Republic Day vigil: inter-state security review by J&K, Punjab, HP officials in Chandigarh.'])).toEqual([
      'J&K→place:jammu-and-kashmir', 'Punjab→place:punjab', 'HP→place:himachal-pradesh',
    ]);
    expect(linkBlocks(['Andhra Pradesh Chief Minister N. Chandrababu Naidu laid the stone in Amaravati.'])).toEqual(['Andhra Pradesh→place:andhra-pradesh']);
    expect(linkBlocks(['HP said printer sales fell; its shares dropped in India and abroad.'])).toEqual(['HP→company:hp', 'India→place:india']);
  });

  it('surnames that are one person’s in the news link alone, as a headline writes them: "Sondland", "Tillerson"', () => {
    expect(linkBlocks(['Watch live: Sondland testifies about Ukraine at pivotal impeachment hearing'])).toEqual(['Sondland→person:gordon-sondland', 'Ukraine→place:ukraine']);
    expect(linkBlocks(['Tillerson says Trump asked him to break the law'])).toEqual(['Tillerson→person:rex-tillerson', 'Trump→person:donald-trump']);
  });

  it('a name inside a company’s legal name is not the place or the index: "U.S. Games Systems, Inc."; "Dow Jones Reprints" is the publisher', () => {
    expect(linkBlocks(['Stuart Kaplan founded U.S. Games Systems, Inc. in Stamford, Connecticut.'])).toEqual(['Connecticut→place:connecticut']);
    expect(linkBlocks(['Stocks rose. Indices are calculated by S&P Dow Jones Indices LLC and licensed for use.'])).toEqual([]);
    expect(linkBlocks(['To order copies, contact Dow Jones Reprints at 1-800-843-0008.'])).toEqual(['Dow Jones Reprints→company:dow-jones']);
  });

  it('say what became of them where the knowledge knows: a card dated after the event, marked former once they left', () => {
    expect(byId.get('person:charlie-kirk')!.description).toMatch(/killed .* September 2025/);
    expect(byId.get('person:charlie-kirk')!.status).toBe('former');
    expect(byId.get('person:erika-mcentarfer')!.status).toBe('former');
    for (const id of ['person:charlie-kirk', 'person:lindsey-halligan', 'person:bari-weiss']) expect(byId.get(id)!.asOf > '2025-09', id).toBe(true);
  });
});

describe('S&P 500 companies by the names news writes, in the bundled knowledge', () => {
  it('"Disney", "Coca-Cola", "Home Depot", "Merck", "Micron"; "The Hartford", not the city; "McCormick" is the senator', () => {
    expect(linkBlocks(['Disney and Coca-Cola rose; Home Depot and Merck fell, and Micron was flat.'])).toEqual([
      'Disney→company:walt-disney-company-the', 'Coca-Cola→company:coca-cola-company-the', 'Home Depot→company:home-depot-the', 'Merck→company:merck-and',
      'Micron→company:micron-technology',
    ]);
    expect(linkBlocks(['The Hartford, the insurer, is based in Hartford.'])).toEqual(['The Hartford→company:hartford-the']);
    expect(linkBlocks(['JPMorgan and Eli Lilly rose; Robinhood and T-Mobile fell.'])).toEqual([
      'JPMorgan→company:jpmorgan-chase', 'Eli Lilly→company:lilly-eli', 'Robinhood→company:robinhood-markets', 'T-Mobile→company:t-mobile-us',
    ]);
    // "UPS" is the company where the page speaks of deliveries, not a power supply.
    expect(linkBlocks(['UPS drivers delivered the packages.'])).toEqual(['UPS→company:united-parcel-service']);
    expect(linkBlocks(['The lithium UPS kept the servers running.'])).toEqual([]);
    expect(linkBlocks(['Sen. Dave McCormick spoke.', 'McCormick said he would vote no.'])).toEqual(['Dave McCormick→person:david-mccormick', 'McCormick→person:david-mccormick']);
  });
});

describe('"ICE", in the bundled knowledge', () => {
  it('is the immigration agency where its page speaks of arrests, raids or deportations, and not frozen water in a headline in capitals', () => {
    expect(linkBlocks(['ICE agents arrested dozens in Chicago.'])).toEqual(['ICE→agency:u-s-immigration-and-customs-enforcement', 'Chicago→place:chicago']);
    expect(linkBlocks(['ICE said deportations of undocumented immigrants rose in October.'])).toEqual(['ICE→agency:u-s-immigration-and-customs-enforcement']);
    expect(linkBlocks(['ICE STORM WARNING: roads closed as snow falls.'])).toEqual([]);
  });
});

describe('outlets stories cite, in the bundled knowledge', () => {
  it('link by name; one whose name is a phrase too ("The Independent", "The Free Press") only where the page speaks of reporting', () => {
    expect(linkBlocks(['Semafor and Punchbowl News reported it first; C-SPAN aired the vote, and National Review and the Daily Caller wrote about it.'])).toEqual([
      'Semafor→org:semafor', 'Punchbowl News→org:punchbowl-news', 'C-SPAN→org:c-span', 'National Review→org:national-review', 'Daily Caller→org:daily-caller',
    ]);
    expect(linkBlocks(['The Independent candidate won.'])).toEqual([]);
  });
});

describe('central banks, parties abroad and the people news names with them, in the bundled knowledge', () => {
  it('link by name, and a surname two of them share stays unlinked', () => {
    expect(linkBlocks(['The Bank of England’s Andrew Bailey cut interest rates; the ECB and the Bank of Japan held theirs.'])).toEqual([
      'Bank of England→agency:bank-of-england', 'Andrew Bailey→person:andrew-bailey', 'ECB→org:ecb', 'Bank of Japan→agency:bank-of-japan',
    ]);
    expect(linkBlocks(['The AfD’s Alice Weidel, the National Rally’s Jordan Bardella and Reform UK’s Nigel Farage met Kemi Badenoch.'])).toEqual([
      'AfD→org:alternative-for-germany', 'Alice Weidel→person:alice-weidel', 'National Rally→org:national-rally', 'Jordan Bardella→person:jordan-bardella',
      'Reform UK→org:reform-uk', 'Nigel Farage→person:nigel-farage', 'Kemi Badenoch→person:kemi-badenoch',
    ]);
    // Apple's Tim Cook and the Fed's Lisa Cook on one page: "Cook" alone could be either.
    expect(linkBlocks(['Tim Cook and Lisa Cook spoke.', 'Cook said rates matter.'])).toEqual(['Tim Cook→person:tim-cook', 'Lisa Cook→person:lisa-cook']);
    expect(linkBlocks(['Christopher Waller spoke.', 'Waller said rates would fall.'])).toEqual([
      'Christopher Waller→person:christopher-waller', 'Waller→person:christopher-waller',
    ]);
  });
});

describe('S&P 500 companies news names most, in the bundled knowledge', () => {
  it('say what the company does, not only its index sector, and keep the index’s ticker and headquarters', () => {
    for (const [id, does] of [['company:netflix', /streaming/], ['company:boeing', /passenger jets/], ['company:pg-and-e', /utility/], ['company:news', /Wall Street Journal/]] as const) {
      const e = byId.get(id)!;
      expect(e.description, id).toMatch(does);
      expect(e.description, id).not.toMatch(/^Public company in/);
      expect(e.facts?.map((f) => f.label), id).toEqual(expect.arrayContaining(['Ticker', 'Headquarters']));
    }
  });
});

describe('market names in the bundled knowledge', () => {
  // Compiled once for these cases: the whole bundled knowledge, as a tab's worker has it.
  const link = matcher(entities);

  it('"the Dow" and the S&P 500 are stock market indexes, not Dow Inc. the chemical maker', () => {
    expect(link('Stocks fell on Tuesday. The Dow lost 310 points, and the S&P 500 slipped 0.4%.')).toEqual([
      'The Dow→market-index:djia', 'S&P 500→market-index:sp500',
    ]);
    expect(link('the Dow Jones Industrial Average and the Nasdaq Composite')).toEqual([
      'the Dow Jones Industrial Average→market-index:djia', 'Nasdaq Composite→market-index:nasdaq-composite',
    ]);
  });

  it('a bare "Dow" or "Dow Jones" links only as its page’s context says: the company, the publisher, the index, or nothing', () => {
    expect(link('Dow said it would close two plastics plants near its Midland headquarters; the chemical maker cut 2,000 jobs.')).toContain('Dow→company:dow');
    expect(link('Dow Jones, a News Corp company, publishes The Wall Street Journal and Barron’s.')).toContain('Dow Jones→company:dow-jones');
    expect(link('Dow futures rose as traders bought shares of stocks that lagged the rally.')).toContain('Dow→market-index:djia');
    expect(link('Dow was quiet.')).toEqual([]);
  });
});

describe('words that are also company names, in the bundled knowledge', () => {
  const link = matcher(entities);

  it('"Intel" is the chipmaker on a page about chips, and nothing in "an Intel official" on a page about a phone call', () => {
    expect(link('Intel said its new processors would ship in March, as the chipmaker races Nvidia in semiconductor sales.')).toContain('Intel→company:intel');
    expect(link('Vindman Claims He Discussed July Call With Intel Official, Prompting Questions')).not.toContain('Intel→company:intel');
  });
});

describe('presidents and the members of Congress who share their names, in the bundled knowledge', () => {
  const link = linkBundled;
  const description = (id: string) => byId.get(id)?.description ?? '';

  it('numbers each president by the order of the terms: Cleveland is the 22nd and 24th, Reagan the 40th', () => {
    expect(description('person:grover-cleveland')).toMatch(/^22nd and 24th President of the United States/);
    expect(description('person:benjamin-harrison')).toMatch(/^23rd President/);
    expect(description('person:william-mckinley')).toMatch(/^25th President/);
    expect(description('person:john-f-kennedy')).toMatch(/^35th President/);
    expect(description('person:ronald-reagan')).toMatch(/^40th President/);
    expect(description('person:george-h-w-bush')).toMatch(/^41st President/);
  });

  it('President John F. Kennedy and Senator John Kennedy of Louisiana are two people', () => {
    expect(link('John F. Kennedy was shot in Dallas in 1963.')).toEqual(['John F. Kennedy→person:john-f-kennedy', 'Dallas→place:dallas']);
    expect(link('Franklin Delano Roosevelt and Lyndon B. Johnson signed them.')).toEqual(['Franklin Delano Roosevelt→person:franklin-roosevelt', 'Lyndon B. Johnson→person:lyndon-johnson']);
    expect(description('person:john-kennedy')).toMatch(/senator for Louisiana/);
    expect(link('Sen. John Kennedy of Louisiana objected.')).toEqual(['John Kennedy→person:john-kennedy', 'Louisiana→place:louisiana']);
  });

  it('a member’s card names the party as news does: a "Democratic senator", never a "Democrat senator"', () => {
    expect(entities.filter((e) => /\bDemocrat U\.S\./.test(e.description)).map((e) => e.id)).toEqual([]);
    expect(description('person:mark-r-warner')).toMatch(/^Democratic U\.S\. senator for Virginia/);
    expect(description('person:angus-s-king-jr')).toMatch(/^Independent U\.S\. senator for Maine/);
  });

  it('a member whose plain full name many share links by it only where the page is about politics', () => {
    expect(link('The Red Sox rotation: Chris Sale, Rick Porcello and David Price.')).toEqual([]);
    expect(link('The Browns signed running back Chris Smith, and Joe Walsh played the Eagles’ hits at halftime.')).toEqual([]);
    expect(link('David Price, a North Carolina Democrat, told lawmakers he would retire from Congress.')).toEqual(['David Price→person:david-e-price', 'North Carolina→place:north-carolina']);
    expect(link('Rep. David Price spoke.')).toEqual(['David Price→person:david-e-price']);
    // Names chosen by hand for a curated record, and uncommon surnames, link alone.
    expect(link('Bernie Sanders and Mike Johnson and Ilhan Omar spoke.')).toEqual(['Bernie Sanders→person:bernard-sanders', 'Mike Johnson→person:mike-johnson', 'Ilhan Omar→person:ilhan-omar']);
  });

  it('two members of Congress with one name keep their own cards: Senator Bob Menendez is not his son, Rep. Rob Menendez', () => {
    const menendez = entities.filter((e) => has(e, 'Robert Menendez'));
    expect(menendez.map((e) => e.description).sort()).toEqual([expect.stringMatching(/^Democratic U\.S\. representative for New Jersey/), expect.stringMatching(/^Former Democratic U\.S\. senator for New Jersey/)]);
    expect(link('Bob Menendez was convicted.')).toEqual([`Bob Menendez→${menendez.find((e) => /senator/.test(e.description))!.id}`]);
  });
});

describe('three-letter acronyms of the agency and organisation lists, in the bundled knowledge', () => {
  const link = (text: string) => {
    const { index, trie } = bundled();
    return findMentions(text.split('\n\n'), index, trie).map((m) => `${index.ids[m.entity]}`);
  };

  it('are other things on most pages: Black Lives Matter, India’s citizens’ register, an air force, "in my opinion", a football conference', () => {
    expect(link('BLM protesters marched downtown.')).toEqual([]);
    expect(link('The NRC exercise in Assam left 1.9 million people stateless.')).toEqual([]);
    expect(link('Air defenses engaged a reported IAF attack near Damascus.')).toEqual(['place:damascus']);
    expect(link('IMO, the phone is the best of the year.')).toEqual([]);
    expect(link('Watch SEC football this Saturday.')).toEqual([]);
  });

  it('link where the page names the body in full or speaks of its field, and the few news uses alone always do', () => {
    expect(link('The Bureau of Land Management (BLM) leased the land.\n\nBLM said so.')).toEqual(['agency:blm', 'agency:blm', 'agency:blm']);
    expect(link('The SEC said investors were misled about the shares.')).toEqual(['agency:sec']);
    expect(link('The FCC and the CDC and the IRS replied.')).toEqual(['agency:fcc', 'agency:cdc', 'agency:irs']);
  });
});

describe('names that are also other things, in the bundled knowledge', () => {
  const link = linkBundled;

  it('is the airline on a page about flights, the country on a page about the federation, and "the UAE" always the country', () => {
    expect(link('Emirates to get 30 Boeing 787 Dreamliners for its flights.')).toContain('Emirates→company:emirates');
    expect(link('Emirati officials in Dubai said the Emirates federation and its sheikh agreed.')).toEqual(['Dubai→place:dubai', 'Emirates→place:united-arab-emirates']);
    expect(link('The UAE and the United Arab Emirates.')).toEqual(['UAE→place:united-arab-emirates', 'United Arab Emirates→place:united-arab-emirates']);
  });

  it('"RTX" is the defense company on a page about missiles, not Nvidia’s graphics card', () => {
    expect(link('It is very similar to the RTX 2060 in raw performance.')).toEqual([]);
    expect(link('RTX, the Pentagon contractor, won a missile deal.')).toContain('RTX→company:rtx');
  });
});

describe('given names in the bundled knowledge', () => {
  const link = linkBundled;
  const { index, trie } = bundled();

  it('lists the given names of members of Congress since 1789, beyond the people it has, but no everyday words', () => {
    const names = new Set(file.firstNames);
    expect(names.size).toBeGreaterThan(800);
    expect(names.has('Allison')).toBe(true);
    for (const word of ['Grant', 'Major', 'Will', 'Rose', 'Page']) expect(names.has(word), word).toBe(false);
  });

  it('a famous surname after a given name the knowledge has no person for is someone else: "Allison Gore" is not Al Gore', () => {
    expect(link('Produced by Allison Gore and Mary Blount.')).toEqual([]);
    // Nor are the page's other "Gore": the running back's story is not about the vice president.
    expect(findMentions(['Frank Gore Dragged Naked Woman Across Street', 'Gore was arrested.'], index, trie)).toEqual([]);
    // But "Trump" stays the president's after another Trump the knowledge lacks.
    expect(findMentions(['Fred Trump built houses.', 'Trump said so.'], index, trie).map((m) => index.ids[m.entity])).toEqual(['person:donald-trump']);
    // No Clinton's surname links alone: since 2015 a bare "Clinton" is as often Hillary as Bill.
    expect(withAlias('Clinton').filter((e) => e.aliases.some((a) => a.text === 'Clinton' && a.standalone)).map((e) => e.id)).toEqual([]);
    expect(link('Al Gore spoke. Gore said the climate would not wait.')).toEqual(['Al Gore→person:al-gore', 'Gore→person:al-gore']);
  });

  it('knows women’s given names too, which Congress’s members since 1789 seldom had: "Alicia DeSantis" is not Ron DeSantis', () => {
    const names = new Set(file.firstNames);
    for (const name of ['Alicia', 'Megan', 'Carmen', 'Tiffani', 'Olga']) expect(names.has(name), name).toBe(true);
    // Moby's given names that are a name of the knowledge's, or a common surname, are not taken as given names.
    for (const word of ['Reagan', 'Kennedy', 'Smith', 'Florida', 'Tiffany']) expect(names.has(word), word).toBe(false);
    expect(link('Produced by Alicia DeSantis and Josh Williams, Photographs by Lexey Swall.')).toEqual([]);
    expect(link('Megan Biden and Carmen Pelosi spoke at the school.')).toEqual([]);
    expect(link('Gov. Ron DeSantis signed the bill.')).toEqual(['Ron DeSantis→person:ron-desantis']);
    // A film's title stays the president's.
    expect(link('Restless Creature: Wendy Whelan, In Transit, The Reagan Show')).toEqual(['Reagan→person:ronald-reagan']);
  });
});

describe('acronyms two bodies share, in the bundled knowledge', () => {
  const link = matcher(entities);

  it('"EPA" on a photo credit is the European Pressphoto Agency; in a story on pollution rules, the U.S. agency', () => {
    expect(link('Protesters in Hong Kong. Image copyright EPA. Photo credit: Getty.')).toContain('EPA→org:epa-images');
    expect(link('The EPA tightened its rules on emissions and pollution from power plants.')).toContain('EPA→agency:epa');
    expect(link('EPA said nothing.')).toEqual([]);
  });
});

describe('news outlets and agencies that other stories cite, in the bundled knowledge', () => {
  const link = linkBundled;

  it('an outlet named for a place is the outlet, not the place inside its name', () => {
    expect(link('The South China Morning Post reported the talks.')).toEqual(['South China Morning Post→org:south-china-morning-post']);
    expect(link('He told the Times of India and the New Zealand Herald.')).toEqual(['Times of India→org:times-of-india', 'New Zealand Herald→org:new-zealand-herald']);
    expect(link('U.S. News & World Report ranked the college first.')).toEqual(['U.S. News & World Report→org:us-news-world-report']);
    expect(link('The Korea Times reported, citing Yonhap and Kyodo News.')).toEqual(['The Korea Times→org:korea-times', 'Yonhap→org:yonhap', 'Kyodo News→org:kyodo-news']);
  });

  it('"China Daily" is the state paper only where the page speaks of its reporting', () => {
    expect(link('China Daily, the state-run English-language paper, reported the figures.')).toEqual(['China Daily→org:china-daily']);
    expect(link('China Daily Cases Climb Again')).not.toContain('China Daily→org:china-daily');
  });
});

describe('monarchs, popes and others news names often, in the bundled knowledge', () => {
  const link = linkBundled;

  it('a regnal number after a name is another monarch or pope: "Pope Leo XIII", "Queen Elizabeth I", "King Charles I"', () => {
    expect(link('Pope Leo chose his name for Pope Leo XIII.')).toEqual(['Pope Leo→person:pope-leo-xiv']);
    expect(link('Queen Elizabeth I ruled before King Charles I; Queen Elizabeth II died in 2022, and King Charles spoke.')).toEqual([
      'Queen Elizabeth II→person:elizabeth-ii', 'King Charles→person:charles-iii',
    ]);
    expect(link('Prince William and Prince Harry met.')).toEqual(['Prince William→person:prince-william', 'Prince Harry→person:prince-harry']);
  });

  it('names the corpus repeats that the knowledge lacked: outlets, a company, people', () => {
    expect(link('The New York Post, Business Insider and CNBC reported that American Airlines cut flights.')).toEqual([
      'The New York Post→org:new-york-post', 'Business Insider→org:business-insider', 'CNBC→org:cnbc', 'American Airlines→company:american-airlines',
    ]);
    expect(link('Steve Jobs unveiled it.')).toEqual(['Steve Jobs→person:steve-jobs']);
    // India's channel of the name is its own.
    expect(link('CNBC TV18 and CNBC-TV18 reported it, then CNBC.')).toEqual(['CNBC TV18→org:cnbc-tv18', 'CNBC-TV18→org:cnbc-tv18', 'CNBC→org:cnbc']);
  });
});

describe('Britain’s institutions, in the bundled knowledge', () => {
  it('links them in a British story, and not a shop’s "Home Office" or "Princess of Wales" as Wales', () => {
    expect(linkBundled('The Home Office said asylum rules would change. Starmer told MPs in the Commons that the NHS would get more money.')).toEqual([
      'Home Office→agency:home-office', 'Starmer→person:keir-starmer', 'the Commons→agency:house-of-commons', 'NHS→agency:nhs',
    ]);
    expect(linkBundled('Humidifier with 7 color lights for Home Office Baby for $28.95.')).toEqual([]);
    expect(linkBundled('The Princess of Wales and the Earl of Edinburgh visited Edinburgh.')).toEqual([
      'Princess of Wales→person:catherine-princess-of-wales', 'Edinburgh→place:edinburgh',
    ]);
  });
});

describe('capital cities, in the bundled knowledge', () => {
  it('each is its country\'s capital in the Factbook, and its card says so', () => {
    // Those the Factbook makes (`from-capitals.ts`, `from-cities.ts`), not a province's capital written by us (Edmonton).
    const capitals = entities.filter((e) => e.type === 'city' && e.sources.includes('factbook') && byId.get(e.hints!.related![0]!)?.type === 'country' && e.description.startsWith('Capital') && new RegExp(`^Capital (and largest city )?of (the )?${byId.get(e.hints!.related![0]!)!.name}\\.`).test(e.description));
    expect(capitals.length).toBeGreaterThan(150);
    for (const c of capitals) {
      const country = byId.get(c.hints!.related![0]!)!;
      const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      expect(plain(fact(country, 'Capital')!), c.id).toContain(plain(c.name.split(/[ -]/)[0]!));
      expect(c.description, c.id).toMatch(new RegExp(`^Capital (and largest city )?of (the )?${country.name}\\.`));
    }
    expect(byId.get('place:moscow')!.description).toContain('often stands for Russia\'s government');
  });

  it('an American city or state named often does not make a page about another country', () => {
    const story = 'Dallas beat Houston. In Dallas, fans cheered; Dallas and California celebrated.\n\nThe Supreme Court justices issued a ruling on the case.';
    expect(linkBundled(story).filter((l) => l.startsWith('Supreme Court'))).toEqual(['Supreme Court→agency:supreme-court-of-the-united-states']);
    // A page about Moscow still is about Russia.
    const russian = 'Moscow said the court would rule. In Moscow, Moscow officials agreed.\n\nThe Supreme Court justices issued a ruling on the case.';
    expect(linkBundled(russian).filter((l) => l.startsWith('Supreme Court'))).toEqual([]);
  });

  it('links a capital alone, not inside a longer name, nor an American town of its name', () => {
    expect(linkBundled('Talks in Moscow and Kiev stalled, Beijing said.')).toEqual(['Moscow→place:moscow', 'Kiev→place:kyiv', 'Beijing→place:beijing']);
    expect(linkBundled('Paris Hilton saw the Berlin Wall; Jack London wrote.')).toEqual([]);
    // A team's name is the team's (`curated/teams-*.json`); one the knowledge lacks is no one's.
    expect(linkBundled('The Philadelphia 76ers, the San Francisco 49ers, FC Dallas, AC Milan and UC San Diego.')).toEqual([
      'Philadelphia 76ers→team:philadelphia-76ers', 'San Francisco 49ers→team:san-francisco-49ers', 'FC Dallas→team:fc-dallas', 'AC Milan→team:ac-milan',
    ]);
    // A team named by a colour and a word: "White" is not a name's word elsewhere ("the White House").
    expect(linkBundled('The Chicago White Sox beat the Boston Red Sox; the Toronto Blue Jays and the Toronto Maple Leafs lost.')).toEqual([
      'Chicago White Sox→team:chicago-white-sox', 'Boston Red Sox→team:boston-red-sox', 'Toronto Blue Jays→team:toronto-blue-jays', 'Toronto Maple Leafs→team:toronto-maple-leafs',
    ]);
    expect(linkBundled('In Chicago, White House aides met.')).toEqual(['Chicago→place:chicago', 'White House→agency:white-house']);
  });

  it('a name shared by a state and another place is the state before one of a state\'s own bodies or offices', () => {
    expect(linkBundled('They called up the New York National Guard and briefed the Georgia Legislature.').filter((l) => l.includes('place:'))).toEqual([
      'New York→place:new-york-state',
      'Georgia→place:georgia-us-state',
    ]);
    expect(linkBundled('Washington Attorney General Nick Brown sued.').filter((l) => l.startsWith('Washington'))).toEqual(['Washington→place:washington-state']);
    // A city's department is no state's.
    expect(linkBundled('The New York Department of Sanitation plowed the streets.').filter((l) => l.includes('new-york-state'))).toEqual([]);
  });

  it('a state in a headline set in title case is the state when the next word is a common one the story writes in lower case', () => {
    expect(linkBlocks(['California Wildfire Forces Thousands to Flee Their Homes', 'The wildfire spread overnight, officials said.'])).toEqual(['California→place:california']);
    // Without the story's "wildfire", the headline's word may be a name's.
    expect(linkBlocks(['California Wildfire Forces Thousands to Flee Their Homes', 'Officials said so overnight.'])).toEqual([]);
    // A team's name: no "rangers" in lower case on the page.
    expect(linkBlocks(['Texas Rangers Clinch the Pennant in Houston', 'The team celebrated overnight.']).filter((l) => l.startsWith('Texas'))).toEqual([]);
    // Not in a sentence: "New York Avenue" stays a street however often the page says "avenue".
    expect(linkBundled('They walked along New York Avenue. The avenue was closed.').filter((l) => l.startsWith('New York'))).toEqual([]);
    expect(linkBundled('A student in Moscow, Idaho, and a bar in Athens, Ga.')).toEqual(['Idaho→place:idaho', 'Ga.→place:georgia-us-state']);
    // …but a city before its own country's name is itself.
    expect(linkBundled('In Tbilisi, Georgia, the Georgian parliament sat.')).toEqual(['Tbilisi→place:tbilisi', 'Georgia→place:georgia']);
    expect(linkBundled('Fans in Athens, Georgia, cheered.')).toEqual(['Georgia→place:georgia-us-state']);
  });
});

describe('major cities of the world, from the Factbook', () => {
  it('each has its country and its urban area\'s population, and a capital among them says so', () => {
    const mashhad = byId.get('place:mashhad')!;
    expect(mashhad.description).toBe('One of the largest cities of Iran.');
    expect(fact(mashhad, 'Country')).toBe('Iran');
    expect(fact(mashhad, 'Urban area population')).toBe('3.4 million (2023)');
    expect(byId.get('place:lima')!.description).toBe('Capital and largest city of Peru.');
    expect(byId.get('place:karachi')!.description).toContain('largest city');
    // A city the knowledge had gains the population; one of another country's name does not: San Jose,
    // California, is not San José, Costa Rica's capital.
    expect(fact(byId.get('place:tehran')!, 'Urban area population')).toBe('9.5 million (2023)');
    expect(fact(byId.get('place:san-jose')!, 'Urban area population')).toBeUndefined();
    expect(entities.filter((e) => e.type === 'city' && fact(e, 'Urban area population')).length).toBeGreaterThan(350);
  });

  it('links a world city the news names, but an American namesake only as that', () => {
    expect(linkBundled('Crowds massed in Mashhad and Isfahan; Ryanair flew from Thessaloniki to Bordeaux.')).toEqual([
      'Mashhad→place:mashhad', 'Isfahan→place:isfahan', 'Ryanair→company:ryanair', 'Thessaloniki→place:thessaloniki', 'Bordeaux→place:bordeaux',
    ]);
    // Birmingham, Manchester and Alexandria are Britain's and Egypt's only where their page speaks of those countries.
    expect(linkBundled('Police in Birmingham, Alabama, and in Alexandria, Virginia, made arrests. Voters in Manchester turned out.')).toEqual([
      'Alabama→place:alabama', 'Virginia→place:virginia',
    ]);
    expect(linkBundled("Birmingham and Manchester are Britain's largest cities after London.")).toEqual([
      'Birmingham→place:birmingham', 'Manchester→place:manchester', 'Britain→place:united-kingdom', 'London→place:london',
    ]);
    // Two Valencias: the page's country decides.
    expect(linkBundled('Floods in Valencia killed 200 people, Spain said.')).toEqual(['Valencia→place:valencia', 'Spain→place:spain']);
    expect(linkBundled('Protests in Valencia and Maracaibo spread across Venezuela.')).toEqual([
      'Valencia→place:valencia-venezuela', 'Maracaibo→place:maracaibo', 'Venezuela→place:venezuela',
    ]);
    // A village named with a particle, a ship named after a city: not the city.
    expect(linkBundled('Fires reached Aldea del Fresno and Fresno de la Ribera; the USS Fort Lauderdale sailed. Farmers in Fresno sued.')).toEqual(['Fresno→place:fresno']);
    // Names left out: a person's or another place's as often.
    expect(linkBundled('Rosario Dawson met Sen. Mendoza in Naples, Florida.')).toEqual(['Florida→place:florida']);
  });

  it('names continents, regions and waters, but not inside a longer name', () => {
    expect(linkBundled('Leaders from Europe, Southeast Asia and the Middle East met as ships left the Red Sea for the Gulf of Aden.')).toEqual([
      'Europe→place:europe', 'Southeast Asia→place:southeast-asia', 'Middle East→place:middle-east', 'Red Sea→place:red-sea', 'Gulf of Aden→place:gulf-of-aden',
    ]);
    expect(linkBundled('Radio Free Europe reported from the Asia Society; the Arctic blast hit Ohio.')).toEqual(['Radio Free Europe→org:rferl', 'Ohio→place:ohio']);
    // "World Cup" is football's where the page speaks of football; cricket's and rugby's by their names.
    expect(linkBundled('Argentina beat France on penalties in the World Cup final, FIFA said.')).toContain('World Cup→org:fifa-world-cup');
    expect(linkBundled('The ICC World Cup and the Rugby World Cup drew crowds.')).toEqual(['ICC World Cup→org:cricket-world-cup', 'Rugby World Cup→org:rugby-world-cup']);
    expect(linkBundled('New Zealand are the reigning World Cup champions in rugby.')).toContain('World Cup→org:rugby-world-cup');
    // "ICC" is the court or cricket's council by the page's words.
    expect(linkBundled('India lost the World Cup final to Australia by six wickets, the ICC said.')).toContain('ICC→org:international-cricket-council');
    expect(linkBundled('The ICC issued an arrest warrant, the court in The Hague said.')).toContain('ICC→org:icct');
    expect(linkBundled('US Central Command said Centcom forces struck Houthi targets in Yemen.')).toEqual([
      'US Central Command→agency:u-s-central-command', 'Centcom→agency:u-s-central-command', 'Houthi→org:houthis', 'Yemen→place:yemen',
    ]);
  });
});

describe('sports teams, in the bundled knowledge', () => {
  const teams = entities.filter((e) => e.type === 'team');
  const leagues: [string, string, number][] = [
    ['NFL', 'org:nfl', 32], ['NBA', 'org:nba', 30], ['MLB', 'org:mlb', 30], ['NHL', 'org:nhl', 32], ['MLS', 'org:mls', 30], ['WNBA', 'org:wnba', 13],
    ['Premier League', 'org:premier-league', 20],
  ];
  const conferences: [string, number][] = [['Big Ten', 18], ['SEC', 16], ['Big 12', 16], ['ACC', 17]];

  it('every team of the major North American leagues and the Premier League, each related to its league, none by a place\'s name alone', () => {
    for (const [league, id, count] of leagues) {
      const members = teams.filter((e) => fact(e, 'League')?.split(' (')[0] === league);
      expect(members.length, league).toBe(count);
      for (const e of members) expect(e.hints?.related, e.id).toContain(id);
    }
    for (const [conference, count] of conferences) expect(teams.filter((e) => fact(e, 'Conference') === conference).length, conference).toBe(count);
    const placeNames = new Set(entities.filter((e) => categoryOf(e) === 'place').flatMap((e) => e.aliases.map((a) => a.text)));
    expect(teams.flatMap((e) => e.aliases.filter((a) => placeNames.has(a.text)).map((a) => `${e.id}: ${a.text}`))).toEqual([]);
    // A nickname alone never links without its page's support (a club's acronym does: "PSG", "LAFC").
    expect(teams.flatMap((e) => e.aliases.filter((a) => a.kind !== 'name' && a.kind !== 'former' && a.kind !== 'acronym' && !a.needsContext && a.text.split(' ').length < 2).map((a) => `${e.id}: ${a.text}`))).toEqual([]);
  });

  it('a nickname is the team on a page of its sport, and nothing on others ("Bills passed", "the City of Angels", the Texas Rangers police)', () => {
    expect(linkBlocks(['Bills passed by the House go to the Senate. Senators and the Patriots of the revolution agreed.', 'The Texas Rangers arrested two men; choirs of Angels sang in the City of Angels.'])).toEqual([]);
    const game = ['Josh Allen threw three touchdowns and the Bills beat the Patriots; the quarterback was sacked once.', 'The linebacker made 12 tackles.'];
    expect(linkBlocks(game)).toEqual(['Josh Allen→person:josh-allen', 'Bills→team:buffalo-bills', 'Patriots→team:new-england-patriots']);
  });

  it('a college\'s teams on a page of college football ("Texas" beside the Longhorns), and the university or the state elsewhere', () => {
    expect(linkBlocks(['Texas beat Texas A&M 27-17 in College Station. Arch Manning threw two touchdowns for the Longhorns, and the Heisman hopeful\'s quarterback play moved Texas up to seventh.'])).toEqual([
      'Texas→team:texas-longhorns', 'Longhorns→team:texas-longhorns', 'Texas→team:texas-longhorns',
    ]);
    expect(linkBlocks(['Ohio State University researchers found that the drug worked. Penn State professors agreed; Texas lawmakers praised the Texas A&M study.'])).toEqual([
      'Texas→place:texas',
    ]);
  });

  it('a place\'s name in a game\'s story is the team of that place the story names, and the place where the story says so', () => {
    const story = [
      'Kaprizov\'s late goal lifts Wild past Sabres',
      'Minnesota held on after the Sabres tied it late. Buffalo has lost four straight; the goaltender made 31 saves and a defenseman scored.',
      'Fans in Buffalo braved the snow; a Minnesota native said the playoffs felt close.',
    ];
    expect(linkBlocks(story)).toEqual([
      'Wild→team:minnesota-wild', 'Sabres→team:buffalo-sabres', 'Minnesota→team:minnesota-wild', 'Sabres→team:buffalo-sabres', 'Buffalo→team:buffalo-sabres',
      'Buffalo→place:buffalo', 'Minnesota→place:minnesota',
    ]);
  });

  it('a team\'s card says why in a few clues, each once and as the page writes it, never the team itself or its own name\'s words', () => {
    const { index, trie } = bundled();
    const story = [
      'Kaprizov\'s late goal lifts Wild past Sabres',
      'BUFFALO, N.Y. (AP) — Kirill Kaprizov scored in overtime, and the rookie goaltender made 31 saves.',
      'Minnesota held on after the Sabres tied it late in the third period. Buffalo has lost four straight and sits last in the standings.',
      'The defenseman missed the game with an injury suffered against Detroit on Saturday.',
    ];
    const why = findMentions(story, index, trie).flatMap((m) => (m.reason.kind === 'context' ? [`${m.reason.alias}: ${m.reason.words.join(', ')}`] : []));
    // It was "goaltender, defenseman, minnesota, Minnesota" and "goaltender, defenseman, buffalo, Buffalo Sabres, Buffalo".
    expect(why).toEqual([
      'Wild: goaltender, defenseman, Minnesota', 'Sabres: goaltender, defenseman, Buffalo', 'BUFFALO: New York (state)',
      'Minnesota: ', 'Sabres: Buffalo, goaltender, defenseman', 'Buffalo: ',
    ]);
  });
});

describe('text from the sources', () => {
  it('has no HTML entity left in any name, alias, description or fact ("Bras&iacute;lia", "C&ocirc;te d\'Ivoire")', () => {
    const entity = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
    const texts = entities.flatMap((e) => [e.name, e.description, ...e.aliases.map((a) => a.text), ...(e.facts ?? []).map((f) => f.value)]);
    expect(texts.filter((t) => entity.test(t))).toEqual([]);
    expect(fact(byId.get('place:brazil')!, 'Capital')).toBe('Brasília');
    expect(byId.get('place:ivory-coast')!.links[0]!.url).toBe('https://www.cia.gov/the-world-factbook/countries/cote-divoire/');
  });
});

describe('the fifty U.S. states, in the bundled knowledge', () => {
  const states = entities.filter((e) => e.type === 'region' && e.description.startsWith('U.S. state'));

  it('has each once, with its capital, its two senators and its House members', () => {
    expect(states.length).toBe(50);
    expect(new Set(states.map((e) => e.name)).size).toBe(50);
    for (const e of states) {
      expect(fact(e, 'Capital'), e.id).toBeTruthy();
      expect(fact(e, 'U.S. senators')?.split(' and '), e.id).toHaveLength(2);
      expect(Number(fact(e, 'U.S. House members')), e.id).toBeGreaterThanOrEqual(1);
    }
    expect(fact(byId.get('place:ohio')!, 'Capital')).toBe('Columbus');
    expect(fact(byId.get('place:california')!, 'U.S. senators')).toMatch(/Alex Padilla \(D\)/);
    // 435 seats; a vacancy on the snapshot's date is one fewer.
    const seats = states.reduce((n, e) => n + Number(fact(e, 'U.S. House members')), 0);
    expect(seats).toBeGreaterThan(425);
    expect(seats).toBeLessThanOrEqual(435);
  });

  it('names each state\'s governor after its capital, and the governor has a card that says so', () => {
    for (const e of states) {
      expect(e.facts!.map((f) => f.label).slice(0, 2), e.id).toEqual(['Capital', 'Governor']);
      const row = e.facts![1]!;
      expect(row.value, e.id).toMatch(/^\S.* \([RD]\)$/);
      const name = row.value.replace(/ \([RD]\)$/, '');
      const governor = entities.filter((p) => p.type === 'person' && p.name === name);
      expect(governor, e.id).toHaveLength(1);
      expect(governor[0]!.status, name).toBe('current');
      expect(governor[0]!.description, name).toMatch(/^(Republican|Democratic) governor of /);
      expect(governor[0]!.description, name).toContain(e.name.replace(/ \((U\.S\. )?state\)$/, ''));
    }
    expect(fact(byId.get('place:ohio')!, 'Governor')).toBe('Mike DeWine (R)');
    expect(fact(byId.get('place:minnesota')!, 'Governor')).toBe('Tim Walz (D)');
    // New Jersey's and Virginia's as of their inaugurations in January 2026; their predecessors' cards say they were.
    expect(fact(byId.get('place:virginia')!, 'Governor')).toBe('Abigail Spanberger (D)');
    expect(byId.get('person:glenn-youngkin')!.description).toMatch(/^Republican governor of Virginia \(2022–2026\)/);
  });

  it('links governors by their names, a former member of Congress by the name news writes, not the Congress record\'s', () => {
    expect(linkBundled('Minnesota Gov. Tim Walz and Pennsylvania Gov. Josh Shapiro met Gov. JB Pritzker. Walz said the talks went well.')).toEqual([
      'Minnesota→place:minnesota', 'Tim Walz→person:tim-walz', 'Pennsylvania→place:pennsylvania', 'Josh Shapiro→person:josh-shapiro',
      'JB Pritzker→person:jb-pritzker', 'Walz→person:tim-walz',
    ]);
    // One card each: the Congress record of a governor who served there is folded into the governor's.
    for (const name of ['Timothy J. Walz', 'Mike Braun', 'Kelly Ayotte', 'Abigail Davis Spanberger']) expect(withAlias(name), name).toHaveLength(1);
    expect(withAlias('Mike Braun')[0]!.description).toMatch(/^Republican governor of Indiana since January 2025/);
  });

  it('a governor\'s surname that is an everyday word is the word in the longer names and sentences that use it', () => {
    expect(withAlias('Little').find((e) => e.id === 'person:brad-little')!.aliases.find((a) => a.text === 'Little')).toMatchObject({ kind: 'surname', commonWord: true });
    expect(linkBundled('Idaho Gov. Brad Little flew to Little Rock. Little is known about the trip, but Little said it went well.')).toEqual([
      'Idaho→place:idaho', 'Brad Little→person:brad-little', 'Little Rock→place:little-rock', 'Little→person:brad-little',
    ]);
    // A longer name the knowledge lacks is no more the person's.
    expect(linkBundled('Gov. Brad Little spoke. The Little River Band played.')).toEqual(['Brad Little→person:brad-little']);
  });

  it('links a state by its name, and a name another place shares only where its page says which', () => {
    expect(linkBundled('Floods hit Texas and Oklahoma; West Virginia and Virginia were spared.')).toEqual([
      'Texas→place:texas', 'Oklahoma→place:oklahoma', 'West Virginia→place:west-virginia', 'Virginia→place:virginia',
    ]);
    expect(linkBundled('Georgia voted.')).toEqual([]);
    expect(linkBundled('In Atlanta and Savannah, Georgia voted.')).toEqual(['Atlanta→place:atlanta', 'Savannah→place:savannah', 'Georgia→place:georgia-us-state']);
    expect(linkBundled('Officials in the state of Georgia counted.')).toEqual(['state of Georgia→place:georgia-us-state']);
    expect(linkBundled('In Tbilisi, Georgia’s Georgian leaders met.')).toEqual(['Tbilisi→place:tbilisi', 'Georgia→place:georgia']);
    // The AP's abbreviations in datelines and after a member's party; not those that are words too.
    expect(linkBundled('SOUTH BEND, Ind. — A mayor in Cupertino, Calif., and Rep. Ilhan Omar, D-Minn., met in N.Y.C. and Buffalo, N.Y.')).toEqual([
      'Cupertino→place:cupertino', 'Calif.→place:california', 'Ilhan Omar→person:ilhan-omar', 'Minn.→place:minnesota', 'N.Y.C.→place:new-york-city',
      'Buffalo→place:buffalo', 'N.Y.→place:new-york-state',
    ]);
    expect(linkBundled('He felt ill. She went to Mass. Then Pa. drove.')).toEqual([]);
    expect(linkBundled('New Mexico and New Hampshire voted; so did New York state.')).toEqual([
      'New Mexico→place:new-mexico', 'New Hampshire→place:new-hampshire', 'New York state→place:new-york-state',
    ]);
  });
});
