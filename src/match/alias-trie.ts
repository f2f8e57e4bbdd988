/**
 * A token trie over every alias in a compiled index. Built once per index (per tab, on first
 * match), then shared by every matching pass.
 */
import type { CompiledIndex } from '../knowledge/compile-index';
import { tokenize } from './tokenize';

export interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Alias rows ending at this node. */
  aliases: number[] | undefined;
}

export interface AliasTrie {
  root: Map<string, TrieNode>;
  /** Each alias's tokens' surfaces, for the case rules. */
  aliasTokens: string[][];
}

export function buildAliasTrie(index: CompiledIndex): AliasTrie {
  const root = new Map<string, TrieNode>();
  const aliasTokens: string[][] = [];
  for (let a = 0; a < index.aliasText.length; a++) {
    const text = index.aliasText[a]!;
    const tokens = tokenize(text);
    aliasTokens.push(tokens.map((t) => text.slice(t.start, t.end)));
    if (tokens.length === 0) continue;
    let level = root;
    let node: TrieNode | undefined;
    for (const token of tokens) {
      node = level.get(token.key);
      if (!node) {
        node = { next: undefined, aliases: undefined };
        level.set(token.key, node);
      }
      level = node.next ??= new Map();
    }
    (node!.aliases ??= []).push(a);
  }
  // Drop the empty child maps the loop above leaves on leaves.
  const prune = (m: Map<string, TrieNode>) => {
    for (const n of m.values()) {
      if (n.next && n.next.size === 0) n.next = undefined;
      else if (n.next) prune(n.next);
    }
  };
  prune(root);
  return { root, aliasTokens };
}
