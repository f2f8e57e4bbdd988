/**
 * Which characters are word characters, spaces, invisible or punctuation: the one definition the
 * matcher's tokenizer (tokenize.ts, in the worker) and the content script's reading of the page
 * (`hasWordCharacter`, collect-text.ts) share. Apart from the tokenizer so that a tab's script carries
 * none of the matcher's tables and buffers, and allocates nothing when it loads.
 */

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

export const enum CharClass {
  Word,
  Space,
  Ignorable,
  Punct,
}

/**
 * Classes of BMP characters above ASCII, filled on first sight (0 = not yet known, else class + 1).
 * Made on the first such character: a tab where Gloss is off never needs its 64 KB.
 */
let nonAsciiClass: Uint8Array | undefined;

export function classify(code: number, text: string, at: number): CharClass {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return CharClass.Word;
    if (code === 32 || (code >= 9 && code <= 13)) return CharClass.Space;
    return CharClass.Punct;
  }
  const classes = (nonAsciiClass ??= new Uint8Array(0x10000));
  const known = classes[code]!;
  if (known !== 0) return known - 1;
  const cls = classifyNonAscii(code, text, at);
  // Surrogates are classed by code alone, like every other BMP unit: safe to cache.
  classes[code] = cls + 1;
  return cls;
}

/** ª µ º (letters), ² ³ ¹ ¼ ½ ¾ (numbers): the word characters of U+0080–U+00BF. */
const LATIN1_WORDS = new Set([0xaa, 0xb5, 0xba, 0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe]);

/** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and sites put them inside names. */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

function classifyNonAscii(code: number, text: string, at: number): CharClass {
  if (isInvisible(code)) return CharClass.Ignorable;
  if (code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x2028 || code === 0x2029 || code === 0x85 || code === 0x1680) {
    return CharClass.Space;
  }
  // Lone surrogates belong to astral letters or emoji; treating them as word characters keeps pairs together.
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Word;
  // The common cases without the Unicode-property RegExp, whose first use costs a tab a millisecond or
  // two: Latin-1 letters (but × and ÷), and General Punctuation (curly quotes, dashes, bullets), none
  // of which is a letter, digit or mark.
  if (code >= 0xc0 && code <= 0xff) return code === 0xd7 || code === 0xf7 ? CharClass.Punct : CharClass.Word;
  // The rest of Latin-1 (© ® ° « » £ …) is symbols and punctuation, but for three letters and six digits.
  if (code < 0xc0) return LATIN1_WORDS.has(code) ? CharClass.Word : CharClass.Punct;
  // ™ and №, on many a news page.
  if (code === 0x2122 || code === 0x2116) return CharClass.Punct;
  if (code >= 0x2010 && code <= 0x205e) return CharClass.Punct;
  return NON_ASCII_WORD.test(text[at]!) ? CharClass.Word : CharClass.Punct;
}

/**
 * Whether `text` has a character `tokenize` reads as part of a word (a letter, digit or mark), with
 * the same classes, so without a Unicode-property RegExp for the symbols and punctuation of most pages.
 */
export function hasWordCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // Astral: letters (𝓧) and emoji alike; only the RegExp tells them apart. A lone surrogate is neither.
      const pair = code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair && NON_ASCII_WORD.test(text.slice(i, i + 2))) return true;
      if (pair) i++;
    } else if (classify(code, text, i) === CharClass.Word) return true;
  }
  return false;
}
