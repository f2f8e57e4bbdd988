import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, parsePack } from '../../src/packs/parse-pack';

const good = {
  id: 'local:zorblax', type: 'organization', name: 'Zorblax', aliases: [{ text: 'Zorblax Institute', kind: 'name' }],
  description: 'A test.', links: [{ label: 'x', url: 'https://example.org/' }], asOf: '2026-11-01',
};
const pack = (entities: unknown[], extra: object = {}) => JSON.stringify({ version: 1, name: 'Test', entities, ...extra });
const problems = (text: string) => {
  const r = parsePack(text, 'my-pack.json');
  return r.ok ? [] : r.problems.map((p) => `${p.where}: ${p.message}`);
};

describe('parsePack', () => {
  it('accepts a valid pack, taking the pack itself as the entities’ source', () => {
    const r = parsePack(pack([good]), 'my-pack.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.name).toBe('Test');
      expect(r.entities[0]!.sources).toEqual(['pack']);
    }
  });

  it('accepts a bare array of entities, named after the file', () => {
    const r = parsePack(JSON.stringify([good]), 'my-pack.json');
    expect(r.ok && r.name).toBe('my-pack');
  });

  it.each([
    ['not JSON', '{"entities": [', /my-pack\.json: not valid JSON/],
    ['wrong top-level type', '"hello"', /must be a JSON object with an "entities" array/],
    ['entities not an array', '{"entities": {}}', /"entities" must be an array/],
    ['empty', pack([]), /"entities" is empty/],
    ['too many entities', pack(Array(PACK_LIMITS.maxEntities + 1).fill(good)), /at most 20000/],
    ['a file too large', ' '.repeat(PACK_LIMITS.maxBytes + 1), /packs may be at most 5 MB/],
    ['duplicate ids', pack([good, good]), /entity local:zorblax: field id: duplicate id/],
    ['one-character alias', pack([{ ...good, aliases: [{ text: 'Z', kind: 'name' }] }]), /field aliases\[0\]\.text: must have at least two letters/],
    ['regex-like alias is just text, but needs letters', pack([{ ...good, aliases: [{ text: '.*', kind: 'name' }] }]), /aliases\[0\]\.text: must have at least two letters/],
    ['wrong types', pack([{ ...good, name: 42, aliases: 'Zorblax' }]), /field name: must be a string[\s\S]*field aliases: must be an array/],
    ['missing description', pack([{ ...good, description: undefined }]), /entity local:zorblax: field description: is required/],
    ['javascript: link', pack([{ ...good, links: [{ label: 'x', url: 'javascript:alert(1)' }] }]), /field links\[0\]\.url: must be an https: URL/],
    ['bad id', pack([{ ...good, id: 'No Namespace' }]), /field id: must be "<namespace>:<key>"/],
    ['unknown type', pack([{ ...good, type: 'spaceship' }]), /field type: must be one of/],
    ['bad date', pack([{ ...good, asOf: 'yesterday' }]), /field asOf: must be a date/],
    ['entity without id names its index', pack([{ ...good, id: undefined }]), /entity #0: field id: is required/],
  ])('rejects %s with a message naming the problem', (_, text, message) => {
    expect(problems(text).join('\n')).toMatch(message);
  });

  it('lists every problem of every entity, not just the first', () => {
    const list = problems(pack([{ ...good, id: 'local:a', description: '' }, { ...good, id: 'local:b', links: [] }, { ...good, id: 'local:c', type: 'x' }]));
    expect(list).toEqual([
      'my-pack.json: entity local:a: field description: must not be empty',
      'my-pack.json: entity local:b: field links: must list at least one link a reader can check',
      expect.stringMatching(/^my-pack\.json: entity local:c: field type: must be one of/),
    ]);
  });
});
