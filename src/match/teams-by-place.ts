/**
 * Place names that are teams' names: "Minnesota beat Buffalo", "Houston (9-3) plays San Diego State",
 * "two goals for Ottawa". A team is called by its state or city in every line of a sports story, and
 * the place's card there would tell the reader something false: such a name links to the team of that
 * place the page names ("the Wild", "the Minnesota Wild"), and otherwise to nothing.
 *
 * Three levels of evidence, each a little wider:
 * - the words around one mention (`isTeamByItsPlace`): a score, a record, a result, a player's role;
 * - the page: a state's or a city's name that one mention shows to be a team's is a team's all over
 *   the page, except where it is plainly the place ("in Buffalo", "a St. Louis native");
 * - a sports page (`isSportsPage`: the words of play-by-play and rosters): every state's and city's
 *   name on it is a team's, except where it is plainly the place.
 * Countries are left out of the last two: a national team's card is its country's, near enough.
 */
import { AliasFlag, aliasKindOf, type CompiledIndex } from '../knowledge/compile-index';
import { CATEGORIES } from '../knowledge/schema';
import type { Candidate } from './find-candidates';
import type { IntSet } from './int-set';
import { hashKey } from './tokenize';

/** What the rules here read of a match: `link-mentions.ts`'s spans are these. */
export interface PlaceSpan {
  readonly candidate: Candidate;
  readonly key: string;
  /** Entity → the alias rows matched here. */
  readonly entities: ReadonlyMap<number, readonly number[]>;
}

const PLACE = CATEGORIES.indexOf('place');

/**
 * After a place's name, what makes it a team's ("Alabama 24-21", "Michigan coach Sherrone Moore",
 * "France striker", "Georgia quarterback", "Texas football", "Houston (9-3)", "Anaheim defenseman").
 * Not "defense" ("Israel Defense Forces") nor "forward" ("to move Ohio forward").
 */
const TEAM_AFTER =
  /^[ \u00a0]+(?:\d{1,3}[-–]\d{1,3}(?![\d-])|\(\d{1,2}-\d{1,2}(?:-\d{1,2})?(?:,[ \u00a0]*\d{1,2}-\d{1,2}(?:-\d{1,2})?)?\)|(?:head[ \u00a0]+|assistant[ \u00a0]+)?coach(?:es)?\b|captain\b|manager\b|skipper\b|defender\b|winger\b|quarterback|QB\b|running[ \u00a0]+back|wide[ \u00a0]+receiver|tight[ \u00a0]+end|linebacker|cornerback|(?:point[ \u00a0]+|shooting[ \u00a0]+)?guard\b|pitcher|catcher\b|outfielder|infielder|shortstop|striker|goalkeeper|goaltender|goalie|defensem[ae]n\b|midfielder|(?:offensive|defensive)[ \u00a0]+(?:coordinator|line(?:man|men)?|end|back|tackle)\b|athletic[ \u00a0]+director|(?:football|basketball|baseball|softball|hockey|soccer|volleyball)\b)/;

/** "Minnesota's game at Northwestern", "Houston's head coach": a team's (not "Texas's loss in court", "Michigan's game of chicken"). */
const TEAM_POSSESSION_AFTER =
  /^['\u2019]s[ \u00a0]+(?:(?:head|interim|new|former|starting|backup)[ \u00a0]+)?(?:game|games|roster|lineup|quarterback|coach|starters?|bullpen|rotation|offensive[ \u00a0]+line|secondary|receivers|goaltender|goalie)\b(?![ \u00a0]+of\b)/;

/**
 * Before a state's or a city's name, what only a team's takes: "scored for Ottawa", "traded to
 * Detroit", "an assistant coach at Texas", "a loss at Minnesota", "a game against Pittsburgh". Not what
 * a state's government or economy takes as well, for one such mention makes the name a team's all over
 * its page: "committed to Texas" (an investment), "signed with Texas" (a deal), "a win over Texas" or
 * "a loss to Texas" (a lawsuit's, a budget's).
 */
const TEAM_BEFORE = new RegExp(
  '(?:^|[^\\p{L}])(?:' +
    [
      '(?:scored|goals?|points|saves|assists|played|plays|playing|starred|stars|pitched|pitches)[ \\u00a0]+for',
      '(?:traded|trades)[ \\u00a0]+to',
      '(?:coach|coordinator|quarterback|starter|walk-on|freshman|sophomore)[ \\u00a0]+at',
      '(?:loss|losses|defeat|defeats|win|wins|victory|victories)[ \\u00a0]+at',
      '(?:game|games|matchup|matchups)[ \\u00a0]+(?:at|against|vs\\.?|versus)',
      // "lost 20-10 at Houston", "won 3-2 over Boston"
      '\\d{1,3}[-–]\\d{1,3}[ \\u00a0]+(?:at|against|over|to|in[ \\u00a0]+overtime[ \\u00a0]+(?:at|against|over|to))',
    ].join('|') +
    ')[ \\u00a0]+(?:the[ \\u00a0]+)?$',
  'u',
);

/** "lifted Florida past Tampa Bay", "led Texas to a 10-2 record", "carried Ohio to victory": after a verb in `LEADS_BEFORE`. */
const LEADS_AFTER = /^[ \u00a0]+(?:past|over)[ \u00a0]|^[ \u00a0]+to[ \u00a0]+(?:(?:a|an|the|its|their)[ \u00a0]+)?(?:\d|win\b|victory|title|championship|crown)/;
const LEADS_BEFORE = /(?:^|[^\p{L}])(?:lift|lifts|lifted|lead|leads|led|carry|carries|carried|propel|propels|propelled|power|powers|powered)[ \u00a0]+$/u;

/**
 * "Georgia beat Alabama 24-21", "Michigan coach Sherrone Moore": a place's name followed by a score or a
 * sports role is the team that carries it, not the place (a team's page names its state in every line).
 */
export function isTeamByItsPlace(text: string, span: PlaceSpan, index: CompiledIndex): boolean {
  // "Wales beat Hungary 2-0" beside Brandon Wales: a bare surname is no team either.
  if (!isPlaceOrBareSurname(span, index)) return false;
  // "Minnesota beat Buffalo", "lost to Green Bay", "Buffalo edged the Rangers": states and cities do
  // not beat one another (countries do, in wars: "Israel defeated Egypt" is left alone).
  return (isStateOrCityOnly(span, index) && hasResultOrPlay(text, span)) || hasScoreOrRole(text, span);
}

/** "Nashville SC", "the US Open", "the Boston Marathon": a place's name inside a club's or an event's, which the knowledge does not have. */
export function isInClubOrEventName(text: string, span: PlaceSpan, index: CompiledIndex): boolean {
  return isPlaceOrBareSurname(span, index) && CLUB_OR_EVENT_AFTER.test(text.slice(span.candidate.end, span.candidate.end + 24));
}

/** Whether entity `e` is a team: teams' records are in the `team:` namespace (`validate-entity.ts` holds a `team` to it), since the index keeps no types. */
export function isTeam(index: CompiledIndex, e: number): boolean {
  return index.ids.at(e)!.startsWith('team:');
}

/** A result, a record or a game around the name: "beat Buffalo", "Houston's roster", "scored for Ottawa". */
function hasResultOrPlay(text: string, span: PlaceSpan): boolean {
  const { start, end } = span.candidate;
  const before = text.slice(Math.max(0, start - 36), start);
  const after = text.slice(end, end + 60);
  if (RESULT_BEFORE.test(before) || TEAM_BEFORE.test(before) || (LEADS_BEFORE.test(before) && LEADS_AFTER.test(after))) return true;
  return RESULT_AFTER.test(after) || RECORD_AFTER.test(after) || TEAM_POSSESSION_AFTER.test(after);
}

/** A score or a player's role after the name; not a player's country ("Yasutaka Uchiyama of Japan 6-7, 6-4"). */
function hasScoreOrRole(text: string, span: PlaceSpan): boolean {
  const { start, end } = span.candidate;
  const after = text.slice(end, end + 60);
  return (TEAM_AFTER.test(after) || BEAT_TEAM_WITH_SCORE.test(after)) && !OF_BEFORE.test(text.slice(Math.max(0, start - 4), start));
}

/** The span may be a place, and otherwise only someone's bare surname ("Wales", beside Brandon Wales). */
export function isPlaceOrBareSurname(span: PlaceSpan, index: CompiledIndex): boolean {
  let place = false;
  for (const [e, rows] of span.entities) {
    if (index.cats[e] === PLACE) place = true;
    else if (index.cats[e] !== 0 || !rows.every((a) => aliasKindOf(index.aliasFlags[a]!) === 'surname')) return false;
  }
  return place;
}

/** Every place the span may be is a state's or a city's (not a country's); a bare surname may be there too. */
function isStateOrCityOnly(span: PlaceSpan, index: CompiledIndex): boolean {
  for (const [e, rows] of span.entities) {
    if (index.cats[e] !== PLACE) continue;
    if (!rows.every((a) => index.aliasFlags[a]! & (AliasFlag.Region | AliasFlag.City))) return false;
  }
  return true;
}

/**
 * The nations of the United Kingdom: states of a kind, whose national teams are named as countries'
 * are. "England manager" says nothing of the page's other "England"s.
 */
const HOME_NATIONS = new Set(['place:england', 'place:scotland', 'place:wales', 'place:northern-ireland']);

/**
 * A state's or a city's name, and otherwise only a bare surname: what the page-wide rules here may take
 * for a team's (not a home nation's).
 */
export function isStateOrCityName(span: PlaceSpan, index: CompiledIndex): boolean {
  if (!isPlaceOrBareSurname(span, index) || !isStateOrCityOnly(span, index)) return false;
  for (const e of span.entities.keys()) if (HOME_NATIONS.has(index.ids.at(e)!)) return false;
  return true;
}

// Not "topped", "swept", "stunned", "upset" or "fell to": "California tops Texas", "the storm swept
// Florida", "the news stunned Ohio", "Mariupol fell to Russian forces".
const RESULT_VERBS = 'beat|beats|defeated|defeats|edged|edges|routed|routs|blanked|blanks|outlasted|outlasts|lost[ \\u00a0]+to|loses[ \\u00a0]+to';
/** "beat Buffalo", "lost to the Green Bay": a result's other side. */
const RESULT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${RESULT_VERBS})[ \\u00a0]+(?:the[ \\u00a0]+)?$`, 'u');
/** "Buffalo edged the Rangers", "Green Bay beat Chicago": a result and its other side. */
const RESULT_AFTER = new RegExp(`^[ \\u00a0]+(?:${RESULT_VERBS})[ \\u00a0]+(?:the[ \\u00a0]+)?\\p{Lu}`, 'u');

/**
 * "Buffalo is on a 1-6-2 skid", "Washington fell to 3-6", "Kansas City is 6-7", "Houston lost 20-10",
 * "Toronto had led 3-2": a team's won-lost record or a game's score (not "Ohio is 50-50 on the bill").
 */
const RECORD_AFTER =
  /^[ \u00a0]+(?:(?:is|are|was|were|improved|improves|fell|falls|dropped|drops|moved|moves|climbed|climbs|slipped|slips)[ \u00a0]+(?:on[ \u00a0]+an?[ \u00a0]+|to[ \u00a0]+)?|(?:won|wins|lost|loses|finished|finishes|led|leads|trailed|trails|had[ \u00a0]+(?:led|trailed))[ \u00a0]+)(?!50-50)\d{1,3}-\d{1,3}(?:-\d{1,2})?(?![\d-])/;

/**
 * After a place's name, the rest of a club's or a tournament's name: "Nashville SC", "Leeds United",
 * "the US Open", "the Mexico City Grand Prix", "the Boston Marathon". Capitalised only: "Ohio open
 * primaries" is the state.
 */
const CLUB_OR_EVENT_AFTER =
  /^[ \u00a0]+(?:FC|SC|AFC|CF|United(?![ \u00a0]+(?:States|Kingdom|Nations|Arab))|Open|Masters|Grand[ \u00a0]+Prix|Marathon|Invitational|Classic)(?![\p{L}\p{N}])/u;

const OF_BEFORE = /(?:^|[^\p{L}])of[ \u00a0]+$/u;

/** "Turkey drew Iceland 0-0", "Wales beat Hungary 2-0": a result, the other side named, then the score. */
const BEAT_TEAM_WITH_SCORE = /^[ \u00a0]+(?:beat|beats|drew|draws|defeated|defeats|edged|tied|routed|upset|topped|tops|stunned|downed|blanked)[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}.'’-]*){0,2}[ \u00a0]+\d{1,3}[-–]\d{1,3}(?![\d-])/u;

// ---- Where a team's page still names the place ----

/** "in Buffalo", "across Texas", "downtown Dallas", "the state of Ohio", "relocate to Las Vegas". */
const PLACE_BEFORE =
  /(?:^|[^\p{L}])(?:[Ii]n|[Nn]ear|[Oo]utside|[Tt]hroughout|[Aa]cross|[Dd]owntown|[Ss]uburban|[Gg]reater|(?:[Ss]tate|[Cc]ity)[ \u00a0]+of|(?:go|goes|move|moves|moved|moving|relocate|relocates|relocated|relocating)[ \u00a0]+to)[ \u00a0]+$/u;

/**
 * "a St. Louis native", "Minnesota Gov. Tim Walz", "Ohio voters", "the Dallas skyline", "Houston-based",
 * "Cleveland, OH": after the name, a word of the place's own people, government or ground, or its state's code.
 */
const PLACE_AFTER =
  /^(?:[ \u00a0]+(?:natives?|residents?|Gov\.|Governor|governor|Lt\.[ \u00a0]+Gov\.|Mayor|mayor|Sen\.|Senator|Rep\.|Legislature|lawmakers|legislators|voters|officials|authorities|police|county|counties|National[ \u00a0]+Guard|Attorney[ \u00a0]+General|General[ \u00a0]+Assembly|State[ \u00a0]+(?:Senate|Assembly|Police|Capitol)|skyline|suburbs?|area|metro|region|streets|neighborhoods?|airport)(?![\p{L}\p{N}])|-(?:born|based|area)\b|,[ \u00a0]+[A-Z]{2}(?![\p{L}\p{N}]))/u;

/**
 * "BUFFALO, N.Y. —", "in Tuscaloosa, Alabama, and": a state's name after a town's and a comma; without
 * a preposition before the town, not in a list ("Ohio State, Michigan and Penn State").
 */
const TOWN_AND_COMMA_BEFORE = /(?:^|[^\p{L}])\p{Lu}[\p{L}'’.-]*(?:[ \u00a0]\p{Lu}[\p{L}'’.-]*){0,2},[ \u00a0]$/u;
const TOWN_AFTER_PREPOSITION = /(?:^|[^\p{L}])(?:in|at|near|from|outside)[ \u00a0]+\p{Lu}[\p{L}'’.-]*(?:[ \u00a0]\p{Lu}[\p{L}'’.-]*){0,2},[ \u00a0]$/u;
const LIST_GOES_ON_AFTER = /^(?:,|[ \u00a0]+(?:and|or|&)[ \u00a0])/;

/** "LOS ANGELES (AP) —", "BUFFALO, N.Y. —": a dateline's place, in capitals at the start of a paragraph. */
const DATELINE_AFTER = /^(?:,[ \u00a0]+[\p{Lu}.]+[ \u00a0]*)?(?:[ \u00a0]*\([\p{L}.\s]+\))?[ \u00a0]*[—–-]/u;

/**
 * The words around the name say it is the place itself: "in Buffalo", "a St. Louis native", "Buffalo,
 * N.Y.", a dateline. `isTownOfRegion`-like readings that need the knowledge are left to the caller.
 */
export function namesThePlace(text: string, span: PlaceSpan, index: CompiledIndex): boolean {
  const { start, end } = span.candidate;
  // Each test only where the character it must end or begin with is there: most names have none of
  // these readings, and the tests before every place's name were a twentieth of a just-started
  // worker's linking.
  const gapBefore = isGap(text.charCodeAt(start - 1));
  const after = text.slice(end, end + 28);
  if (gapBefore && PLACE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  if (PLACE_AFTER_STARTS.has(text.charCodeAt(end)) && PLACE_AFTER.test(after)) return true;
  const surface = text.slice(start, end);
  if (surface === surface.toUpperCase() && /^[\s"“]*$/.test(text.slice(0, start)) && DATELINE_AFTER.test(after)) return true;
  if (!gapBefore || text.charCodeAt(start - 2) !== COMMA) return false;
  const region = [...span.entities.values()].some((rows) => rows.some((a) => index.aliasFlags[a]! & AliasFlag.Region));
  if (!region) return false;
  const town = text.slice(Math.max(0, start - 48), start);
  return TOWN_AFTER_PREPOSITION.test(town) || (TOWN_AND_COMMA_BEFORE.test(town) && !LIST_GOES_ON_AFTER.test(after));
}

const COMMA = 0x2c;
/** A space or a no-break space: what `PLACE_BEFORE` and the `TOWN_` patterns end with. */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0xa0;
}
/** The characters `PLACE_AFTER` may begin with. */
const PLACE_AFTER_STARTS = new Set([0x20, 0xa0, 0x2d, COMMA]);

// ---- A sports page ----

/**
 * Words of play and of rosters that other news rarely uses: a page with several of them is a sports
 * page. Each counts once however often it appears; the everyday ones (`SPORTS_WORDS_WEAK`) half.
 */
const SPORTS_WORDS = [
  'quarterback', 'quarterbacks', 'touchdown', 'touchdowns', 'playoff', 'playoffs', 'postseason', 'preseason', 'offseason',
  'inning', 'innings', 'halftime', 'rebounds', 'linebacker', 'cornerback', 'shortstop', 'bullpen', 'homered', 'goaltender',
  'goalie', 'defenseman', 'defensemen', 'puck', 'goalkeeper', 'midfielder', 'midfielders', 'footballer', 'footballers',
  'quarterbacked', 'tailback', 'wicket', 'batsman', 'heisman', 'redshirt',
];
/** Also everyday words, or other news's: "rookie lawmakers", "a striker" on a picket line, "a slam dunk", "a pitcher of water". */
const SPORTS_WORDS_WEAK = [
  'scored', 'scoring', 'saves', 'assists', 'overtime', 'coach', 'coaches', 'yards', 'teammate', 'teammates', 'standings',
  'roster', 'receiver', 'receivers', 'sacks', 'interception', 'interceptions', 'kickoff', 'rookie', 'rookies', 'striker',
  'dunk', 'dunks', 'pitcher', 'pitchers', 'relegation', 'winger',
];
/** Half-points: 3 full words, or 2 and two everyday ones. No non-sports page of the corpus scored over 2. */
const SPORTS_PAGE_MIN = 6;

/** The words as the page's word set holds them (one lower-case ASCII word each: its key is itself). */
let sportsHashes: { strong: number[]; weak: number[] } | undefined;

/** Whether the page's words (`IntSet` of key hashes, as the linker's context rules read them) are a sports story's. */
export function isSportsPage(words: IntSet): boolean {
  sportsHashes ??= { strong: SPORTS_WORDS.map(hashKey), weak: SPORTS_WORDS_WEAK.map(hashKey) };
  let halves = 0;
  for (const h of sportsHashes.strong) if (words.has(h)) halves += 2;
  for (const h of sportsHashes.weak) if (words.has(h)) halves += 1;
  return halves >= SPORTS_PAGE_MIN;
}

/**
 * Of a page's state and city names, those it gives a team's cue somewhere (`isTeamByItsPlace`), by key:
 * the page's other mentions of them are the team's too, unless they name the place (`namesThePlace`).
 */
export function teamNamesOnPage(spans: Iterable<PlaceSpan & { readonly block: number }>, texts: (block: number) => string, index: CompiledIndex): Set<string> {
  const keys = new Set<string>();
  for (const span of spans) {
    if (keys.has(span.key) || !isStateOrCityName(span, index)) continue;
    // Not an event's name ("the Boston Marathon"): the city is still the city beside it.
    const text = texts(span.block);
    if (hasResultOrPlay(text, span) || hasScoreOrRole(text, span)) keys.add(span.key);
  }
  return keys;
}
