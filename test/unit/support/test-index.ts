/** Small hand-made knowledge for matcher tests: each row a trap or a rule, independent of the bundled data. */
import { compileIndex } from '../../../src/knowledge/compile-index';
import type { Alias, Entity, EntityType, Hints } from '../../../src/knowledge/schema';
import { buildAliasTrie } from '../../../src/match/alias-trie';
import { findMentions } from '../../../src/match/find-mentions';
import type { LinkOptions } from '../../../src/match/link-mentions';

export function entity(id: string, type: EntityType, name: string, aliases: Alias[], hints?: Hints, salience?: number): Entity {
  const e: Entity = {
    id, type, name, aliases, description: `${name}.`, links: [{ label: 'x', url: 'https://example.org/' }],
    asOf: '2026-01-01', sources: ['test'],
  };
  if (hints) e.hints = hints;
  if (salience !== undefined) e.salience = salience;
  return e;
}

export function matcher(entities: Entity[]) {
  const index = compileIndex(entities);
  const trie = buildAliasTrie(index);
  /** Links `text` (paragraphs separated by blank lines) and returns "surface→id" strings in order. */
  return (text: string, options?: LinkOptions): string[] => {
    const blocks = text.split(/\n\s*\n/);
    return findMentions(blocks, index, trie, options).map((m) => `${blocks[m.block]!.slice(m.start, m.end)}→${index.ids[m.entity]}`);
  };
}
