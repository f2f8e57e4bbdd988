/**
 * Splits text into the tokens the matcher compares: runs of letters/digits (words) and single
 * punctuation characters. Keys are lower-cased and normalised so that typographic variants match:
 * curly apostrophes, Unicode hyphens, soft hyphens and zero-width characters inside words, and
 * non-breaking spaces all read as their plain forms. Offsets always point into the original text.
 */

export interface Token {
  start: number;
  /** Exclusive. */
  end: number;
  /** Normalised, lower-cased form used for lookup. */
  key: string;
  isWord: boolean;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

const enum CharClass {
  Word,
  Space,
  Ignorable,
  Punct,
}

function classify(code: number, text: string, at: number): CharClass {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return CharClass.Word;
    if (code === 32 || (code >= 9 && code <= 13)) return CharClass.Space;
    return CharClass.Punct;
  }
  // Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and sites put them inside names.
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return CharClass.Ignorable;
  if (code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x2028 || code === 0x2029 || code === 0x85) {
    return CharClass.Space;
  }
  // Lone surrogates belong to astral letters or emoji; treating them as word characters keeps pairs together.
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Word;
  return NON_ASCII_WORD.test(text[at]!) ? CharClass.Word : CharClass.Punct;
}

/** Plain forms for punctuation that news sites write in several typographic variants. */
function punctKey(ch: string): string {
  switch (ch) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '\u2032':
      return "'";
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
      return '-';
    case '\uff0e':
      return '.';
    default:
      return ch;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classify(code, text, i);
    if (cls === CharClass.Space || cls === CharClass.Ignorable) {
      i++;
      continue;
    }
    if (cls === CharClass.Punct) {
      tokens.push({ start: i, end: i + 1, key: punctKey(text[i]!), isWord: false });
      i++;
      continue;
    }
    const start = i;
    let key = '';
    let runStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = classify(c, text, i);
      if (k === CharClass.Word) {
        i++;
      } else if (k === CharClass.Ignorable) {
        key += text.slice(runStart, i);
        i++;
        runStart = i;
      } else break;
    }
    key += text.slice(runStart, i);
    // Trailing ignorables belong outside the token so ranges end on a visible character.
    let end = i;
    while (end > start && classify(text.charCodeAt(end - 1), text, end - 1) === CharClass.Ignorable) end--;
    tokens.push({ start, end, key: key.toLowerCase(), isWord: true });
  }
  return tokens;
}

/** The visible characters of a token's surface, without soft hyphens or zero-width characters. */
export function visibleSurface(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) continue;
    out += text[i];
  }
  return out;
}
