/**
 * The fast tokenizer (`scanTokens`: typed arrays, hashes with ASCII case folded on the fly) gives
 * the same tokens as the reference `tokenize`, and each hash is the hash of the reference key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWordCharacter } from '../../src/match/char-class';
import { encodeUtf8, hashKey, keyAt, scanTokens, TokenBuffer, TokenFlag, tokenize } from '../../src/match/tokenize';

const piece = fc.oneof(
  fc.constantFrom('Christopher Krebs', 'CISA', 'Trump’s', 'AT&T', 'Ω', 'ΟΔΟΣ', 'İstanbul', 'Straße', 'e\u0301', '🦊', 'עברית', '\u00ad', '\u200b', '\u00a0', '\u2013', '\uff0e', ' ', '\n', '.'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ maxLength: 8 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function fast(t: string, buf = new TokenBuffer()) {
  scanTokens(t, buf);
  return Array.from({ length: buf.count }, (_, i) => ({
    start: buf.start[i]!, end: buf.end[i]!, key: keyAt(t, buf, i), isWord: (buf.flags[i]! & TokenFlag.Word) !== 0, hash: buf.hash[i]!,
  }));
}

describe('encodeUtf8', () => {
  it('writes what TextEncoder writes, short texts (encoded here) and long ones (natively), lone surrogates too', () => {
    const encoder = new TextEncoder();
    const units = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\ud83e', '\udd8a', '🦊', 'é', '\u07ff', '\u0800', '\uffff', 'a'));
    fc.assert(
      fc.property(fc.array(units, { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (parts, repeat) => {
        const t = parts.join('').repeat(repeat);
        const bytes = new Uint8Array(t.length * 3 + 1);
        const n = encodeUtf8(t, bytes);
        expect(Array.from(bytes.subarray(0, n))).toEqual(Array.from(encoder.encode(t)));
      }),
      { numRuns: 500 },
    );
    const lone = new Uint8Array(16);
    expect(Array.from(lone.subarray(0, encodeUtf8('a\ud800b', lone)))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });
});

describe('scanTokens', () => {
  it('gives the reference tokens, with the hash of each key', () => {
    const buf = new TokenBuffer(); // reused, as the matcher does
    fc.assert(
      fc.property(text, (t) => {
        const got = fast(t, buf);
        expect(got.map(({ hash: _, ...token }) => token)).toEqual(tokenize(t));
        for (const token of got) expect(token.hash).toBe(hashKey(token.key));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['', []],
    ['Krebs said', ['krebs', 'said']],
    ['KREBS’s', ['krebs', "'", 's']],
    ['Chris\u00adtopher\u200b Krebs', ['christopher', 'krebs']],
    ['Zoë Ögren', ['zoë', 'ögren']],
    ['ΟΔΟΣ', ['ΟΔΟΣ'.toLowerCase()]],
    ['co\u2013chair', ['co', '-', 'chair']],
  ])('%j → %j', (t, keys) => {
    expect(fast(t).map((x) => x.key)).toEqual(keys);
  });

  it('classifies Latin-1 and General Punctuation without the RegExp exactly as the RegExp does', () => {
    const invisible = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
    const space = (c: number) => c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x2028 || c === 0x2029;
    for (const [from, to] of [[0xa0, 0xff], [0x2010, 0x205e]] as const) {
      for (let c = from; c <= to; c++) {
        if (invisible(c) || space(c)) continue;
        const ch = String.fromCharCode(c);
        const isWordChar = /[\p{L}\p{N}\p{M}]/u.test(ch);
        expect([c.toString(16), tokenize(`a${ch}b`).length === 1]).toEqual([c.toString(16), isWordChar]);
      }
    }
  });

  it('grows past its first buffer, however densely the text is cut into tokens', () => {
    // A word and a space a token; every character a token; two-byte characters; long words, then dense punctuation.
    for (const t of ['a '.repeat(5000), '.,'.repeat(3000), 'é.’'.repeat(2000), `${`${'x'.repeat(40)} `.repeat(300)}${'!?'.repeat(2000)}`]) {
      expect(fast(t).map(({ hash: _, ...token }) => token)).toEqual(tokenize(t));
    }
  });
});

describe('character classes', () => {
  it('reads each non-ASCII character of the BMP as the Unicode classes say (the fast paths included)', () => {
    const wrong: string[] = [];
    for (let code = 0x80; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const ignorable = code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
      const space = (/\s/.test(ch) || code === 0x85) && !ignorable; // NEL too: a line break
      const word = /[\p{L}\p{N}\p{M}]/u.test(ch);
      const expected = ignorable ? ['xy'] : space ? ['x', 'y'] : word ? [`x${ch}y`.toLowerCase()] : ['x', ch, 'y'];
      const got = tokenize(`x${ch}y`).map((t) => t.key);
      // Punctuation keys are normalised (curly quotes, dashes): compare the token count for those.
      if (got.length !== expected.length || (expected.length !== 3 && got.join() !== expected.join())) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('tells a block with a word character from one of symbols, punctuation and emoji alone, as the Unicode classes do', () => {
    const pieces = fc.constantFrom(' ', '|', '•', '©', '™', '—', '😀', '𝓧', 'ª', '½', 'é', 'Ω', '\u0301', '\u00ad', 'a', '7', '\ud800', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        expect(hasWordCharacter(text)).toBe(/[\p{L}\p{N}\p{M}]/u.test(text));
      }),
      { numRuns: 500 },
    );
    expect(hasWordCharacter('© 2026 · Privacy | Terms')).toBe(true);
    expect(hasWordCharacter(' • — | © ™ 😀 ')).toBe(false);
    // A lone surrogate before a letter from an astral plane.
    expect(hasWordCharacter('\ud800𝓧')).toBe(true);
  });
});
