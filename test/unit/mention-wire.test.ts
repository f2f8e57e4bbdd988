/** What the worker sends a tab for a page: the same mentions, with entities, reasons and keys read back. */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { findMentions } from '../../src/match/find-mentions';
import { encodeMentions, MentionRows, WireMention, type WireMentions } from '../../src/match/mention-wire';
import { entity } from './support/test-index';

const index = compileIndex([
  entity('person:christopher-krebs', 'person', 'Christopher Krebs', [{ text: 'Christopher Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
  entity('person:brian-krebs', 'person', 'Brian Krebs', [{ text: 'Brian Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
  entity('agency:cisa', 'agency', 'Cybersecurity and Infrastructure Security Agency', [{ text: 'CISA', kind: 'acronym' }]),
]);
const trie = buildAliasTrie(index);
/** Every mention of the worker's answer, as the tab reads them (checked whole first). */
const decodeMentions = (wire: WireMentions, blockCount: number) => {
  const rows = new MentionRows(wire, blockCount);
  return Array.from({ length: rows.count }, (_, i) => new WireMention(rows, i));
};
const blocks = ['Christopher Krebs led CISA.', 'Krebs was fired. CISA said so.', 'Krebs again, then CISA.'];

describe('mention wire format', () => {
  it('round-trips every mention with its entity, category, key, reason and alternatives', () => {
    const corrections = new Map([['krebs', 'person:brian-krebs']]);
    const mentions = findMentions(blocks, index, trie, { corrections });
    expect(mentions.length).toBe(6);
    // What the tab reads of each (its fields are getters into the tables).
    const read = decodeMentions(JSON.parse(JSON.stringify(encodeMentions(mentions, index))), blocks.length).map((m) => ({
      block: m.block, start: m.start, end: m.end, id: m.id, name: m.name, category: m.category, key: m.key, reason: m.reason, alternatives: m.alternatives,
    }));
    expect(read).toEqual(
      mentions.map((m) => ({
        block: m.block,
        start: m.start,
        end: m.end,
        id: index.ids[m.entity],
        name: index.names[m.entity],
        category: index.ids[m.entity]!.startsWith('agency') ? 'agency' : 'person',
        key: m.key,
        reason: m.reason,
        alternatives: m.alternatives.map((e) => ({ id: index.ids[e], name: index.names[e] })),
      })),
    );
    // The corrected "Krebs" offers the other Krebs as "Not this one?".
    expect(read.find((m) => m.key === 'krebs')!.alternatives).toEqual([{ id: 'person:christopher-krebs', name: 'Christopher Krebs' }]);
  });

  it('sends each entity, reason and key once, however often it is mentioned', () => {
    const wire = encodeMentions(findMentions(blocks, index, trie), index);
    // Brian Krebs is there once too: as the other Krebs the surname could have meant.
    expect(wire.entities.map((e) => e.id).sort()).toEqual(['agency:cisa', 'person:brian-krebs', 'person:christopher-krebs']);
    expect(wire.rows.length / 6).toBe(6);
    expect(wire.keys.filter((k) => k === 'cisa')).toHaveLength(1);
    expect(new Set(wire.reasons.map((r) => JSON.stringify(r))).size).toBe(wire.reasons.length);
  });

  it('refuses a mention that points at a block the tab did not send, or outside a table, naming it', () => {
    const wire = encodeMentions(findMentions(blocks, index, trie), index);
    expect(() => decodeMentions(wire, 1)).toThrow(/mention \d+ points outside/);
    expect(() => decodeMentions({ ...wire, entities: [] }, blocks.length)).toThrow('mention 0 points outside');
    expect(() => decodeMentions({ ...wire, rows: wire.rows.slice(1) }, blocks.length)).toThrow('not a whole number of mentions');
    // Blocks go as differences: one that takes the count below zero is refused too.
    expect(() => decodeMentions({ ...wire, rows: [-1, ...wire.rows.slice(1)] }, blocks.length)).toThrow('mention 0 points outside');
    expect(() => decodeMentions({ ...wire, rows: [0, 0, 0, ...wire.rows.slice(3)] }, blocks.length)).toThrow('mention 0 points outside');
  });
});
