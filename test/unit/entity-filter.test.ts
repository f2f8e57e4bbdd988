/** The popup's filter finds an entity by the form the page wrote it in: the forms a tab reports, merged across frames, and the filter. */
import { describe, expect, it, vi } from 'vitest';
import { addWrittenForm } from '../../content-scripts/written-forms';
import { filterEntities, searchKey } from '../../popup/filter-entities';
import { recordFrame, tabEntities } from '../../src/background/tab-results';
import type { EntityCount } from '../../src/protocol';

const stored: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => ({ [key]: stored[key] }),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, structuredClone(items)),
        remove: async () => undefined,
      },
    },
  },
}));

const entity = (id: string, name: string, seen: string[] = []): EntityCount => ({ id, name, category: 'person', count: 1, seen });

describe('the forms a page writes a name in', () => {
  it('keeps what the name does not already say, once, as it reads', () => {
    const cisa = entity('agency:cisa', 'Cybersecurity and Infrastructure Security Agency');
    for (const written of ['CISA', 'cisa', 'Cybersecurity and Infrastructure Security Agency', 'Security Agency', 'C\u00adISA', '']) addWrittenForm(cisa, written);
    expect(cisa.seen).toEqual(['CISA']);
    const esper = entity('person:mark-esper', 'Mark Esper');
    for (const written of ['Esper', 'Mark\n  Esper', 'Mark\u00a0Esper']) addWrittenForm(esper, written);
    expect(esper.seen).toEqual([]);
    const whiteHouse = entity('agency:white-house', 'White House');
    for (const written of ['the White House', 'The White House', 'the Pentagon']) addWrittenForm(whiteHouse, written);
    expect(whiteHouse.seen).toEqual(['the Pentagon']);
  });

  it('keeps a few forms and no more, each of a bounded length', () => {
    const e = entity('company:x', 'X Corp');
    for (const written of ['Twitter', 'twitter', 'X', 'Twitter Inc', 'Twitter Inc.', 'T'.repeat(500)]) addWrittenForm(e, written);
    expect(e.seen).toEqual(['Twitter', 'Twitter Inc', 'Twitter Inc.']);
    const long = entity('company:y', 'Y');
    addWrittenForm(long, 'Z'.repeat(500));
    expect(long.seen).toEqual(['Z'.repeat(100)]);
  });
});

describe("a tab's forms across its frames", () => {
  it('are merged per entity, a few at most, and a record without them reads as none', async () => {
    const url = 'https://news.example/story';
    await recordFrame(1, 0, { url, host: 'news.example', entities: [entity('company:x', 'X Corp', ['Twitter'])] });
    await recordFrame(1, 3, { url, host: 'news.example', entities: [entity('company:x', 'X Corp', ['Twitter', 'X.com', 'Twitter Inc'])] });
    // A frame's record as a previous version stored it.
    await recordFrame(1, 4, { url, host: 'news.example', entities: [{ id: 'company:x', name: 'X Corp', category: 'company', count: 1 } as unknown as EntityCount] });
    await recordFrame(1, 5, { url, host: 'news.example', entities: [entity('company:x', 'X Corp', ['Tweeter'])] });
    const tab = await tabEntities(1);
    expect(tab?.entities).toEqual([{ id: 'company:x', name: 'X Corp', category: 'person', count: 4, seen: ['Twitter', 'X.com', 'Twitter Inc'] }]);
  });
});

describe("the popup's filter", () => {
  const page = [
    entity('agency:cisa', 'Cybersecurity and Infrastructure Security Agency', ['CISA']),
    entity('person:nicusor-dan', 'Nicușor Dan'),
    entity('person:christopher-krebs', 'Christopher Krebs', ['Chris Krebs']),
    entity('place:sao-paulo', 'São Paulo'),
  ];
  const ids = (q: string) => filterEntities(page, q).map((e) => e.id);

  it('finds an entity by the form the page wrote it in, not only by its name', () => {
    expect(ids('CISA')).toEqual(['agency:cisa']);
    expect(ids('cis')).toEqual(['agency:cisa']);
    expect(ids('chris k')).toEqual(['person:christopher-krebs']);
  });

  it('ignores case, accents and extra spaces', () => {
    expect(ids('nicusor')).toEqual(['person:nicusor-dan']);
    expect(ids('  SAO   paulo ')).toEqual(['place:sao-paulo']);
    expect(searchKey('Nicușor  Dan')).toBe('nicusor dan');
  });

  it('lists everything for a blank query and nothing for a name not there', () => {
    expect(ids('   ')).toHaveLength(page.length);
    expect(ids('Pentagon')).toEqual([]);
  });

  it('copes with a report a previous version stored, without written forms', () => {
    const old = [{ id: 'person:a', name: 'Ann Lee', category: 'person', count: 1 } as unknown as EntityCount];
    expect(filterEntities(old, 'lee')).toHaveLength(1);
    expect(filterEntities(old, 'xyz')).toHaveLength(0);
  });
});
