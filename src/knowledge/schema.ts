/**
 * The knowledge schema: what Gloss knows about one entity.
 *
 * The same shape serves the bundled knowledge (`knowledge/knowledge.json`, generated), the curated
 * files (`knowledge/curated/*.json`, written by us) and users' knowledge packs. The runtime
 * validator lives in `validate-entity.ts`; the build compiles entities into the compact alias index
 * the worker matches with (`compile-index.ts`) and the card details loaded lazily by id.
 */

/** Highlight categories: each paints as `gloss-<category>` in `CSS.highlights`. */
export const CATEGORIES = ['person', 'agency', 'company', 'place', 'organization'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Finer kinds of entity, for cards and disambiguation; each belongs to one category. */
export const ENTITY_TYPES = {
  person: 'person',
  agency: 'agency', // a government department, agency, office or court
  legislature: 'agency',
  company: 'company',
  'market-index': 'company', // a stock market index ("the Dow"): business news, painted with companies
  outlet: 'organization', // a news organisation
  'intl-org': 'organization',
  party: 'organization',
  organization: 'organization',
  /**
   * A professional sports team ("Minnesota Wild"). Its nickname alone ("Wild", "Bruins") links only on
   * a page of its sport; its place's name ("Minnesota held on") links to it only where the page names it.
   */
  team: 'organization',
  country: 'place',
  /**
   * A state, province or region of a country ("Ohio", "Bavaria"). Its name is often borrowed whole by
   * teams, people and institutions ("Texas Rangers", "Indiana Jones"): it links only where no other
   * capitalised word extends it.
   */
  region: 'place',
  /** A city ("Moscow", "New York City"): its name is borrowed as a region's is, and by towns elsewhere ("Moscow, Idaho"). */
  city: 'place',
  place: 'place',
} as const satisfies Record<string, Category>;
export type EntityType = keyof typeof ENTITY_TYPES;

/**
 * How an alias relates to its entity. Kinds decide whether a match may link on its own:
 * - `name`: the full, specific name ("Christopher Krebs", "Cybersecurity and Infrastructure Security Agency").
 * - `short`: a shorter but still specific form ("Chris Krebs", "Homeland Security").
 * - `surname`: a person's surname ("Krebs"): links only by coreference, a title cue, context,
 *   or when flagged `standalone` (famous surnames such as "Trump").
 * - `acronym`: "CISA", "FBI": case-sensitive by nature.
 * - `informal`: a nickname or metonym ("the Pentagon", "the Fed", "Foggy Bottom").
 * - `former`: a former name ("Facebook" for Meta): links, and the card says so.
 * - `ticker`: a stock symbol; never links on its own (tickers are often English words).
 */
export const ALIAS_KINDS = ['name', 'short', 'surname', 'acronym', 'informal', 'former', 'ticker'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

export interface Alias {
  text: string;
  kind: AliasKind;
  /** Only the exact case links (default true for acronyms, false otherwise). */
  caseSensitive?: boolean;
  /** Links only when the page's context supports this entity (hints.context words nearby). */
  needsContext?: boolean;
  /** The alias is also an ordinary English word ("Apple", "WHO", "Target"): needs context or a cue. */
  commonWord?: boolean;
  /** A surname famous enough to link alone in news ("Trump", "Putin", "Biden"). */
  standalone?: boolean;
  /**
   * A name every country gives its own institution ("Supreme Court", "Congress", "Democratic Party"):
   * it means this (American) one except on a page mostly about another country, where it is left
   * unlinked: an Indian story's "Supreme Court" is India's.
   */
  domestic?: boolean;
}

export interface Fact {
  /** What the fact is ("Director", "Founded", "Headquarters"). */
  label: string;
  value: string;
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) bounding the fact, when it has a time span. */
  from?: string;
  to?: string;
  /** When this fact was last checked true (ISO date). */
  asOf: string;
  /** A link a reader can check the fact at (https only). */
  source?: string;
}

export interface Link {
  label: string;
  url: string; // https only
}

/**
 * Shared lists of context words, named in `hints.context` as `#name`: each word of the list counts as
 * a hint of its own. The hundreds of members of Congress whose plain full names need their page to be
 * about politics share one list instead of carrying it each (63 KB of the packed index).
 */
export const CONTEXT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'us-politics': [
    'congress', 'congressional', 'congressman', 'congresswoman', 'lawmaker', 'lawmakers', 'senate', 'senator', 'capitol',
    'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'gop', 'caucus', 'legislation', 'white house',
  ],
  // Words of one sport only, for its teams' nicknames ("the Heat", "Bills", "Senators"), which link only
  // on a sports page besides: not "season", "points" or "coach", which a weather or a political story
  // has as often, and no two-word hints ("power play", "home run"), which count when each word is anywhere.
  nfl: ['nfl', 'quarterback', 'quarterbacks', 'touchdown', 'touchdowns', 'linebacker', 'linebackers', 'cornerback', 'afc', 'nfc', 'kickoff', 'tailback', 'punter'],
  nba: ['nba', 'basketball', 'rebounds', 'rebound', 'three-pointer', '3-pointer', 'layup', 'dunk', 'dunks', 'tipoff'],
  mlb: ['mlb', 'baseball', 'inning', 'innings', 'pitcher', 'pitchers', 'bullpen', 'homer', 'homers', 'shortstop', 'rbi', 'strikeouts', 'outfielder', 'infielder'],
  nhl: ['nhl', 'hockey', 'goalie', 'goaltender', 'defenseman', 'defensemen', 'puck', 'shutout', 'faceoff'],
  wnba: ['wnba', 'basketball', 'rebounds', 'rebound', 'three-pointer', '3-pointer', 'layup', 'dunk', 'tipoff'],
  ncaa: ['ncaa', 'heisman', 'redshirt', 'quarterback', 'touchdown', 'touchdowns', 'linebacker', 'cornerback', 'recruiting', 'freshman', 'sophomore', 'basketball', 'bowl-eligible', 'playoff'],
  soccer: ['soccer', 'footballer', 'footballers', 'midfielder', 'midfielders', 'goalkeeper', 'goalkeepers', 'striker', 'winger', 'relegation', 'uefa', 'fifa', 'bundesliga', 'laliga', 'matchday', 'mls'],
};

/** `hints.context` with its `#group` names replaced by their words. */
export function expandContext(hints: readonly string[]): string[] {
  return hints.flatMap((h) => (h.startsWith('#') ? (CONTEXT_GROUPS[h.slice(1)] ?? []) : [h]));
}

export interface Hints {
  /** Words whose presence in the page supports this entity (lower-case), or `#group` names (`CONTEXT_GROUPS`). */
  context?: string[];
  /** Ids of entities that, when found on the same page, support this entity. */
  related?: string[];
  /** Titles that cue this entity before a surname ("Defense Secretary", "Sen.", "President"). */
  titles?: string[];
}

export interface Entity {
  /** Stable namespaced id: `<namespace>:<key>` ("bioguide:S001217", "curated:christopher-krebs"). */
  id: string;
  type: EntityType;
  /** Highlight category; derived from `type` when absent. */
  category?: Category;
  name: string;
  aliases: Alias[];
  /** One paragraph of plain text (never HTML): generated from facts, public-domain text, or ours. */
  description: string;
  facts?: Fact[];
  links: Link[];
  hints?: Hints;
  /** 0..1: how often news names this entity; breaks ties between candidates. */
  salience?: number;
  status?: 'current' | 'former';
  /** When the entity's record was last checked true (ISO date). */
  asOf: string;
  /** Ids of entries in `knowledge/sources.json` (or a pack's own) this record comes from. */
  sources: string[];
  /** Cross-reference ids used to merge duplicates across sources. */
  refs?: { wikidata?: string; bioguide?: string; [key: string]: string | undefined };
}

export interface Source {
  id: string;
  name: string;
  /** A short name for the card's source line ("CIA World Factbook"); the credits give `name` in full. */
  label?: string;
  url: string;
  licence: string;
  /** Credit line that must be shown, when the licence requires one. */
  attribution?: string;
}

export interface KnowledgeFile {
  version: 1;
  /** Date of the newest source (never the wall clock: generation is deterministic). */
  generated: string;
  sources: Source[];
  entities: Entity[];
  /**
   * Given names beyond those of the people in `entities` (the bundled file: every member of Congress
   * since 1789). A capitalised given name right before a known surname makes it someone the knowledge
   * does not know: "Allison Gore" is not Al Gore.
   */
  firstNames?: string[];
}

export function categoryOf(entity: Pick<Entity, 'type' | 'category'>): Category {
  return entity.category ?? ENTITY_TYPES[entity.type];
}
