/**
 * Decides which entity each matched name means, with the whole page in view, or leaves it
 * unlinked. The rules, in order (a card that names the wrong person is worse than no card):
 *  1. the reader's own correction for this name on this page;
 *  2. specific names ("Christopher Krebs", "CISA", "the Pentagon") link on their own when only
 *     one entity owns them, but not a place inside a longer name the knowledge lacks ("New Mexico",
 *     "Mexico City"); people so named are "introduced" on the page;
 *  3. a bare surname links to the one person introduced with it anywhere on the page ("Krebs"
 *     after "Christopher Krebs"); two introduced with one surname leave it unlinked; a surname
 *     that is part of an unknown full name ("Tom Ford") is never linked, nor are its repeats, and
 *     a family name written first and followed by another given name ("Li Keqiang") is not linked,
 *     nor is a person's where the page names someone else by it in full ("Michael Jordan", whose
 *     card has no bare "Jordan", beside Rep. Jim Jordan);
 *  4. a name in a list with a place the page links is a place ("Egypt, Qatar and Turkey"), the
 *     neighbour's kind where it is two ("Georgia and Alabama": the state); else a title just before
 *     the name narrows the candidates ("Defense Secretary Esper", "Sen. Scott");
 *  5. a curated famous surname links alone ("Trump", "Putin");
 *  6. context: candidates score by their hint words and related entities found on the page (and an
 *     acronym by its own entity, named in full elsewhere on the page), and link only above a
 *     threshold and clear of the runner-up (never a bare surname on context alone). People's full
 *     names that need context ("David Price", a common name) are decided first, and introduce them.
 * A name every country gives its own institution ("Supreme Court", "Democratic Party": `domestic`)
 * means the American one only where the page is not mostly about another country.
 * Tickers and common-word aliases never link on their own.
 */
import { AliasFlag, aliasKindOf, firstNamesOf, rowsOf, type CompiledIndex } from '../knowledge/compile-index';
import { CATEGORIES, expandContext } from '../knowledge/schema';
import { lowerBound } from '../lower-bound';
import { contextClues } from './context-clues';
import { collectWordHashes, type BlockMatches, type Candidate } from './find-candidates';
import { IntSet } from './int-set';
import { isInClubOrEventName, isPlaceOrBareSurname, isSportsPage, isStateOrCityName, isTeam, isTeamByItsPlace, namesThePlace, teamNamesOnPage } from './teams-by-place';
import { scanTokens, TokenBuffer, TokenFlag, visibleSurface } from './tokenize';

export type LinkReason =
  | { kind: 'name'; alias: string }
  /** `later`: the name that introduced the person comes after this one (a headline's "Trump" before the story's "Donald Trump"). */
  | { kind: 'coreference'; alias: string; via: string; later?: true }
  | { kind: 'title'; alias: string; title: string }
  | { kind: 'standalone'; alias: string }
  /** `act`: what the page says the name did, which only a company does ("Apple said", "Meta's chief executive"). */
  | { kind: 'company-act'; alias: string; act: string }
  | { kind: 'context'; alias: string; words: string[] }
  | { kind: 'correction'; alias: string };

export interface Mention {
  block: number;
  start: number;
  end: number;
  entity: number;
  /** Normalised surface ("krebs"), the key corrections are stored under. */
  key: string;
  reason: LinkReason;
  /** Other entities this name could have meant, for "Not this one?". */
  alternatives: number[];
}

export interface LinkBlock {
  text: string;
  matches: BlockMatches;
}

/**
 * A `LinkBlock` as the worker makes one for each block of every request. A class, not an object
 * literal, as are the spans and mentions below and the candidates (`find-candidates.ts`): V8 watches
 * each literal's objects, and once many of them outlive a young-generation collection (as a large
 * page's do, alive until the page is linked) it allocates that literal's objects in the old
 * generation from then on, where the objects of every later, smaller page die and cost a full
 * collection each. Objects made by `new` are not moved so. Requests for the bench's 289 pages in a
 * fresh process, each once a round, with the worker's match cache: 16.5–21.6 → 27.0–30.1 MB/s
 * (three runs each, alternated); with V8's `--no-allocation-site-pretenuring` the literals read 35.
 */
export class PageBlock implements LinkBlock {
  constructor(
    readonly text: string,
    readonly matches: BlockMatches,
  ) {}
}

export interface LinkOptions {
  /** Reader's corrections for this page: surface key → entity id, or null for "link nothing". */
  corrections?: ReadonlyMap<string, string | null>;
  /**
   * The key hashes of every word on the page (`collectWordHashes`), asked for only if some name needs
   * context: the matcher's own scan can collect them. Without it, the blocks are scanned again.
   */
  pageWords?: () => IntSet;
}

/** Context scoring constants: Spotlight-like threshold and runner-up margin, on hint-word counts. */
const CONTEXT_MIN_SCORE = 2;
/** A title already narrowed the candidates to a few: one clear hint picks among them. */
const CONTEXT_MIN_SCORE_TITLED = 1;
const CONTEXT_MARGIN = 1;
/**
 * An acronym another entity has as its own ("HP") goes to the one that has it only in context when
 * more than its country speaks for it ("HP laptops sold well in India" is still the company), and
 * clearly more than speaks for the acronym's own.
 */
const CONTESTED_MIN_SCORE = 3;
const CONTESTED_MARGIN = 2;

/** Capitalised words that start sentences or precede names without being part of them. */
const NOT_A_FIRST_NAME = new Set(
  ('the a an and or but if when while as for of to by from with after before then so yet in on at ' +
    'mr mrs ms dr sir dame lord lady st rev gen col sgt lt capt adm sen rep gov pres prof ' +
    'president senator representative congressman congresswoman governor secretary minister ' +
    'chancellor director justice judge chief speaker leader mayor general chairman chairwoman chair ' +
    'ceo founder king queen prince princess pope former acting deputy vice said says told asked ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'ambassador envoy official officials officer spokesman spokeswoman spokesperson aide adviser advisor attorney lawyer ' +
    'commissioner administrator chancellor premier lawmaker lawmakers candidate nominee host anchor reporter correspondent ' +
    'lt col maj cpl pvt sgt adm gen capt cmdr det insp supt atty amb msgr fr ' +
    'republican republicans democrat democrats democratic gop conservative liberal progressive independent ' +
    'american americans british russian ukrainian chinese israeli iranian german french indian mexican canadian european ' +
    'federal state senate house white pentagon congress court supreme national international united new north south east west ' +
    'dear hi hello thanks thank according also even only just like about over under against between during since until ' +
    'this that these those his her their our its my your we they he she it i you who what why how where there here ' +
    'yes no not all any some many more most other such each every both either neither ' +
    'mrs ms mr dr prof sen rep gov pres sec gen lt ' +
    'january february march april may june july august september october november december').split(' '),
);

/**
 * A regnal or generational number right after a person's name makes it another person's: "Pope Leo
 * XIII" is not Leo XIV, "King Charles I" not Charles III, "Henry Ford II" not Henry Ford. (Not "I",
 * "V" or "X" alone, which a sentence puts after a name as a pronoun or a letter.)
 */
const NUMBER_AFTER = /^[ \u00a0](?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII)(?![\p{L}\p{N}])/u;
/** ", Jr." or " Jr." right after a person's name. */
const JUNIOR_AFTER = /^,?[ \u00a0]Jr(?:\.|(?![\p{L}\p{N}]))/u;
/** …and "I" after a monarch's or a pope's name: "Queen Elizabeth I", "King Charles I". */
const FIRST_AFTER = /^[ \u00a0]I(?![\p{L}\p{N}'\u2019])/u;
const REGNAL_TITLE = /^(?:King|Queen|Pope|Emperor|Empress|Tsar|Czar)[ \u00a0]/;

/**
 * Words that, right after a person's name, make it part of an institution's or a place's name
 * ("Reagan National Airport", "Kennedy International Airport").
 */
const INSTITUTION_AFTER =
  /^[\s\u00a0]+(?:(?:National|International|Regional|Municipal)[\s\u00a0]+(?=Airport|Park|Library|Center|Centre|Memorial|Museum)|Washington[\s\u00a0]+National[\s\u00a0]+(?=Airport))?(?:University|College|School|Institute|Institution|Foundation|Center|Centre|Library|Memorial|Bridge|Airport|Hospital|Medical|Building|Executive|Prize|Award|Park|Street|Avenue|Boulevard|Stadium|Museum|Hall|Tower|High)\b/;

/**
 * One to three capitalised words and a company's legal ending, right after a name: "U.S. Games
 * Systems, Inc.", "Capitol Hill Publishing Corp.", "S&P Dow Jones Indices LLC", "India Post Media Pvt.
 * Ltd." (`isInCompanyName`).
 */
const COMPANY_NAME_AFTER =
  /^(?:[ \u00a0]+(?:\p{Lu}[\p{L}\p{N}&'\u2019.-]*|&)){1,3},?[ \u00a0]+(?:LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|Holdings|Co\.|PLC|plc|GmbH|AG|S\.A\.|N\.V\.|Pvt\.?)(?![\p{L}\p{N}])/u;

/**
 * Words that, right after a company's name that is also a fruit's or a food's, make it the food:
 * "Apple Pie Granola Clusters", "Honey Crisp Apple Cider", "Orange Juice". ("Apple Music", "Apple
 * Watch" and "Apple Pay" stay the company's.)
 */
const FOOD_AFTER =
  /^[ \u00a0]+(?:Pies?|Cider|Juice|Sauce|Butter|Crisps?|Crumble|Cakes?|Tarts?|Turnovers?|Fritters?|Strudel|Vinegar|Orchards?|Trees?|Blossoms?|Pancakes?|Muffins?|Bread|Slices?|Jam|Jelly|Marmalade|Smoothies?)(?![\p{L}\p{N}])/u;

/** A word of the land right after a name, in lower case: "Amazon deforestation", "Amazon basin" (a capitalised one makes a longer name). */
const LAND_AFTER = /^[ \u00a0]+(deforestation|rainforest|jungle|basin|river|delta|wildfires?)(?![\p{L}\p{N}])/u;

/** Words that, right after a company's name, make it a venue's ("Verizon Amphitheatre", "Toyota Music Factory"). */
const VENUE_AFTER =
  /^[\s\u00a0]+(?:Music[\s\u00a0]+)?(?:Stadium|Arena|Center|Centre|Amphitheatre|Amphitheater|Theatre|Theater|Pavilion|Coliseum|Dome|Ballpark|Speedway|Field|Bowl|Factory|Hall)\b/;

/**
 * An agency's name that ends in an institution's noun, followed by "of" and a capitalised name: a
 * longer name, another body's ("Washington State Department of Health", "Supreme Court of Canada",
 * "Secret Service of Ukraine"). "of the …" is left alone ("Supreme Court of the United States"), and
 * so are the people who sit on a board ("the Federal Reserve Board of Governors").
 */
const AGENCY_NOUN_END = /(?:Department|Ministry|Office|Bureau|Agency|Service|Commission|Administration|Authority|Council|Committee|Board|Court|Institute)$/i;
const OF_A_NAME_AFTER = /^[ \u00a0]of[ \u00a0](?!(?:the|The|THE)[ \u00a0]|(?:Governors|Directors|Trustees|Regents|Commissioners|Supervisors)\b)\p{Lu}/u;

/** "Department of State" inside a state's own department's name ("Texas Department of State Health Services"). */
const STATE_OWN_BODY_AFTER = /^[ \u00a0](?:Health|Hospitals|Police|Parks|Lands|Revenue|Services|Highways|Insurance|Treasury|Library|Archives|Elections?)\b/;

interface Span {
  block: number;
  candidate: Candidate;
  key: string;
  entities: Map<number, number[]>; // entity → alias rows matched here
  /** Its place among the page's spans (page order), for its neighbours. */
  at: number;
  /** What it links to, once decided. */
  mention?: Mention;
}

/** Made with `new`, not as a literal: see `PageBlock`. */
class MentionOf implements Mention {
  constructor(
    readonly block: number,
    readonly start: number,
    readonly end: number,
    readonly entity: number,
    readonly key: string,
    readonly reason: LinkReason,
    readonly alternatives: number[],
  ) {}
}

/** Made with `new`, not as a literal: see `PageBlock`. */
class SpanOf implements Span {
  mention?: Mention = undefined;
  constructor(
    readonly block: number,
    readonly candidate: Candidate,
    readonly key: string,
    readonly entities: Map<number, number[]>,
    readonly at: number,
  ) {}
}

/** Links a page's matches, with the whole page in view (the worker runs it for each tab's pass). */
export function linkMentions(blocks: readonly LinkBlock[], index: CompiledIndex, options: LinkOptions = {}): Mention[] {
  // The page's text as one string, made when first asked: a search of it is one native call, where one
  // per block (a page has hundreds of 55-character blocks) cost the linker a tenth of its time.
  let pageText: PageText | undefined;
  const text = () => (pageText ??= new PageText(blocks));
  const asked = new Map<string, boolean>();
  pageWritesLower = (word) => {
    let found = asked.get(word);
    if (found === undefined) asked.set(word, (found = writesLower(text().joined, word)));
    return found;
  };
  const spelled = new Map<string, string>();
  const spell = (hint: string): string => {
    let found = spelled.get(hint);
    if (found === undefined) spelled.set(hint, (found = pageSpelling(text(), hint)));
    return found;
  };
  // A name's repeats mostly have the same clues, chosen once ("Apple", five times): the page's hint words
  // are the same for all, and the related entities it links only grow as it is linked.
  const clues = new Map<string, string[]>();
  const cluesFor = (best: { e: number; names: string[]; hints: string[] }, alias: string): string[] => {
    const key = `${best.e} ${best.names.length} ${alias}`;
    let found = clues.get(key);
    if (!found) clues.set(key, (found = contextClues({ names: best.names, hints: best.hints, own: hintsOf(index).ownNames(best.e), matched: alias, spell })));
    return found;
  };
  const spans: Span[] = [];
  // The page's words (as key hashes), for context scoring: collected only if some name needs context.
  let words: IntSet | undefined;
  function collectWords(): IntSet {
    if (options.pageWords) return options.pageWords();
    const set = new IntSet(4096);
    collectWordHashes(blocks.map((b) => b.text), set);
    return set;
  }
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (const candidate of block.matches.candidates) {
      const entities = new Map<number, number[]>();
      for (const a of candidate.aliases) {
        const e = index.aliasEntity[a]!;
        const rows = entities.get(e);
        if (rows) rows.push(a);
        else entities.set(e, [a]);
      }
      let key = visibleSurface(block.text, candidate.start, candidate.end).toLowerCase();
      if (NEEDS_NORMALISING.test(key)) key = key.replace(/\s+/g, ' ').replace(/[\u2019\u2018]/g, "'");
      spans.push(new SpanOf(b, candidate, key, entities, spans.length));
    }
  }

  // On a page mostly about another country, generic institution names are that country's, not these.
  if (isAboutAnotherCountry(spans, index)) dropDomestic(spans, index);
  // Acronyms the page spells out as something else ("hypersensitivity pneumonitis, or HP") mean that
  // everywhere on it.
  const spelledOut = acronymsSpelledOutAsOthers(blocks, spans, index);

  const introduced = new Map<number, { via: string; span: Span }>(); // person entity → the name that introduced it, and where
  const unknownNames = new Set<string>(); // surname keys taken by people we don't know
  const onPage = new Set<number>();
  const link = (span: Span, entity: number, reason: LinkReason) => {
    span.mention = new MentionOf(span.block, span.candidate.start, span.candidate.end, entity, span.key, reason, otherEntities(span, entity));
    onPage.add(entity);
  };
  const surface = (span: Span) => blocks[span.block]!.text.slice(span.candidate.start, span.candidate.end);
  /** Links the span by its own name; a person's full name introduces them for their surname's repeats. */
  const linkByName = (span: Span, e: number) => {
    const alias = surface(span);
    link(span, e, { kind: 'name', alias });
    if (index.cats[e] === 0 && !introduced.has(e)) introduced.set(e, { via: alias, span });
  };

  /**
   * "George Washington University", "Eisenhower Executive Office Building": a person's name inside a
   * place's or institution's; "Pope Leo XIII": another person's (`NUMBER_AFTER`). "Verizon
   * Amphitheatre", "FirstEnergy Stadium", "306 HP": a company's name in a venue's, or a unit after a
   * number. "Washington State Department of Health": an agency's name inside another body's
   * (`AGENCY_NOUN_END`).
   */
  const namesAnInstitution = (span: Span) => {
    let cat = -1;
    for (const e of span.entities.keys()) {
      if (cat >= 0 && index.cats[e] !== cat) return false;
      cat = index.cats[e]!;
    }
    if (cat !== 0 && cat !== COMPANY && cat !== AGENCY) return false;
    const after = blocks[span.block]!.text.slice(span.candidate.end, span.candidate.end + 40);
    if (cat === AGENCY) return (OF_A_NAME_AFTER.test(after) && AGENCY_NOUN_END.test(surface(span))) || (/ of State$/.test(surface(span)) && STATE_OWN_BODY_AFTER.test(after));
    if (cat === 0) {
      return INSTITUTION_AFTER.test(after) || NUMBER_AFTER.test(after) || (FIRST_AFTER.test(after) && REGNAL_TITLE.test(surface(span))) || isAnotherJunior(span, after);
    }
    return VENUE_AFTER.test(after) || FOOD_AFTER.test(after) || isUnitAfterNumber(blocks[span.block]!, span);
  };

  /** "Donald Trump Jr." where the knowledge has no junior of that name: the son, not the father. */
  const isAnotherJunior = (span: Span, after: string): boolean => {
    if (!JUNIOR_AFTER.test(after)) return false;
    for (const e of span.entities.keys()) if (/\bJr\b/.test(index.names.at(e) ?? '')) return false;
    return true;
  };

  /**
   * A state's or a city's name that the page shows elsewhere to be a team's ("Houston (9-3)"), or any
   * on a sports page, is the team's wherever nothing says it is the place ("in Buffalo", "Buffalo,
   * N.Y.", "a Buffalo native"): `teams-by-place.ts`.
   */
  let teamNames: Set<string> | undefined;
  let sportsPage: boolean | undefined;
  const onSportsPage = () => (sportsPage ??= isSportsPage((words ??= collectWords())));
  const isTeamOnThisPage = (span: Span): boolean => {
    if (!isStateOrCityName(span, index)) return false;
    teamNames ??= teamNamesOnPage(spans, (b) => blocks[b]!.text, index);
    if (!teamNames.has(span.key) && !onSportsPage()) return false;
    const block = blocks[span.block]!;
    return !namesThePlace(block.text, span, index) && !isTownOfRegion(block, span, index);
  };

  /** Place names that are teams' here ("Minnesota held on"): linked last, to the team of that place the page names, if one. */
  const teamPlaces: Span[] = [];

  // Pass 1: corrections and self-sufficient names, which introduce people for pass 2.
  const deferred: Span[] = [];
  // A name that is also a person's surname ("Rollins", the company, and Brooke Rollins): decided once
  // the page's people are known, for the person the page introduced, else for the name.
  const nameOrSurname: { span: Span; e: number }[] = [];
  // An acronym one entity has as its own and another as theirs only in context ("HP": HP Inc., and
  // Himachal Pradesh on a page about India): decided once pass 1 has linked the page's other names.
  const contested: { span: Span; e: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const correction = options.corrections?.get(span.key);
    if (correction !== undefined) {
      const e = correction === null ? -1 : (hintsOf(index).ids.get(correction) ?? -1);
      if (e >= 0) link(span, e, { kind: 'correction', alias: surface(span) });
      continue;
    }
    // A place, agency, person or market index named inside a company's legal name is not meant there;
    // the company's own name, or its arm's, still is ("Cisco Systems Inc.", "CBS Interactive Inc.").
    if (isInCompanyName(blocks[span.block]!, span)) {
      for (const e of [...span.entities.keys()]) if (!isFirm(index, e)) span.entities.delete(e);
      if (span.entities.size === 0) continue;
    }
    if (namesAnInstitution(span) || isInHandle(blocks[span.block]!, span) || spelledOut?.has(span.key) || isAnotherCountrys(blocks[span.block]!, span, index) || isInClubOrEventName(blocks[span.block]!.text, span, index) || isAfterInitialOrPeerage(blocks[span.block]!, span, index) || isAcronymInCompound(blocks[span.block]!, span, index)) continue;
    if (isTeamByItsPlace(blocks[span.block]!.text, span, index) || isTeamOnThisPage(span)) {
      teamPlaces.push(span);
      continue;
    }
    const e = theOnlySpecific(span, index);
    if (e >= 0) {
      if (index.cats[e] === PLACE && isInsideLongerPlaceName(blocks[span.block]!, span, span.entities.get(e)!, index)) continue;
      if (index.cats[e] !== 0 && isSomeonesSurname(span, index)) {
        nameOrSurname.push({ span, e });
        continue;
      }
      if (hasContextBoundAcronym(span, e, index)) {
        contested.push({ span, e });
        continue;
      }
      linkByName(span, e);
      continue;
    }
    if (isPartOfUnknownName(blocks[span.block]!, span, index)) {
      // Its repeats are that unknown person too, unless the surname is one of the very few that mean one
      // person on any page (a salience of 0.9 or more: "Melania Trump" leaves "Trump" alone); "Frank Gore",
      // the running back, takes a page's "Gore" from Al Gore.
      if (!isStandaloneFamous(span, index)) unknownNames.add(span.key);
      continue;
    }
    // Its repeats still follow whoever the page introduced: a family name that comes first ("Kim",
    // "Lee", "Li") is shared by many of the people a Korean or Chinese story names, and a surname that
    // is also a given name ("Scott") is only that here.
    if (hasGivenNameAfter(blocks[span.block]!, span, index)) continue;
    if (isAdjectiveOpeningSentence(blocks[span.block]!, span) || isWordSurnameInLongerName(blocks[span.block]!, span, index)) continue;
    deferred.push(span);
  }
  // The acronym's own entity, unless the page's words and names speak for the other clearly: "J&K,
  // Punjab, HP officials" on an Indian page, not "HP shares fell" (which only the company's own
  // hints, or none, support). Scored as pass 2 scores context.
  for (const { span, e } of contested) {
    // "306 HP": horsepower, as pass 1 reads it when the company is the name's only meaning.
    if (index.cats[e] === COMPANY && isUnitAfterNumber(blocks[span.block]!, span)) continue;
    words ??= collectWords();
    const pageWords = words;
    const scoreOf = (c: number) => contextScore(index, c, pageWords, onPage, namedElsewhereCounts(span, c, index) ? onPage : undefined);
    const own = scoreOf(e).score;
    let rival: { e: number; score: number; names: string[]; hints: string[] } | undefined;
    for (const c of span.entities.keys()) {
      if (c === e || !isContextBoundAcronym(span.entities.get(c)!, index)) continue;
      const scored = scoreOf(c);
      if (scored.score > (rival?.score ?? -1)) rival = { e: c, ...scored };
    }
    const alias = surface(span);
    if (rival && rival.score >= CONTESTED_MIN_SCORE && rival.score - own >= CONTESTED_MARGIN) link(span, rival.e, { kind: 'context', alias, words: cluesFor(rival, alias) });
    else linkByName(span, e);
  }

  /**
   * "the Times" on a page that names the Los Angeles Times is that paper, not the New York Times: an
   * organisation's informal "the …" is the end of the name of another organisation the page names.
   * (Not agencies': "the Fed" is the Federal Reserve beside the New York Fed.)
   */
  const namesAnotherPaper = (span: Span): boolean => {
    if (!span.key.startsWith('the ')) return false;
    for (const [e, rows] of span.entities) if (index.cats[e] !== ORGANIZATION || !rows.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'informal')) return false;
    const tail = span.key.slice(3);
    for (const e of onPage) if (!span.entities.has(e) && index.cats[e] === ORGANIZATION && index.names.at(e)!.toLowerCase().endsWith(tail)) return true;
    return false;
  };

  /**
   * Surname keys of the full names the page gives people the knowledge has, with whom each links to
   * (-1: unlinked), filled once the full names are decided: a bare "Jordan" on a page that also names
   * "Michael Jordan", unlinked for want of a word of basketball or linked to a card that has no
   * surname alias, is not Rep. Jim Jordan, whom the page introduces too.
   */
  const fullNameSurnames = new Map<string, Set<number>>();
  const isClaimedByAnother = (span: Span): boolean => {
    const claims = fullNameSurnames.get(span.key);
    if (!claims) return false;
    for (const e of claims) if (!span.entities.has(e)) return !isStandaloneFamous(span, index);
    return false;
  };

  /** The span linked to the one person the page introduced among its candidates; false when not exactly one. */
  const linkIntroduced = (span: Span, intro: readonly number[]): boolean => {
    // An unknown person introduced with the same surname ("Tom Ford") makes the bare name ambiguous too.
    if (intro.length !== 1 || unknownNames.has(span.key) || isClaimedByAnother(span)) return false;
    const { via, span: by } = introduced.get(intro[0]!)!;
    const later = by.block > span.block || (by.block === span.block && by.candidate.start > span.candidate.start);
    link(span, intro[0]!, later ? { kind: 'coreference', alias: surface(span), via, later } : { kind: 'coreference', alias: surface(span), via });
    return true;
  };

  /**
   * "Egypt, Qatar and Turkey", "Israel and Jordan", "Apple and Google": a name one of whose meanings is
   * a place (or a company, an agency, an organisation), in a list with one the page linked, is that one.
   * Where it is two places ("Georgia"), the one of the neighbour's kind: a state beside a state, a
   * country beside a country. Not people: a list of surnames says nothing of which namesake each is.
   */
  const listedWith = (span: Span, candidates: readonly number[]): { e: number; by: string } | undefined => {
    const at = span.at;
    const text = blocks[span.block]!.text;
    for (const other of [spans[at - 1], spans[at + 1]]) {
      const e = other?.mention?.entity;
      if (other === undefined || e === undefined || other.block !== span.block || index.cats[e] === 0) continue;
      const alike = candidates.filter((c) => index.cats[c] === index.cats[e] && span.entities.get(c)!.some((a) => aliasKindOf(index.aliasFlags[a]!) !== 'ticker'));
      if (alike.length === 0) continue;
      const before = other.candidate.end <= span.candidate.start;
      const between = before ? text.slice(other.candidate.end, span.candidate.start) : text.slice(span.candidate.end, other.candidate.start);
      if (!LIST_SEPARATOR.test(between)) continue;
      // "Atlanta, Georgia", "Tbilisi, Georgia": a city, a comma and the place it is in (the town rule's).
      if (before && between === ', ' && other.entities.get(e)!.some((a) => index.aliasFlags[a]! & AliasFlag.City)) continue;
      const region = (p: number, s: Span) => s.entities.get(p)!.some((a) => index.aliasFlags[a]! & AliasFlag.Region);
      const kind = alike.length === 1 ? alike : alike.filter((p) => region(p, span) === region(e, other));
      if (kind.length === 1) return { e: kind[0]!, by: index.names.at(e)! };
      // "ESPN and ABC": of two namesakes alike, the home one (`domestic`: a page about another country
      // has had those rows taken out already).
      const home = kind.filter((p) => span.entities.get(p)!.some((a) => index.aliasFlags[a]! & AliasFlag.Domestic));
      if (home.length === 1) return { e: home[0]!, by: index.names.at(e)! };
    }
    return undefined;
  };

  /**
   * "Greene, of Georgia", "Sen. Jon Ossoff, a Democrat from Georgia": a state's name (one it shares with
   * another place) right after a person the page linked, whose own hints name that state, is the state.
   */
  const stateOfPerson = (span: Span, candidates: readonly number[]): { e: number; by: string } | undefined => {
    const regions = candidates.filter((c) => index.cats[c] === PLACE && span.entities.get(c)!.some((a) => index.aliasFlags[a]! & AliasFlag.Region));
    if (regions.length !== 1) return undefined;
    const before = spans[span.at - 1];
    const person = before?.mention?.entity;
    if (before === undefined || person === undefined || before.block !== span.block || index.cats[person] !== 0) return undefined;
    if (!PERSON_OF_PLACE.test(blocks[span.block]!.text.slice(before.candidate.end, span.candidate.start))) return undefined;
    return hintsOf(index).context(person).includes(span.key) ? { e: regions[0]!, by: index.names.at(person)! } : undefined;
  };

  /** The names on the page that only a company bears, each with what it did right after one of them. */
  let companyActs: Map<string, { e: number; by: string }> | undefined;
  const companyActsOf = () => {
    if (companyActs) return companyActs;
    companyActs = new Map();
    const companies: { span: Span; e: number }[] = [];
    for (const span of spans) {
      if (span.entities.size !== 1) continue;
      const [e, rows] = span.entities.entries().next().value!;
      if (index.cats[e] === COMPANY && !rows.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'ticker')) companies.push({ span, e });
    }
    if (companies.length === 0) return companyActs;
    // "Dr. Eaton said": a name the page gives a person by an honorific is a person's on this page.
    // Looked for before those names only: the test, run before every name, was a twentieth of the
    // linker's time in a just-started worker.
    const keys = new Set(companies.map(({ span }) => span.key));
    const honoured = new Set<string>();
    for (const span of spans) {
      if (!keys.has(span.key) || honoured.has(span.key)) continue;
      if (HONORIFIC_BEFORE.test(blocks[span.block]!.text.slice(Math.max(0, span.candidate.start - 12), span.candidate.start))) honoured.add(span.key);
    }
    for (const { span, e } of companies) {
      if (companyActs.has(span.key) || honoured.has(span.key)) continue;
      const by = companyAct(blocks[span.block]!, span);
      if (by !== undefined) companyActs.set(span.key, { e, by });
    }
    return companyActs;
  };

  /**
   * A team's nickname ("Bills", "Angels", "Pirates") is the team's only on a sports page, one that
   * names its league ("If Astros are guilty, MLB must…") or one that names the team in full ("the
   * Buffalo Bills … the Bills"), and not after a capitalised word of another name ("Nittany Lions",
   * "New York Red Bulls", "Space Pirates").
   */
  const isNotATeamHere = (span: Span, e: number): boolean => {
    if (!isTeam(index, e)) return false;
    if (hasNameWordBefore(blocks[span.block]!, span)) return true;
    if (onPage.has(e)) return false;
    return !onSportsPage() && !hintsOf(index).related(e).some((r) => index.cats[r] === ORGANIZATION && onPage.has(r));
  };

  // Pass 2: everything that needs the page's evidence.
  const decide = (span: Span): void => {
    const candidates = [...span.entities.keys()];
    const alias = surface(span);

    // An unknown person named in full ("Tom Ford") takes the name's repeats, whatever else the page says.
    if (unknownNames.has(span.key)) return;
    // A list of places says more than a namesake the page introduced: "Egypt and Jordan" beside Rep. Jim Jordan.
    const listed = listedWith(span, candidates) ?? stateOfPerson(span, candidates) ?? placeAfterPreposition(blocks[span.block]!, span, candidates, index);
    // Still not a place inside a longer name, nor a town of another state ("living in Columbus, Indiana").
    if (listed && index.cats[listed.e] === PLACE && isInsideLongerPlaceName(blocks[span.block]!, span, span.entities.get(listed.e)!, index)) return;
    if (listed) {
      link(span, listed.e, { kind: 'context', alias, words: [listed.by] });
      return;
    }
    const intro = candidates.filter((e) => introduced.has(e));
    if (linkIntroduced(span, intro) || intro.length > 1) return;

    if (namesAnotherPaper(span)) return;
    // Someone else's surname here is no one's the page links to; the name's other meanings still may be.
    const claimed = isClaimedByAnother(span);
    const usable = candidates.filter((e) => !(claimed && index.cats[e] === 0) && span.entities.get(e)!.some((a) => aliasKindOf(index.aliasFlags[a]!) !== 'ticker') && !isNotATeamHere(span, e));
    if (usable.length === 0) return;

    // The text before the name is only read when a candidate has titles to look for.
    const hasTitles = usable.some((e) => hintsOf(index).titles(e).length > 0);
    const before = hasTitles ? precedingText(blocks[span.block]!.text, span.candidate.start) : '';
    const titled = hasTitles ? usable.filter((e) => titleOf(index, e, before) !== undefined) : [];
    if (titled.length === 1) {
      const e = titled[0]!;
      const title = writtenTitle(blocks[span.block]!.text, span.candidate.start, titleOf(index, e, before)!);
      link(span, e, { kind: 'title', alias, title });
      if (index.cats[e] === 0 && !introduced.has(e)) introduced.set(e, { via: `${title} ${alias}`, span });
      return;
    }
    const pool = titled.length > 1 ? titled : usable;

    const region = soleRegion(span, pool, index);
    const said = region === undefined ? undefined : (townBefore(blocks[span.block]!, span, region, pool, index) ?? stateBodyAfter(blocks[span.block]!, span));
    if (region !== undefined && said !== undefined) {
      link(span, region, { kind: 'context', alias, words: [said] });
      return;
    }

    // "Amazon deforestation", "Amazon basin": a word of the land right after the name says its meaning
    // is the place (when one of its meanings is), whatever the rest of the page is about (a page of
    // tech headlines).
    const land = pool.length > 1 ? LAND_AFTER.exec(blocks[span.block]!.text.slice(span.candidate.end, span.candidate.end + 16))?.[1] : undefined;
    const places = land === undefined ? [] : pool.filter((e) => index.cats[e] === PLACE);
    if (places.length === 1) {
      link(span, places[0]!, { kind: 'context', alias, words: [land!] });
      return;
    }

    const standalone = pool.filter((e) => span.entities.get(e)!.some((a) => index.aliasFlags[a]! & AliasFlag.Standalone));
    if (standalone.length === 1) {
      link(span, standalone[0]!, { kind: 'standalone', alias });
      return;
    }

    // "Apple said it would appeal", "Target's chief executive": only a company does what follows, and
    // the page's other "Apple"s are that company too.
    const acted = pool.length === 1 && index.cats[pool[0]!] === COMPANY ? companyActsOf().get(span.key) : undefined;
    if (acted !== undefined && acted.e === pool[0]) {
      link(span, acted.e, { kind: 'company-act', alias, act: acted.by });
      return;
    }

    words ??= collectWords();
    const pageWords = words;
    const scored = pool
      .map((e) => ({ e, ...contextScore(index, e, pageWords, onPage, namedElsewhereCounts(span, e, index) ? onPage : undefined) }))
      .sort((x, y) => y.score - x.score);
    const best = scored[0]!;
    const runnerUp = scored[1]?.score ?? 0;
    // A bare surname never links on context alone ("Kim" on a page about South Korea is as likely a
    // reporter as the prime minister); with a title that already narrowed it, one clear hint will do.
    const isSurname = span.entities.get(best.e)!.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'surname');
    if (isSurname && titled.length < 2) return;
    const min = titled.length > 1 ? CONTEXT_MIN_SCORE_TITLED : CONTEXT_MIN_SCORE;
    if (best.score >= min && best.score - runnerUp >= CONTEXT_MARGIN) {
      if (index.cats[best.e] === PLACE && (isInsideLongerName(blocks[span.block]!, span) || isInsideLongerPlaceName(blocks[span.block]!, span, span.entities.get(best.e)!, index))) return;
      if (span.entities.get(best.e)!.some((a) => index.aliasFlags[a]! & AliasFlag.LocalPlace) && isInsideLongerLocalName(blocks[span.block]!, span, index)) return;
      link(span, best.e, { kind: 'context', alias, words: cluesFor(best, alias) });
      // A person's full name linked by its page's support introduces them, as one linked alone does.
      if (index.cats[best.e] === 0 && !isSurname && !introduced.has(best.e)) introduced.set(best.e, { via: alias, span });
    }
  };
  // People's full names first ("David Price", which links only with a title or its page's support):
  // one linked introduces its surname to the rest. One still unlinked is tried again once the others
  // are decided: "Rep. David McKinley" further down the page tells who the byline's "David McKinley" is.
  const people = deferred.filter((span) => isPersonFullName(span, index));
  for (const span of people) decide(span);
  for (const span of people) if (!span.mention) decide(span);
  // Not the names read as something else ("George Washington University", a handle) in pass 1.
  const peopleDeferred = new Set(people);
  for (const span of spans) {
    if (span.candidate.tokenCount < 2 || !(span.mention || peopleDeferred.has(span)) || !isPersonFullName(span, index)) continue;
    const surname = surnameKeyOf(span.key);
    let claims = fullNameSurnames.get(surname);
    if (!claims) fullNameSurnames.set(surname, (claims = new Set()));
    claims.add(span.mention?.entity ?? -1);
  }
  for (const { span, e } of nameOrSurname) {
    if (!linkIntroduced(span, [...span.entities.keys()].filter((p) => introduced.has(p)))) link(span, e, { kind: 'name', alias: surface(span) });
  }
  for (const span of deferred) if (!isPersonFullName(span, index)) decide(span);

  // "Minnesota held on" on a page that names the Minnesota Wild (by name, or "the Wild" with its
  // sport's words): that team. With none named, or two ("New York" beside the Rangers and the Knicks), none.
  for (const span of teamPlaces) {
    // "the Pittsburgh Post-Gazette", "CF Montreal", "Columbus Crew": another name's, no team's.
    if (isInsideLongerName(blocks[span.block]!, span) || isInsideLongerLocalName(blocks[span.block]!, span, index)) continue;
    const teams = new Set<number>();
    for (const p of span.entities.keys()) {
      if (index.cats[p] !== PLACE) continue;
      for (const t of hintsOf(index).relatedBy(p)) if (onPage.has(t) && isTeam(index, t)) teams.add(t);
    }
    if (teams.size === 1) {
      const [team] = teams;
      // The team's own name explains nothing on its card: that the page names it elsewhere does.
      link(span, team!, { kind: 'context', alias: surface(span), words: [] });
    }
  }

  // Spans are in page order (blocks in order, each block's candidates in order): so are the mentions.
  const mentions: Mention[] = [];
  for (const span of spans) if (span.mention) mentions.push(span.mention);
  pageWritesLower = undefined;
  return mentions;
}

/**
 * Whether the page being linked writes a word (of three or more lower-case letters) in lower case
 * somewhere, as a word of its own: set for the duration of `linkMentions` (synchronous), for the
 * checks deep in its rules; each word is looked for once per page.
 */
let pageWritesLower: ((word: string) => boolean) | undefined;

const LOWER_WORD = /^\p{Ll}{3,}$/u;
const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/**
 * `word` in the page's text with no letter or digit either side. A search for the one word, not a set of
 * the page's lower-case words: a Unicode-class RegExp over the whole page was a tenth of the worker's
 * linking time (`npm run bench`), for the few words a page's headlines ask about.
 */
function writesLower(text: string, word: string): boolean {
  if (!LOWER_WORD.test(word)) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    // Two characters each side: a letter outside the BMP is a surrogate pair.
    if (!LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, at - 2), at)) && !LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2))) return true;
  }
  return false;
}

/** A page's blocks joined by line breaks (no word runs across two), and its lower case where that keeps every offset. */
class PageText {
  readonly joined: string;
  #lower: string | null | undefined;
  constructor(readonly blocks: readonly LinkBlock[]) {
    this.joined = blocks.map((b) => b.text).join('\n');
  }
  /** Null where lower-casing changes the length ("İ" is two characters in lower case): then the blocks are searched one by one. */
  get lower(): string | null {
    if (this.#lower === undefined) {
      const lower = this.joined.toLowerCase();
      this.#lower = lower.length === this.joined.length ? lower : null;
    }
    return this.#lower;
  }
}

/**
 * How the page writes a hint the knowledge lists in lower case: as it is where the page writes it so
 * ("goaltender"), else as the page does ("NHL", "Bundesliga", "Buffalo"), not in a headline's capitals
 * where it also writes it otherwise; the hint as listed where the page has its words only apart (a
 * hint of two words counts where each is anywhere).
 */
function pageSpelling(page: PageText, hint: string): string {
  if (pageWritesLower?.(hint)) return hint;
  const lower = page.lower;
  if (lower !== null) return spellingIn(page.joined, lower, hint) ?? hint;
  let shouted: string | undefined;
  for (const { text } of page.blocks) {
    const found = spellingIn(text, text.toLowerCase(), hint);
    if (found === undefined) continue;
    if (hint.length <= 4 || found !== found.toUpperCase()) return found;
    shouted ??= found;
  }
  return shouted ?? hint;
}

/** The first way `text` writes `hint` as a word, not in capitals if it also writes it otherwise (`lower`: `text` lower-cased, of its length). */
function spellingIn(text: string, lower: string, hint: string): string | undefined {
  let shouted: string | undefined;
  for (let at = lower.indexOf(hint); at >= 0; at = lower.indexOf(hint, at + 1)) {
    const end = at + hint.length;
    if (LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, at - 2), at)) || LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2))) continue;
    // A letter whose lower case is longer ("İ") moves what follows it: only the same word counts.
    const written = text.slice(at, end);
    if (written.toLowerCase() !== hint) continue;
    if (hint.length <= 4 || written !== written.toUpperCase()) return written;
    shouted ??= written;
  }
  return shouted;
}

/**
 * A capitalised word in a headline set in title case that the page writes in lower case elsewhere: a
 * common word ("California Wildfire Forces Thousands to Flee", and the story's "the wildfire"), not
 * part of a name ("Texas Rangers Win", where no "rangers" follows).
 */
function isCommonWordInTitleCase(block: LinkBlock, word: string): boolean {
  return isTitleCase(block.text) && (pageWritesLower?.(word.toLowerCase()) ?? false);
}

/** Nationalities that, right before an institution's name, make it that country's ("the Chinese CDC"), with the country's id. */
const NATIONALITIES: Record<string, string> = {
  Afghan: 'afghanistan', Argentine: 'argentina', Australian: 'australia', Austrian: 'austria', Belgian: 'belgium', Brazilian: 'brazil',
  British: 'united-kingdom', Canadian: 'canada', Chinese: 'china', Colombian: 'colombia', Cuban: 'cuba', Czech: 'czechia', Danish: 'denmark',
  Dutch: 'netherlands', Egyptian: 'egypt', Emirati: 'united-arab-emirates', Filipino: 'philippines', Finnish: 'finland', French: 'france',
  German: 'germany', Greek: 'greece', Hungarian: 'hungary', Indian: 'india', Indonesian: 'indonesia', Iranian: 'iran', Iraqi: 'iraq',
  Irish: 'ireland', Israeli: 'israel', Italian: 'italy', Japanese: 'japan', Jordanian: 'jordan', Kenyan: 'kenya', Korean: 'south-korea',
  Lebanese: 'lebanon', Malaysian: 'malaysia', Mexican: 'mexico', Nigerian: 'nigeria', Norwegian: 'norway', Pakistani: 'pakistan',
  Palestinian: 'palestine', Peruvian: 'peru', Polish: 'poland', Portuguese: 'portugal', Qatari: 'qatar', Romanian: 'romania', Russian: 'russia',
  Saudi: 'saudi-arabia', Singaporean: 'singapore', Spanish: 'spain', Swedish: 'sweden', Swiss: 'switzerland', Syrian: 'syria',
  Taiwanese: 'taiwan', Thai: 'thailand', Turkish: 'turkey', Ukrainian: 'ukraine', Venezuelan: 'venezuela', Vietnamese: 'vietnam',
};
const NATIONALITY_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${Object.keys(NATIONALITIES).join('|')})[ \\u00a0]+$`, 'u');

/**
 * "the Chinese CDC", "Israel's Supreme Court": an institution every country has (an agency, or a name
 * flagged `domestic`) after another country's nationality or possessive is that country's, not the
 * American one, whatever the rest of the page is about. Not a body the knowledge relates to that
 * country itself: "the Chinese Ministry of State Security", "Russia's FSB".
 */
function isAnotherCountrys(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  for (const [e, rows] of span.entities) {
    if (index.cats[e] !== AGENCY && !rows.some((a) => index.aliasFlags[a]! & AliasFlag.Domestic)) return false;
  }
  const c = span.candidate;
  const before = block.text.slice(Math.max(0, c.start - 24), c.start);
  let country: number | undefined;
  const nationality = NATIONALITY_BEFORE.exec(before);
  if (nationality) country = hintsOf(index).ids.get(`place:${NATIONALITIES[nationality[1]!]}`) ?? -1;
  else {
    // "Israel's Supreme Court": a place other than the United States, matched right before "'s ".
    const possessive = /['\u2019]s[ \u00a0]+$/.exec(before);
    if (!possessive) return false;
    const end = c.start - possessive[0].length;
    for (const o of block.matches.candidates) {
      if (o.end !== end) continue;
      for (const a of o.aliases) {
        const e = index.aliasEntity[a]!;
        if (index.cats[e] === PLACE && !HOME_PLACES.has(index.ids.at(e)!)) country = e;
      }
    }
    if (country === undefined) return false;
  }
  for (const e of span.entities.keys()) if (hintsOf(index).related(e).includes(country)) return false;
  return true;
}

/**
 * Places whose mentions say a page is about the United States: the country, and the places whose names
 * another shares, which are related to nothing (a relation would count as context for them). The other
 * states are related to the country, and American cities to their states.
 */
const HOME_PLACES = new Set(['place:united-states', 'place:washington-dc', 'place:washington-state', 'place:georgia-us-state', 'place:new-york-state', 'place:new-york-city']);
/** A foreign country counted at least this often, and more than twice as often as the United States, is what a page is about. */
const FOREIGN_MIN_MENTIONS = 3;

/**
 * Whether the page is mostly about one foreign country: the names that link on their own, each counted
 * for its country (a place for itself or the country it is related to, "Donbas" for Ukraine; a person
 * or an organisation for the place it is related to, Yoon Suk Yeol for South Korea; a government body
 * for the United States unless related to another country), give one foreign country at least
 * `FOREIGN_MIN_MENTIONS` and more than twice the United States' count. A Korean story naming Yoon
 * thirty times and "U.S." five is; an American story on Ukraine, naming Trump and the White House
 * more often than Ukraine, is not. Counted only when some name on the page is `domestic`, and before
 * any is linked: the country decides what those names can mean.
 */
function isAboutAnotherCountry(spans: readonly Span[], index: CompiledIndex): boolean {
  const hasDomestic = spans.some((s) => s.candidate.aliases.some((a) => index.aliasFlags[a]! & AliasFlag.Domestic));
  if (!hasDomestic) return false;
  const counts = new Map<number, number>();
  let home = 0;
  const count = (e: number) => {
    const country = countryOf(index, e);
    if (country === HOME) home++;
    else if (country >= 0) counts.set(country, (counts.get(country) ?? 0) + 1);
  };
  // Names that link on their own, and the people they introduce; then those people's bare surnames,
  // which is how a story names its subject ("Yoon Suk Yeol" once, "Yoon" thirty times).
  const introduced = new Set<number>();
  const bare: Span[] = [];
  for (const span of spans) {
    const e = theOnlySpecific(span, index);
    if (e < 0) bare.push(span);
    else {
      count(e);
      if (index.cats[e] === 0) introduced.add(e);
    }
  }
  for (const span of bare) {
    const people = [...span.entities.keys()].filter((e) => introduced.has(e));
    if (people.length === 1) count(people[0]!);
  }
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  return top >= FOREIGN_MIN_MENTIONS && top > 2 * home;
}

/** `countryOf` for the United States. */
const HOME = -2;

/** The place an entity's mentions count for (`isAboutAnotherCountry`): HOME, a place's index, or −1 for none. */
function countryOf(index: CompiledIndex, e: number): number {
  const cat = index.cats[e]!;
  let place = -1;
  if (cat === PLACE) place = e;
  for (const r of hintsOf(index).related(e)) {
    if (index.cats[r] === PLACE) {
      // A place counts for the country it belongs to ("Donbas" for Ukraine), anything else for its place.
      place = r;
      break;
    }
  }
  if (place < 0) return cat === AGENCY ? HOME : -1;
  // A city counts for its state's country ("Dallas" → Texas → the United States).
  if (place !== e) for (const r of hintsOf(index).related(place)) if (index.cats[r] === PLACE) return HOME_PLACES.has(index.ids.at(r)!) ? HOME : r;
  return HOME_PLACES.has(index.ids.at(place)!) ? HOME : place;
}

/** Takes the `domestic` alias rows out of every span's candidates (a span left with none links nothing). */
function dropDomestic(spans: Span[], index: CompiledIndex): void {
  for (const span of spans) {
    for (const [e, rows] of span.entities) {
      const kept = rows.filter((a) => (index.aliasFlags[a]! & AliasFlag.Domestic) === 0);
      if (kept.length === 0) span.entities.delete(e);
      else if (kept.length < rows.length) span.entities.set(e, kept);
    }
  }
}

const PLACE = CATEGORIES.indexOf('place');
const COMPANY = CATEGORIES.indexOf('company');
const ORGANIZATION = CATEGORIES.indexOf('organization');
const AGENCY = CATEGORIES.indexOf('agency');

/** Whitespace other than single spaces, or curly apostrophes: what a correction key normalises. */
const NEEDS_NORMALISING = /[^\S ]| {2}|[\u2019\u2018]/;

/** Shared by the many names that could mean only one entity: a huge page keeps one, not thousands. */
const NONE: number[] = Object.freeze([]) as unknown as number[];

/** A person's full name, not a bare surname: every entity it may mean is a person, and none by their surname alone. */
function isPersonFullName(span: Span, index: CompiledIndex): boolean {
  for (const [e, rows] of span.entities) {
    if (index.cats[e] !== 0) return false;
    for (const a of rows) if (aliasKindOf(index.aliasFlags[a]!) === 'surname') return false;
  }
  return true;
}

/**
 * A surname that means one person on any page (a salience of 0.9 or more, and linking alone): another
 * Trump named in full ("Melania Trump") leaves the bare "Trump" his.
 */
function isStandaloneFamous(span: Span, index: CompiledIndex): boolean {
  for (const [e, rows] of span.entities) if (index.sal[e]! >= 90 && rows.some((a) => index.aliasFlags[a]! & AliasFlag.Standalone)) return true;
  return false;
}

const NAME_SUFFIX = / (?:jr|sr|ii|iii|iv)\.?$/;

/** The key of a full name's surname: its last word, past a suffix ("robert f. kennedy jr." → "kennedy"). */
function surnameKeyOf(key: string): string {
  const name = key.replace(NAME_SUFFIX, '').replace(/,$/, '');
  return name.slice(name.lastIndexOf(' ') + 1);
}

/** The entities a span could mean besides `entity`. */
function otherEntities(span: Span, entity: number): number[] {
  if (span.entities.size === 1) return NONE;
  const out: number[] = [];
  for (const e of span.entities.keys()) if (e !== entity) out.push(e);
  return out;
}

/** The one entity the span names by a specific alias, or -1 when none or several do. */
function theOnlySpecific(span: Span, index: CompiledIndex): number {
  let found = -1;
  for (const [e, rows] of span.entities) {
    let specific = false;
    for (let k = 0; k < rows.length && !specific; k++) specific = isSpecific(index.aliasFlags[rows[k]!]!);
    if (!specific) continue;
    if (found >= 0) return -1;
    found = e;
  }
  return found;
}

/** Whether the page's link of `e` elsewhere speaks for this span's name of it (`contextScore`'s `linked`). */
function namedElsewhereCounts(span: Span, e: number, index: CompiledIndex): boolean {
  if (index.cats[e] === COMPANY || isTeam(index, e)) return true;
  const agency = index.cats[e] === AGENCY;
  return span.entities.get(e)!.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'acronym' || (agency && aliasKindOf(index.aliasFlags[a]!) === 'short'));
}

/** Whether another of the span's candidates has its text only as an acronym that needs context (`isContextBoundAcronym`). */
function hasContextBoundAcronym(span: Span, e: number, index: CompiledIndex): boolean {
  if (span.entities.size === 1) return false;
  for (const [c, rows] of span.entities) if (c !== e && isContextBoundAcronym(rows, index)) return true;
  return false;
}

/** Alias rows that are all acronyms needing context: "HP" for Himachal Pradesh, beside HP Inc.'s own "HP". */
function isContextBoundAcronym(rows: readonly number[], index: CompiledIndex): boolean {
  return rows.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'acronym' && (index.aliasFlags[a]! & AliasFlag.NeedsContext) !== 0);
}

/** Whether one of the span's candidates is a person by this surname. */
function isSomeonesSurname(span: Span, index: CompiledIndex): boolean {
  for (const [e, rows] of span.entities) if (index.cats[e] === 0 && rows.some((a) => aliasKindOf(index.aliasFlags[a]!) === 'surname')) return true;
  return false;
}

/** A specific alias names its entity on its own: not a surname, ticker, common word or context-bound alias. */
function isSpecific(flags: number): boolean {
  const kind = aliasKindOf(flags);
  if (kind === 'surname' || kind === 'ticker') return false;
  return (flags & (AliasFlag.CommonWord | AliasFlag.NeedsContext)) === 0;
}

/**
 * The index's `|`-joined hint lists, split for an entity when it is first scored: a page needs the
 * hints of a few dozen entities, and splitting all of them cost a tab several milliseconds.
 */
class IndexHints {
  #ids: Map<string, number> | undefined;
  readonly #titles: (string[] | undefined)[] = [];
  readonly #context: (string[] | undefined)[] = [];
  readonly #contextHashes: (number[][] | undefined)[] = [];
  readonly #related: (number[] | undefined)[] = [];

  constructor(private readonly index: CompiledIndex) {}

  get ids(): Map<string, number> {
    return (this.#ids ??= new Map(rowsOf(this.index.ids).map((id, i) => [id, i])));
  }

  titles(e: number): string[] {
    return (this.#titles[e] ??= splitHints(this.index.titles.at(e)!));
  }

  context(e: number): string[] {
    return (this.#context[e] ??= expandContext(splitHints(this.index.context.at(e)!)));
  }

  /** Key hashes of each context hint's words ("south carolina" → two hashes). */
  contextHashes(e: number): number[][] {
    return (this.#contextHashes[e] ??= this.context(e).map(hintWordHashes));
  }

  related(e: number): number[] {
    const rows = this.index.relatedRows;
    return (this.#related[e] ??= rows ? splitHints(rows.at(e)!).map(Number) : splitHints(this.index.related.at(e)!).map((r) => this.ids.get(r) ?? -1).filter((x) => x >= 0));
  }

  /**
   * The entities whose records relate them to `e` (Tim Cook to Apple, Atlanta to Georgia): the bundled
   * index ships them (`relatedByRows`); for another, the map is built once for the index.
   */
  relatedBy(e: number): readonly number[] {
    const shipped = this.index.relatedByRows;
    if (shipped) return (this.#relatedByRow[e] ??= splitHints(shipped.at(e)!).map(Number));
    if (!this.#relatedBy) {
      const by = new Map<number, number[]>();
      for (let x = 0; x < this.index.cats.length; x++) {
        for (const r of this.related(x)) {
          const list = by.get(r);
          if (list) list.push(x);
          else by.set(r, [x]);
        }
      }
      this.#relatedBy = by;
    }
    return this.#relatedBy.get(e) ?? NONE;
  }
  #relatedBy: Map<number, number[]> | undefined;
  readonly #relatedByRow: (number[] | undefined)[] = [];

  /** The entity's name and every alias of it, built once for the index (for a card's clues: never its own name). */
  ownNames(e: number): string[] {
    return (this.#ownNames[e] ??= this.#readOwnNames(e));
  }
  readonly #ownNames: (string[] | undefined)[] = [];

  /**
   * An entity's aliases are a run of rows (`CompiledIndex.aliasEntity` never decreases): found by a
   * binary search, where a map of every entity's aliases cost the first page after each start ~10 ms.
   */
  #readOwnNames(e: number): string[] {
    const entities = this.index.aliasEntity;
    const names = [this.index.names.at(e)!];
    for (let a = lowerBound(entities, (x) => x < e); a < entities.length && entities[a] === e; a++) names.push(this.index.aliasText.at(a)!);
    return names;
  }
}

const splitHints = (list: string) => (list ? list.split('|') : []);

/** Its own buffer: hints are read while the page's words may be in `collectWordHashes`'s. */
const hintBuffer = new TokenBuffer();

/**
 * A hint's words read as the page's words are, so that every hint can match: "far-right" is the
 * words "far" and "right" on a page, and a hint split at spaces alone kept it whole and never counted.
 */
function hintWordHashes(hint: string): number[] {
  scanTokens(hint, hintBuffer);
  const hashes: number[] = [];
  for (let t = 0; t < hintBuffer.count; t++) if (hintBuffer.flags[t]! & TokenFlag.Word) hashes.push(hintBuffer.hash[t]!);
  return hashes;
}

const hintsCache = new WeakMap<CompiledIndex, IndexHints>();

function hintsOf(index: CompiledIndex): IndexHints {
  let hints = hintsCache.get(index);
  if (!hints) hintsCache.set(index, (hints = new IndexHints(index)));
  return hints;
}

const firstNamesCache = new WeakMap<CompiledIndex, Set<string>>();

/** What a first name looks like: the index's precomputed list (`firstNamesOf`), or computed once. */
function firstNames(index: CompiledIndex): { has(word: string): boolean } {
  if (index.firstNames) return index.firstNames;
  let names = firstNamesCache.get(index);
  if (!names) firstNamesCache.set(index, (names = new Set(firstNamesOf(index))));
  return names;
}

/**
 * "Tom Ford": a known first name right before a one-word match. Only words seen as first names of
 * people in the knowledge count, so a headline's "Unpredictable Sondland" does not make Sondland unknown.
 */
function isPartOfUnknownName(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  return span.candidate.tokenCount === 1 && (hasFirstNameBefore(block, span, index) || hasFirstNameAndInitialBefore(block, span, index));
}

/** A word (lower case) seen as a person's first name, and no title or small word. */
function isFirstName(key: string, index: CompiledIndex): boolean {
  return key.length >= 2 && !NOT_A_FIRST_NAME.has(key) && firstNames(index).has(key);
}

/** A first name and a middle initial: "By Andrew C. McCarthy" (a columnist), not Kevin McCarthy. */
const NAME_AND_INITIAL = /(?:^|[\s("“'‘])(\p{Lu}[\p{Ll}’'-]+) \p{Lu}\. $/u;

/**
 * "Andrew C. McCarthy": a known first name and an initial before a one-word surname. Not when the
 * first name is the known person's own ("Kevin O. McCarthy" is still the Speaker, by another initial).
 */
function hasFirstNameAndInitialBefore(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  const c = span.candidate;
  const m = NAME_AND_INITIAL.exec(block.text.slice(Math.max(0, c.start - 40), c.start));
  if (!m) return false;
  const key = m[1]!.toLowerCase();
  if (!isFirstName(key, index)) return false;
  for (const [e] of span.entities) if (index.names.at(e)!.toLowerCase().startsWith(`${key} `)) return false;
  return true;
}

function hasFirstNameBefore(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  const c = span.candidate;
  if (c.prevStart < 0) return false;
  if (c.prevEnd + 1 !== c.start || block.text[c.prevEnd] !== ' ') return false;
  const first = block.text[c.prevStart]!;
  if (first === first.toLowerCase() || first !== first.toUpperCase()) return false;
  // An all-caps neighbour is a headline or an acronym, not a first name.
  const prevText = block.text.slice(c.prevStart, c.prevEnd);
  if (prevText === prevText.toUpperCase()) return false;
  const key = visibleSurface(block.text, c.prevStart, c.prevEnd).toLowerCase();
  if (!isFirstName(key, index)) return false;
  // A word that is itself part of another match ("CISA Director Krebs", "Cleveland Fed") is not a first
  // name, unless that match is only a surname that is also a first name before a person's surname
  // ("Frank Gore": Barney Frank's).
  const beforeSurname = [...span.entities].some(([e, rows]) => index.cats[e] === 0 && rows.some((a) => aliasKindOf(index.aliasFlags[a]!) === 'surname'));
  return !isInOtherMatch(block, c, c.prevStart, c.prevEnd, beforeSurname ? index : undefined);
}

/**
 * A person's surname followed by another capitalised name that is no match and no word headlines
 * capitalise: either it is someone else's given name ("InfoNation President Dan McDowell" is not
 * Romania's President Nicușor Dan, "Rep. Scott Perry" not Rep. David Scott), or, for a name written
 * surname first, another member of the family ("Premier Li Keqiang" is not today's premier, Li Qiang).
 */
function hasGivenNameAfter(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  const c = span.candidate;
  // Most names are followed by anything but a space and a capital: nothing else is read for them.
  const after = block.text.charCodeAt(c.end + 1);
  if (c.tokenCount !== 1 || block.text[c.end] !== ' ' || !(after >= 65 && after <= 90) && after < 0xc0) return false;
  // People's surnames only ("Ford Focus" is Ford's car, whatever Gerald Ford's name is), and only one
  // that is also a given name ("Dan", "Scott") or comes first in its person's name ("Li Qiang"): after
  // "Obama" or "Trump" a capitalised word is a headline's ("Obama Gave $221 Million").
  let givenOrFirst = firstNames(index).has(span.key);
  for (const [e, rows] of span.entities) {
    if (index.cats[e] !== 0 || !rows.some((a) => aliasKindOf(index.aliasFlags[a]!) === 'surname')) return false;
    givenOrFirst ||= index.names.at(e)!.toLowerCase().startsWith(`${span.key} `);
  }
  if (!givenOrFirst) return false;
  const next = NEXT_WORD.exec(block.text.slice(c.end, c.end + 40));
  if (!next) return false;
  const word = next[1]!;
  if (word.length < 2 || word[0] === word[0]!.toLowerCase() || word === word.toUpperCase() || NOT_A_FIRST_NAME.has(word.toLowerCase())) return false;
  // Not a word of another match, unless a surname alone ("Dan McDowell": some McDowell's), nor in a
  // headline set in title case, where every word is capitalised ("Xi Warns Taiwan").
  return !isInOtherMatch(block, c, c.end + 1, c.end + 1 + word.length, index) && !isTitleCase(block.text);
}

/**
 * Surnames that are adjectives too, which English often starts a sentence with: "Young voters",
 * "Green groups", "Little has changed".
 */
const ADJECTIVE_SURNAMES = new Set([
  'little', 'young', 'green', 'black', 'brown', 'white', 'gray', 'grey', 'long', 'short', 'strong', 'good', 'golden', 'wild',
  'fine', 'kind', 'strange', 'moody', 'jolly', 'hardy', 'stark', 'frank', 'rich', 'hale', 'sharp', 'wise', 'bright', 'small', 'noble', 'bold',
]);
/**
 * Words that follow a person's name and not an adjective: what people do in news ("Little said",
 * "Young voted"). "has" and "was" are here ("Strange was joined by…"); "is" is not ("Little is known").
 */
const AFTER_A_NAME = new Set(
  ('said says told tells added adds wrote writes asked asks noted notes argued argues called calls signed signs vetoed vetoes ' +
    'announced announces declined declines replied responded tweeted posted urged urges warned warns claimed claims insisted ' +
    'insists praised criticized criticised spoke speaks met meets won wins lost ran runs voted votes introduced proposed ' +
    'defended denied denies pledged promised testified sued appointed nominated resigned was has had will would could should ' +
    'can also then later and who whose himself herself did does').split(' '),
);
/**
 * A bare surname that is an everyday word (`commonWord`: "Green", "Long", "Little") followed by a
 * capitalised word of a name: a word of that longer name ("Green New Deal", "Long Island", "Little
 * Rock"), as a state's name is in "Texas Rangers". Not a surname famous enough to link alone
 * ("Trump Tower" still names Trump's), nor in a headline set in title case.
 */
function isWordSurnameInLongerName(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  const c = span.candidate;
  if (c.tokenCount !== 1) return false;
  for (const [e, rows] of span.entities) {
    if (index.cats[e] !== 0) return false;
    for (const a of rows) {
      const flags = index.aliasFlags[a]!;
      if (aliasKindOf(flags) !== 'surname' || (flags & AliasFlag.CommonWord) === 0 || (flags & AliasFlag.Standalone) !== 0) return false;
    }
  }
  const next = NEXT_WORD.exec(block.text.slice(c.end, c.end + 40));
  if (next === null || isTitleCase(block.text)) return false;
  const start = c.end + 1;
  const end = start + next[1]!.length;
  return isNameWord(block, c, start, end) || (NAME_STARTS_TOO.has(next[1]!) && !isInOtherMatch(block, c, start, end));
}
/** Words that start sentences and names alike: after an everyday word, a name's ("Green New Deal", "Black National Anthem"). */
const NAME_STARTS_TOO = new Set(['New', 'North', 'South', 'East', 'West', 'National', 'State']);

/** The start of a sentence: the block's, or after ".", "!" or "?" (and a closing quote), or an opening quote there. */
const SENTENCE_START_BEFORE = /(?:^|[.!?]["”’)]?[ \u00a0]+)["“‘(]?$/;

/**
 * A bare surname that is also an adjective ("Little", "Young"), first in its sentence and followed by
 * a lower-case word that does not follow names: the adjective ("Little is known", "Young people"),
 * however well the page introduced Gov. Brad Little or Sen. Todd Young.
 */
function isAdjectiveOpeningSentence(block: LinkBlock, span: Span): boolean {
  const c = span.candidate;
  if (c.tokenCount !== 1 || !ADJECTIVE_SURNAMES.has(span.key)) return false;
  const next = NEXT_WORD_SPACED.exec(block.text.slice(c.end, c.end + 40));
  if (!next || next[1]![0] === next[1]![0]!.toUpperCase() || AFTER_A_NAME.has(next[1]!)) return false;
  return SENTENCE_START_BEFORE.test(block.text.slice(Math.max(0, c.start - 6), c.start));
}

/**
 * Whether the span's name begins a company's legal name (`COMPANY_NAME_AFTER`) whose words after it
 * are no other name: "U.S. Sues Google Inc.", a headline's, is still about the country.
 */
function isInCompanyName(block: LinkBlock, span: Span): boolean {
  const c = span.candidate;
  const found = COMPANY_NAME_AFTER.exec(block.text.slice(c.end, c.end + 80));
  if (!found) return false;
  const end = c.end + found[0].length;
  return !block.matches.candidates.some((o) => o.start > c.end && o.start < end);
}

/** A company or an organisation (not a market index, which is no company): what a company's legal name may name. */
function isFirm(index: CompiledIndex, e: number): boolean {
  return (index.cats[e] === COMPANY || index.cats[e] === ORGANIZATION) && !index.ids.at(e)!.startsWith('market-index:');
}

/** A number a unit follows ("306 HP", "a 200-HP motor"), right before where the unit starts. */
const NUMBER_BEFORE_UNIT = /(?:^|[^\p{L}\p{N}.,])(\d[\d,.]*)[ \u00a0\-\u2010\u2011]$/u;
/** The character codes that may end `NUMBER_BEFORE_UNIT`: the gap before the unit, and the number's last before it. */
const UNIT_GAP = new Set([...' \u00a0-\u2010\u2011'].map((ch) => ch.charCodeAt(0)));
const NUMBER_END = new Set([...'0123456789,.'].map((ch) => ch.charCodeAt(0)));

/**
 * "306 HP", "a 200-HP motor", "12 GB": a short name in capitals right after a number is a unit or a
 * model, not the company. (Asked of companies only: "12 FBI agents" is the FBI.)
 */
function isUnitAfterNumber(block: LinkBlock, span: Span): boolean {
  const c = span.candidate;
  if (c.tokenCount !== 1) return false;
  const name = block.text.slice(c.start, c.end);
  if (name.length > 4 || name !== name.toUpperCase()) return false;
  // What `NUMBER_BEFORE_UNIT` needs at its end, looked at first: most names follow no number.
  if (!UNIT_GAP.has(block.text.charCodeAt(c.start - 1)) || !NUMBER_END.has(block.text.charCodeAt(c.start - 2))) return false;
  const number = NUMBER_BEFORE_UNIT.exec(block.text.slice(Math.max(0, c.start - 24), c.start))?.[1];
  // Not a model year: "2020 VW ID.3" is Volkswagen's.
  return number !== undefined && !/^(?:19|20)\d\d$/.test(number);
}

/** Small words a spelled-out acronym may hold that its letters leave out ("Department of Energy": DOE). */
const ACRONYM_SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'at', 'de', 'du', 'la', 'des', '&']);

/**
 * The acronyms (as keys) the page spells out as something none of their entities is called: "…
 * hypersensitivity pneumonitis, or HP", "the National Register of Citizens (NRC)". Such a page means
 * its own thing by them throughout, before the spelling-out too; "Department of Energy (DOE)", or
 * "Centre for Disease Control (CDC)" (most of whose words are in the entity's name), are the entity's
 * own and change nothing. Undefined when the page spells none out.
 */
function acronymsSpelledOutAsOthers(blocks: readonly LinkBlock[], spans: readonly Span[], index: CompiledIndex): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const span of spans) {
    const c = span.candidate;
    const text = blocks[span.block]!.text;
    // Most matches follow neither "(" nor "or ": the rest is asked of the few that do.
    if (c.tokenCount > 3 || (text[c.start - 1] !== '(' && !(text[c.start - 1] === ' ' && text[c.start - 2] === 'r' && text[c.start - 3] === 'o'))) continue;
    const acronym = text.slice(c.start, c.end).replace(/[^\p{L}]/gu, '');
    if (acronym.length < 2 || acronym.length > 8 || acronym !== acronym.toUpperCase()) continue;
    const long = spelledOutBefore(text, c, acronym);
    if (!long) continue;
    const words = contentWords(long);
    let own = false;
    for (const e of span.entities.keys()) {
      const name = new Set(contentWords(index.names.at(e)!).map((w) => w.slice(0, 4)));
      if (words.filter((w) => name.has(w.slice(0, 4))).length * 2 >= words.length) own = true;
    }
    if (!own) (out ??= new Set()).add(span.key);
  }
  return out;
}

const contentWords = (text: string) => (text.toLowerCase().match(CONTENT_WORD) ?? []).filter((w) => !ACRONYM_SMALL_WORDS.has(w));

/**
 * The words a match spells out, when it follows them as "long form (ACR)" or "long form, or ACR" and
 * their initials (small words aside) are its letters in order.
 */
function spelledOutBefore(text: string, c: Candidate, acronym: string): string | undefined {
  let end: number;
  if (text[c.start - 1] === '(' && text[c.end] === ')') end = c.start - 1;
  else {
    const or = /,?[ \u00a0]+or[ \u00a0]+$/.exec(text.slice(Math.max(0, c.start - 8), c.start));
    if (!or) return undefined;
    end = c.start - or[0].length;
  }
  const before = text.slice(Math.max(0, end - 160), end);
  const words = [...before.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'\u2019]*/gu)];
  let k = acronym.length - 1;
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w]![0];
    // The last word must end right before the parenthesis or the comma.
    if (w === words.length - 1 && before.slice(words[w]!.index! + word.length).trim() !== '') return undefined;
    if (word[0]!.toUpperCase() === acronym[k]!.toUpperCase()) {
      if (--k < 0) return before.slice(words[w]!.index!);
    } else if (!ACRONYM_SMALL_WORDS.has(word.toLowerCase())) return undefined;
  }
  return undefined;
}

/** A name joined to other characters by an underscore is part of a user name or a file's ("Ring_Apple", "@Uber_Sydney"). */
function isInHandle(block: LinkBlock, span: Span): boolean {
  return block.text[span.candidate.start - 1] === '_' || block.text[span.candidate.end] === '_';
}

/**
 * esbuild writes a literal with a quantified `\p{…}` as `new RegExp(…)`: inside a function that built
 * a new RegExp on every call. Such patterns are constants.
 */
const HYPHEN_CAPITALS_AFTER = /^-\p{Lu}{3}/u;
const LONG_WORD = /\p{L}{4,}/gu;
const CONTENT_WORD = /\p{L}[\p{L}'\u2019]*/gu;

/**
 * "ABC-CLIO", "ABC-CLIO/Greenwood": an acronym that needs its page's support, joined by a hyphen to
 * another capitalised word, is part of another name (a publisher's), not the broadcaster.
 */
function isAcronymInCompound(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  if (block.text[span.candidate.end] !== '-' || !HYPHEN_CAPITALS_AFTER.test(block.text.slice(span.candidate.end, span.candidate.end + 4))) return false;
  for (const rows of span.entities.values()) for (const a of rows) if (aliasKindOf(index.aliasFlags[a]!) !== 'acronym' || !(index.aliasFlags[a]! & AliasFlag.NeedsContext)) return false;
  return true;
}

/** A web domain's ending: after a place's name, a site's ("Cleveland.com"), not the place. */
const DOMAIN_AFTER = /^\.(?:com|org|net|gov|edu|co|io|eu|us|uk|ca|au|de|fr)\b/i;

/**
 * Whether the text from `start` to `end` lies inside a match other than `c`; with `surnamesAside`, a
 * match that is only some person's surname does not count (a given name that is also a surname).
 */
function isInOtherMatch(block: LinkBlock, c: Candidate, start: number, end: number, surnamesAside?: CompiledIndex): boolean {
  return block.matches.candidates.some(
    (o) => o !== c && o.start <= start && o.end >= end && (!surnamesAside || o.aliases.some((a) => aliasKindOf(surnamesAside.aliasFlags[a]!) !== 'surname')),
  );
}

/** Whether another match ends at `end` and names only companies (each of its aliases is a company's). */
function isCompanyNameEndingAt(block: LinkBlock, c: Candidate, end: number, index: CompiledIndex): boolean {
  return block.matches.candidates.some((o) => o !== c && o.end === end && o.aliases.length > 0 && o.aliases.every((a) => index.cats[index.aliasEntity[a]!] === COMPANY));
}

/** Words title case leaves in lower case ("Clinton Cancels Joint Events with Sanders"). */
const TITLE_CASE_SMALL_WORDS = new Set([
  'with', 'from', 'into', 'onto', 'over', 'upon', 'than', 'that', 'about', 'after', 'amid', 'near', 'like', 'among', 'across', 'under',
  'between', 'through', 'during', 'before', 'against', 'without', 'within', 'toward', 'towards', 'since', 'until', 'behind', 'beyond',
]);

/** Every word of four letters or more capitalised (title case's small words aside), at least three of them: a headline's title case. */
function isTitleCase(text: string): boolean {
  let capitalised = 0;
  for (const [word] of text.matchAll(LONG_WORD)) {
    if (TITLE_CASE_SMALL_WORDS.has(word)) continue;
    if (word[0] === word[0]!.toLowerCase()) return false;
    capitalised++;
  }
  return capitalised >= 3;
}

/**
 * A word right before a place's name that makes it another place's, or an airline's ("New Mexico",
 * "New England", "Inner Mongolia", "Air India").
 */
const OTHER_PLACE_BEFORE = /(?:^|[^\p{L}\p{N}])(New|NEW|Inner|INNER|Air|AIR|Lake|LAKE|Mount|MOUNT|Port|PORT|Fort|FORT)[ \u00a0]$/u;
/** "Northern Ireland" and "Northern Cyprus" are other places; "Northern Italy" is Italy's north. */
const OTHER_PLACE_NORTHERN = /(?:^|[^\p{L}\p{N}])(Northern|NORTHERN)[ \u00a0]$/u;
const NORTHERN_OTHERS = new Set(['ireland', 'cyprus']);
/**
 * …and right after it ("Mexico City", "Kuwait City", "South China Sea", "Qatar Airways"), among them a
 * street's, a river's or a town's ("Georgia Avenue", "Jordan River", "Mexico Beach", "China Grove").
 */
const OTHER_PLACE_WORDS = ['City', 'Sea', 'Airlines', 'Airways', 'Street', 'Avenue', 'Road', 'Boulevard', 'Beach', 'Grove', 'River', 'Bay', 'Creek', 'Canal', 'Highway', 'Turnpike', 'Parkway', 'Airport'];
// Capitalised or in capitals only: "a Texas beach", "the Jordan river valley's farms" describe the place.
// Not words a headline uses as verbs: "US FALLS", "China Squares Off" ("Falls", "Springs", "Square").
const OTHER_PLACE_AFTER = new RegExp(`^[ \\u00a0](?:${[...OTHER_PLACE_WORDS, ...OTHER_PLACE_WORDS.map((w) => w.toUpperCase())].join('|')})(?![\\p{L}\\p{N}])`, 'u');
/** "Voice of America", "Boy Scouts of America": a capitalised word and "of" before an informal name. */
const NAME_OF_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}[\p{L}'\u2019-]*)[ \u00a0]of[ \u00a0]$/u;

/**
 * A place named by a longer name the knowledge lacks, which is another place or not a place at all:
 * "New Mexico" and "Mexico City" are not Mexico, "Northern Ireland" is not Ireland. An informal name
 * ("America") also inside any longer capitalised name ("Miss America", "Captain America", "Voice of
 * America"), as context-bound places are (`isInsideLongerName`). Not "eastern Ukraine", nor "South"
 * or "West" before a name: "South Korea" and "West Bank" are in the knowledge, matched whole, and
 * "West Africa" or "North London" are parts of the place, not others.
 */
function isInsideLongerPlaceName(block: LinkBlock, span: Span, rows: readonly number[], index: CompiledIndex): boolean {
  const c = span.candidate;
  const text = block.text;
  const before = text.slice(Math.max(0, c.start - 12), c.start);
  const prefix = OTHER_PLACE_BEFORE.exec(before) ?? (NORTHERN_OTHERS.has(span.key) ? OTHER_PLACE_NORTHERN.exec(before) : null);
  if (prefix && !isInOtherMatch(block, c, c.start - 1 - prefix[1]!.length, c.start - 1)) return true;
  if (OTHER_PLACE_AFTER.test(text.slice(c.end, c.end + 12))) return true;
  // A company's name right before it: the company's arm there ("Yahoo Japan", "Samsung India").
  if (c.prevStart >= 0 && c.prevEnd + 1 === c.start && text[c.prevEnd] === ' ' && isCompanyNameEndingAt(block, c, c.prevEnd, index)) return true;
  // A currency: "US$36,254", "NZ$27.8b". A site: "Cleveland.com".
  if (text[c.end] === '$' || (text[c.end] === '.' && DOMAIN_AFTER.test(text.slice(c.end, c.end + 5)))) return true;
  // A title in quotes: the musical 'Memphis', the series "Dallas", the film "Philadelphia".
  if (isQuotedAlone(text, c.start, c.end)) return true;
  if (rows.some((a) => index.aliasFlags[a]! & AliasFlag.LocalPlace) && isInsideLongerLocalName(block, span, index)) return true;
  if (rows.some((a) => index.aliasFlags[a]! & AliasFlag.City) && isTownOfRegion(block, span, index)) return true;
  if (!rows.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'informal')) return false;
  if (isInsideLongerName(block, span)) return true;
  const of = NAME_OF_BEFORE.exec(text.slice(Math.max(0, c.start - 40), c.start));
  return of !== null && !NOT_A_FIRST_NAME.has(of[1]!.toLowerCase());
}

/** Opening quotes and the closing quote each takes. */
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019' };

/** Whether `text[start..end)` is all there is between a pair of quotes ("'Memphis' producer"). */
function isQuotedAlone(text: string, start: number, end: number): boolean {
  const close = QUOTE_PAIRS[text[start - 1] ?? ''];
  return close !== undefined && text[end] === close;
}

/**
 * A one-word name with a capitalised word right before or after it that is not another name, nor a
 * word that starts sentences or headlines ("Washington Monument", "Washington Examiner", "Bushrod
 * Washington", "Georgia Tech", "Jordan Peterson"): part of a longer name the knowledge does not have.
 * Asked only of places that link by context and of places' informal names ("America"), the names most
 * often borrowed by others: a company
 * followed by its product ("Apple Music") is still the company.
 */
function isInsideLongerName(block: LinkBlock, span: Span): boolean {
  const c = span.candidate;
  if (c.tokenCount !== 1) return false;
  const text = block.text;
  if (hasNameWordBefore(block, span)) return true;
  const next = NEXT_WORD.exec(text.slice(c.end, c.end + 40));
  return next !== null && isNameWord(block, c, c.end + 1, c.end + 1 + next[1]!.length);
}

/** A one-word name right after a capitalised word of a name ("Manchester United", "Bushrod Washington"). */
function hasNameWordBefore(block: LinkBlock, span: Span): boolean {
  const c = span.candidate;
  return c.tokenCount === 1 && c.prevStart >= 0 && c.prevEnd + 1 === c.start && block.text[c.prevEnd] === ' ' && isNameWord(block, c, c.prevStart, c.prevEnd);
}

/**
 * A capitalised word of a name at `start..end` beside `c`: not one that starts sentences, not all
 * capitals, not another match's ("Texas Senate"); with `surnamesAside`, a known surname still is one
 * ("Indiana Jones").
 */
function isNameWord(block: LinkBlock, c: Candidate, start: number, end: number, surnamesAside?: CompiledIndex): boolean {
  const word = block.text.slice(start, end);
  if (word.length < 2 || word[0] === word[0]!.toLowerCase() || word === word.toUpperCase()) return false;
  if (NOT_A_FIRST_NAME.has(word.toLowerCase())) return false;
  return !isInOtherMatch(block, c, start, end, surnamesAside);
}

/**
 * A state's or a city's name ("Ohio", "New York") inside a longer name the knowledge lacks: a team's,
 * a person's or a street's ("Texas Rangers", "Indiana Jones", "Joe Montana", "New York Avenue"), or a
 * university's ("Ohio State", "Texas A&M", "New York University", "University of Vermont"). A part
 * of the region is still the region ("Southern California", "Upstate New York"), and so are its
 * institutions' and officials' ("Texas Senate", "California Gov.": words that start names are not
 * name words).
 */
function isInsideLongerLocalName(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  const c = span.candidate;
  const text = block.text;
  const after = text.slice(c.end, c.end + 40);
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  if (UNIVERSITY_AFTER.test(after) || UNIVERSITY_OF_BEFORE.test(before) || PARTICLE_NAME_BEFORE.test(before) || PARTICLE_NAME_AFTER.test(after)) return true;
  // Spaces of any width: a page's markup may put two, or a no-break space, between the words of one name.
  const next = NEXT_WORD_SPACED.exec(after);
  if (next !== null && (TEAM_NUMBER.test(next[1]!) || (isNameWord(block, c, c.end + next[0].length - next[1]!.length, c.end + next[0].length, index) && !isCommonWordInTitleCase(block, next[1]!)))) return true;
  if (COLOUR_TEAM.test(after)) return true;
  if (c.prevStart < 0 || !/^[ \u00a0]+$/.test(text.slice(c.prevEnd, c.start))) return false;
  const prev = text.slice(c.prevStart, c.prevEnd);
  return CLUB_BEFORE.test(prev) || (!REGION_PART.test(text.slice(c.prevStart, c.end)) && isNameWord(block, c, c.prevStart, c.prevEnd, index));
}

/**
 * The town's name, where it says a shared name is the state (`region`): "a home in Garrison, New York",
 * "a rally in Spokane, Washington". A name shared by a state and another place, after a town's name
 * and a comma, is the state, unless that town is a word of the
 * other place's own ("in Brooklyn, New York" is left to the page's context, and "in Tbilisi, Georgia"
 * is the country). Only after a preposition: a sentence's "However, Georgia…" names no town, and
 * "Russia, Georgia and Ukraine" is a list of countries (a town that is another match, but a city's, is none).
 */
function townBefore(block: LinkBlock, span: Span, region: number, pool: readonly number[], index: CompiledIndex): string | undefined {
  const c = span.candidate;
  const from = Math.max(0, c.start - 48);
  const m = TOWN_BEFORE.exec(block.text.slice(from, c.start));
  if (!m || isInsideLongerLocalName(block, span, index)) return undefined;
  const townStart = from + m.index + m[0].length - m[1]!.length - 2;
  const townEnd = townStart + m[1]!.length;
  if (NOT_A_FIRST_NAME.has(m[1]!.toLowerCase())) return undefined;
  // A town may be a city the knowledge has ("in Athens, Georgia"), but not another name ("Russia, Georgia").
  const covering = block.matches.candidates.filter((o) => o !== c && o.start <= townStart && o.end >= townEnd);
  if (covering.some((o) => !o.aliases.every((a) => index.aliasFlags[a]! & AliasFlag.City))) return undefined;
  const word = m[1]!.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
  const hints = hintsOf(index);
  if (pool.some((e) => e !== region && hints.context(e).includes(word))) return undefined;
  return m[1]!;
}

/** The one state or region among a shared name's candidates, when it shares the name with another place. */
function soleRegion(span: Span, pool: readonly number[], index: CompiledIndex): number | undefined {
  const regions = pool.filter((e) => span.entities.get(e)!.some((a) => index.aliasFlags[a]! & AliasFlag.Region));
  return regions.length === 1 && pool.length >= 2 ? regions[0] : undefined;
}

/**
 * The body's name, where it says a shared name is the state: "the New York National Guard", "the
 * Georgia Legislature", "Washington Attorney General Bob Ferguson". A name shared by a state and
 * another place, before one of a state's own bodies or offices, is the state. (Not "Department of":
 * New York City has its own.)
 */
function stateBodyAfter(block: LinkBlock, span: Span): string | undefined {
  const m = STATE_BODY_AFTER.exec(block.text.slice(span.candidate.end, span.candidate.end + 24));
  return m ? m[1]!.replace(/[ \u00a0]+/g, ' ') : undefined;
}

const STATE_BODY_AFTER = /^[ \u00a0]+(National[ \u00a0]Guard|(?:State[ \u00a0])?Legislature|General[ \u00a0]Assembly|State[ \u00a0](?:Senate|Assembly|Police|Capitol)|Attorney[ \u00a0]General|Secretary[ \u00a0]of[ \u00a0]State|Court[ \u00a0]of[ \u00a0]Appeals)(?![\p{L}\p{N}])/u;

/** Between a person's name and their state's: ", of ", " of ", ", a Republican from ", ", the Democratic senator from ". */
const PERSON_OF_PLACE = /^,?[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+(?:[\p{L}.-]+[ \u00a0]+){1,3})?(?:of|from)[ \u00a0]+$/u;

/**
 * "By R. England": a place's name after a lone initial is someone's surname ("U.S. Open" is not an
 * initial); "the Duke of Edinburgh", "Countess of Wessex": after a peer's title, part of the title.
 */
function isAfterInitialOrPeerage(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  if (!isPlaceOrBareSurname(span, index)) return false;
  const before = block.text.slice(Math.max(0, span.candidate.start - 16), span.candidate.start);
  return INITIAL_BEFORE.test(before.slice(-4)) || PEERAGE_BEFORE.test(before);
}

const PEERAGE_BEFORE = /(?:^|[^\p{L}])(?:Prince|Princess|Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount|Viscountess|Baron|Baroness)[ \u00a0]+of[ \u00a0]+$/u;

const INITIAL_BEFORE = /(?:^|[^\p{L}.])\p{Lu}\.[ \u00a0]$/u;

/**
 * What only a company does right after its name: "Apple said it would appeal", "Target announced",
 * "Meta's chief executive", "Alphabet shares". A company's short name that is an everyday word
 * ("Apple", "Target", "Meta") is the company before these, and after "a stake in"
 * (`COMPANY_ACT_BEFORE`): the word would not say, report or be invested in.
 */
const COMPANY_ACT_AFTER =
  /^(?:[ \u00a0]+(said|says|announced|announces|reported|reports|agreed|agrees|unveiled|unveils|launched|launches|posted|sued|confirmed|declined[ \u00a0]+to[ \u00a0]+comment|shares(?![ \u00a0]+(?:a|an|the|its|his|her|their|this|that|some|much|many|with|in|of)\b)|stock)|['’]s[ \u00a0]+(chief[ \u00a0]+executive|chief[ \u00a0]+financial[ \u00a0]+officer|CEO|shares|stock|board|founder|co-founder|revenue|profit|earnings|market[ \u00a0]+value))(?![\p{L}\p{N}])/u;

/** A person's honorific or title right before a name ("Mr. Eaton", "Dr Deere", "Judge Chubb"). */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Sir|Dame|Lord|Lady|Judge|Justice|Officer|Detective|Coach|Father|Rabbi)\.?[ \u00a0]+$/u;

/** …and before it: "a stake in Intel", "shares of Apple", "invested $5 billion in Intel". */
const COMPANY_ACT_BEFORE =
  /(?:^|[^\p{L}])(stakes?|shares|shareholders|investment|invest(?:ed|ing|s)?)[ \u00a0]+(?:\$[\d.,]+[ \u00a0]*(?:million|billion|trillion|[mb]n)?[ \u00a0]+)?(?:in|of)[ \u00a0]+$/u;

/** What the page writes of the name that only a company does, name included, as the card quotes it ("Apple said", "a stake in Meta"). */
function companyAct(block: LinkBlock, span: Span): string | undefined {
  const { start, end } = span.candidate;
  const text = block.text;
  const after = COMPANY_ACT_AFTER.exec(text.slice(end, end + 40));
  if (after) return text.slice(start, end + after[0].length).replace(/[ \u00a0]+/g, ' ');
  const before = COMPANY_ACT_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return before ? `${before[0].replace(/^[^\p{L}]+/u, '')}${text.slice(start, end)}`.replace(/[ \u00a0]+/g, ' ') : undefined;
}

/** "in ", "near ", "outside ", "throughout " right before a name. */
const LOCATIVE_BEFORE = /(?:^|[^\p{L}])(?:[Ii]n|[Nn]ear|[Oo]utside|[Tt]hroughout)[ \u00a0]+$/u;

/**
 * "In Austin, he met the governor", "fighting in Jordan": a name that may be a place and a person, after
 * "in" or "near", is the place, whoever the page introduced by that surname (Lloyd Austin, Jim Jordan).
 * Not before a possessive ("in Jordan's view"), and only where one place has the name.
 */
function placeAfterPreposition(block: LinkBlock, span: Span, candidates: readonly number[], index: CompiledIndex): { e: number; by: string } | undefined {
  if (!candidates.some((e) => index.cats[e] === 0)) return undefined;
  const places = candidates.filter((e) => index.cats[e] === PLACE);
  if (places.length !== 1) return undefined;
  const c = span.candidate;
  const m = LOCATIVE_BEFORE.exec(block.text.slice(Math.max(0, c.start - 12), c.start));
  if (!m || /^['\u2019]s\b/.test(block.text.slice(c.end, c.end + 3))) return undefined;
  return { e: places[0]!, by: m[0].trim().toLowerCase() };
}

/** What joins two items of a list: "Egypt, Qatar", "Qatar and Turkey", "Egypt, Qatar, and Turkey", "Syria or Iraq". */
const LIST_SEPARATOR = /^(?:,|,?[ \u00a0]+(?:and|or))[ \u00a0]+$/;

/** A preposition, then a capitalised town's name of one to three words, and a comma: "in Garrison, ". */
const TOWN_BEFORE = /(?:^|[^\p{L}\p{N}])(?:in|at|near|from|of|outside|to)[ \u00a0]+(\p{Lu}[\p{Ll}'’.-]+(?:[ \u00a0]\p{Lu}[\p{Ll}'’.-]+){0,2}),[ \u00a0]$/u;

/**
 * "Moscow, Idaho", "Paris, Texas", "Athens, Ga.": a city's name before a comma and a state's is a town
 * of that state. Not when the name after the comma may be the city's own country ("Tbilisi, Georgia").
 */
function isTownOfRegion(block: LinkBlock, span: Span, index: CompiledIndex): boolean {
  const c = span.candidate;
  const comma = /^,[ \u00a0]+/.exec(block.text.slice(c.end, c.end + 4));
  if (!comma) return false;
  const at = c.end + comma[0].length;
  const next = block.matches.candidates.find((o) => o.start === at && o.aliases.some((a) => index.aliasFlags[a]! & AliasFlag.Region));
  if (!next) return false;
  const countries = new Set([...span.entities.keys()].flatMap((e) => [...hintsOf(index).related(e)]));
  return !next.aliases.some((a) => countries.has(index.aliasEntity[a]!));
}

/** "Ohio State", "Texas A&M": a university, not the state. */
const UNIVERSITY_AFTER = /^[ \u00a0](?:State|A&M)(?![\p{L}\p{N}&])/u;
/** "University of Vermont", "Federal Reserve Bank of St. Louis": another body's name. */
const UNIVERSITY_OF_BEFORE = /(?:University|College|Bank|Institute|Museum|Diocese|Archdiocese)[ \u00a0]of[ \u00a0]$/;
/**
 * Parts of a state that news names as regions. Not every direction before every state: "Eastern
 * Michigan", "Northern Illinois" and "Central Florida" are as often universities and their teams.
 */
const REGION_PART = /^(?:(?:Southern|Northern|Central)[ \u00a0]+California|Northern[ \u00a0]+Virginia|(?:Upstate|Downstate|Western|Central)[ \u00a0]+New[ \u00a0]+York)$/;
const NEXT_WORD_SPACED = /^[ \u00a0]+([\p{L}\p{N}]+)/u;
/** "Philadelphia 76ers", "San Francisco 49ers": a team. */
const TEAM_NUMBER = /^\d+[a-z]+$/;
/**
 * "Chicago White Sox", "Boston Red Sox", "Toronto Maple Leafs": a team named by a colour and another
 * capitalised word (a colour is no name's word elsewhere: "In Chicago, White House aides met").
 */
const COLOUR_TEAM = /^[ \u00a0]+(?:White|Red|Blue|Black|Golden|Green|Silver|Maple)[ \u00a0]+\p{Lu}\p{Ll}/u;
/**
 * "FC Dallas", "AC Milan", "CF Montreal", "UC San Diego": a club's or a university's name; "USS Fort
 * Lauderdale", "HMS Belfast": a ship's.
 */
const CLUB_BEFORE = /^(?:FC|AC|CF|SC|UC|AS|SS|CD|RC|SK|FK|USS|USNS|HMS|HMCS|HMAS|INS)$/;
/** "Aldea del Fresno", "Villa de Leyva", "Castel di Sangro", "Fresno de la Ribera": a place named with a particle inside, not the city. */
const PARTICLE_NAME_BEFORE = /\p{Lu}[\p{L}'’-]*[ \u00a0]+(?:del|de|de[ \u00a0]la|de[ \u00a0]los|de[ \u00a0]las|do|da|dos|das|di|della|du|des|van|von|der)[ \u00a0]+$/u;
const PARTICLE_NAME_AFTER = /^[ \u00a0]+(?:del|de|de[ \u00a0]la|de[ \u00a0]los|de[ \u00a0]las|do|da|dos|das|di|della|du|des)[ \u00a0]+\p{Lu}/u;

/** The word right after a name, one space away. */
const NEXT_WORD = /^ ([\p{L}\p{N}]+)/u;

function precedingText(text: string, start: number): string {
  return titleForm(text.slice(Math.max(0, start - 48), start)).trimEnd();
}

/** Text as the knowledge writes titles: lower case, one space for white space, straight apostrophes. */
function titleForm(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[\u2019\u2018]/g, "'");
}

/**
 * The title as the page writes it before `start` ("Defense Secretary", "Sen."), for the card's why
 * line, which quotes it: `title` is the knowledge's lower-case form found in `precedingText`. White
 * space runs are shown as one space. The knowledge's form where the page's cannot be found again.
 */
function writtenTitle(text: string, start: number, title: string): string {
  const raw = text.slice(Math.max(0, start - 48), start).trimEnd();
  // The search is from the end: the shortest piece of the page's text that reads as the title.
  for (let from = raw.length - title.length; from >= 0; from--) {
    const piece = titleForm(raw.slice(from));
    if (piece === title) return raw.slice(from).replace(/[\s\u00a0]+/g, ' ');
    if (piece.length > title.length) break;
  }
  return title;
}

function isLetterOrDigit(ch: string): boolean {
  return /[a-z0-9]/i.test(ch) || (ch >= '\u0080' && /[\p{L}\p{N}]/u.test(ch));
}

function titleOf(index: CompiledIndex, entity: number, before: string): string | undefined {
  for (const title of hintsOf(index).titles(entity)) {
    if (!before.endsWith(title)) continue;
    const boundary = before.length - title.length - 1;
    if (boundary < 0 || !isLetterOrDigit(before[boundary]!)) return title;
  }
  return undefined;
}

function contextScore(index: CompiledIndex, entity: number, pageWords: IntSet, onPage: ReadonlySet<number>, linked: ReadonlySet<number> | undefined) {
  const hintsFound: string[] = [];
  const names: string[] = [];
  let score = 0;
  const hints = hintsOf(index);
  const hashes = hints.contextHashes(entity);
  hints.context(entity).forEach((word, k) => {
    // Multi-word hints ("south carolina") count when each of their words is on the page.
    if (word && hashes[k]!.length > 0 && hashes[k]!.every((h) => pageWords.has(h))) {
      hintsFound.push(word);
      score++;
    }
  });
  // An acronym of an entity the page names in full elsewhere ("Associated Press … (AP)", "Department
  // of Energy (DOE)"), or a company's or an agency's short name the page links elsewhere ("Amazon.com
  // … Amazon", "Target Corporation … Target", "U.S. Congress … Congress"), or a team's nickname ("the
  // Buffalo Bills … the Bills"; `linked` is the page's links then): as strong as a related entity
  // named. Not other short names: on the Los Angeles Times's own pages, "The Times" (an outlet's
  // informal name) is not the New York Times it mentions once. (No clue for the card: its own name
  // explains nothing there.)
  if (linked?.has(entity)) score += 2;
  const related = hints.related(entity);
  for (const e of related) {
    if (onPage.has(e)) {
      names.push(index.names.at(e)!);
      score += 2;
    }
  }
  // And the other way: an entity on the page whose record relates it to this one ("Lip-Bu Tan, Intel's
  // chief executive"; "Amman" for Jordan).
  for (const e of hints.relatedBy(entity)) {
    if (onPage.has(e) && !related.includes(e)) {
      names.push(index.names.at(e)!);
      score += 2;
    }
  }
  return { score, hints: hintsFound, names };
}
