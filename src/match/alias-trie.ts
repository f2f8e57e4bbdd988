/**
 * A token trie over every alias in a compiled index, built lazily: loading only buckets aliases by
 * their first word (one cheap pass), and the trie under a first word is built the first time a
 * page contains that word. A tab that loads 8,000 aliases builds a few hundred small subtrees.
 */
import type { CompiledIndex } from '../knowledge/compile-index';
import { tokenize } from './tokenize';

export interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Alias rows ending at this node. */
  aliases: number[] | undefined;
}

/** The lower-cased first word (or punctuation character) of an alias, as `tokenize` would key it. */
const FIRST_WORD = /^[\s\u00a0]*([\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060\ufeff]+|\S)/u;

export class AliasTrie {
  readonly #index: CompiledIndex;
  /** First-word key → alias rows, until the bucket is built into a subtree. */
  readonly #buckets = new Map<string, number[]>();
  readonly #built = new Map<string, TrieNode | null>();
  readonly #tokens = new Map<number, string[]>();

  constructor(index: CompiledIndex) {
    this.#index = index;
    for (let a = 0; a < index.aliasText.length; a++) {
      const m = FIRST_WORD.exec(index.aliasText[a]!);
      if (!m) continue;
      const key = tokenize(m[1]!)[0]?.key;
      if (key === undefined) continue;
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(a);
      else this.#buckets.set(key, [a]);
    }
  }

  /** The trie node for a first token's key, or undefined when no alias starts with it. */
  first(key: string): TrieNode | undefined {
    const built = this.#built.get(key);
    if (built !== undefined) return built ?? undefined;
    const bucket = this.#buckets.get(key);
    if (!bucket) return undefined;
    const root: TrieNode = { next: undefined, aliases: undefined };
    for (const a of bucket) {
      const text = this.#index.aliasText[a]!;
      const tokens = tokenize(text);
      if (tokens.length === 0 || tokens[0]!.key !== key) continue;
      this.#tokens.set(a, tokens.map((t) => text.slice(t.start, t.end)));
      let node = root;
      for (let i = 1; i < tokens.length; i++) {
        node.next ??= new Map();
        let child = node.next.get(tokens[i]!.key);
        if (!child) {
          child = { next: undefined, aliases: undefined };
          node.next.set(tokens[i]!.key, child);
        }
        node = child;
      }
      (node.aliases ??= []).push(a);
    }
    this.#built.set(key, root);
    this.#buckets.delete(key);
    return root;
  }

  /** Each token's surface of an alias (for the case rules); only asked for aliases whose bucket is built. */
  tokensOf(alias: number): string[] {
    let tokens = this.#tokens.get(alias);
    if (!tokens) {
      const text = this.#index.aliasText[alias]!;
      tokens = tokenize(text).map((t) => text.slice(t.start, t.end));
      this.#tokens.set(alias, tokens);
    }
    return tokens;
  }
}

export function buildAliasTrie(index: CompiledIndex): AliasTrie {
  return new AliasTrie(index);
}
