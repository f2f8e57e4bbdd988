/**
 * What a card's "why" line lists for a name linked by its page's context: the few clues that tell a
 * reader something, each once. The linker scores with every hint and related entity it finds; a card
 * that read them all out said "minnesota, Minnesota", named the team it was explaining ("Buffalo
 * Sabres" for "Sabres"), cut the name itself into words ("Supreme Court … supreme, court") and ran
 * to ten items over four lines.
 */

/** Enough to say why; a fifth clue adds a line to the card, not a reason. */
export const MAX_CLUES = 4;

export interface ClueSources {
  /** Names of the related entities the page links, as the knowledge spells them, strongest first. */
  names: readonly string[];
  /** The entity's hint words the page has, as the knowledge lists them (lower case). */
  hints: readonly string[];
  /** The entity's own name and aliases: none of them is a reason to link to it. */
  own: readonly string[];
  /** The name as the page wrote it here: its own words explain nothing. */
  matched: string;
  /** How the page writes a hint ("NHL", "Bundesliga"), where it does. */
  spell?: (hint: string) => string;
}

const ONE_PLAIN_WORD = /^[a-z0-9]+$/i;

/** Runs of letters and digits. Matched, not split on what is between: a split compiles a sticky copy of its RegExp (~2 ms in a just-started worker). */
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case words; most clues are one plain word, which skips the Unicode RegExp (the linker's hot path). */
function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  return ONE_PLAIN_WORD.test(text) ? [lower] : (lower.match(WORD) ?? []);
}

/** "pitchers" and "pitcher", "homers" and "homer": one clue. */
const singular = (word: string) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/** "Major League Baseball" → "mlb": its acronym, which a hint list often has too. */
function initials(name: string): string | undefined {
  const capitals = name.split(' ').filter((w) => w[0] !== undefined && w[0] !== w[0].toLowerCase());
  return capitals.length >= 2 ? capitals.map((w) => w[0]!.toLowerCase()).join('') : undefined;
}

export function contextClues({ names, hints, own, matched, spell = (h) => h }: ClueSources): string[] {
  const isOwn = (lower: string) => own.some((o) => o.length === lower.length && o.toLowerCase() === lower);
  const matchedWords = new Set(wordsOf(matched));
  const namedWords = new Set<string>();
  const seen = new Set<string>();
  const clues: string[] = [];
  /** Whether a clue of these words says something new; `within`: words already said, a clue made only of which does not. */
  const isNew = (clue: string, words: readonly string[], within: ReadonlySet<string>): boolean => {
    const lower = clue.toLowerCase();
    const key = singular(lower);
    if (seen.has(key) || isOwn(lower)) return false;
    if (words.length === 0 || words.every((w) => matchedWords.has(w) || within.has(w))) return false;
    seen.add(key);
    return true;
  };
  for (const name of names) {
    const words = wordsOf(name);
    if (clues.length < MAX_CLUES && isNew(name, words, matchedWords)) clues.push(name);
    const acronym = initials(name);
    if (acronym) seen.add(acronym);
    for (const w of words) namedWords.add(w);
  }
  // "baseball" beside "Major League Baseball" is the same clue twice. Spelled only once chosen: the
  // page's spelling is looked for in its text.
  for (const hint of hints) if (clues.length < MAX_CLUES && isNew(hint, wordsOf(hint), namedWords)) clues.push(spell(hint));
  return clues;
}
