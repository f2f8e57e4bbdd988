/** The entity validator: every kind of bad input gives a message naming file, entity and field. */
import { describe, expect, it } from 'vitest';
import { formatError, KNOWLEDGE_LIMITS, validateEntity, validateKnowledge, type KnowledgeError } from '../../src/knowledge/validate-entity';

const good = {
  id: 'person:ada-lovelace',
  type: 'person',
  name: 'Ada Lovelace',
  aliases: [{ text: 'Ada Lovelace', kind: 'name' }, { text: 'Lovelace', kind: 'surname' }],
  description: 'Mathematician who wrote about the Analytical Engine.',
  links: [{ label: 'example', url: 'https://example.org/ada' }],
  facts: [{ label: 'Born', value: 'London', from: '1815-12-10', asOf: '2026-01-01' }],
  hints: { titles: ['countess'], context: ['engine'], related: [] as string[] },
  salience: 0.4,
  status: 'former',
  asOf: '2026-01-01',
  sources: ['curated'],
};
const where = { file: 'knowledge/curated/test.json', index: 3 };
const messages = (raw: unknown) => validateEntity(raw, where).errors.map(formatError);
const long = (n: number) => 'a'.repeat(n);

describe('validateEntity', () => {
  it('accepts a good entity and returns it', () => {
    const { entity, errors } = validateEntity(good, where);
    expect(errors).toEqual([]);
    expect(entity?.id).toBe('person:ada-lovelace');
  });

  it('formats an error as "file: entity <id>: field <path>: message"', () => {
    const e: KnowledgeError = { file: 'a.json', entityId: 'org:x', field: 'aliases[0].kind', message: 'must be one of …' };
    expect(formatError(e)).toBe('a.json: entity org:x: field aliases[0].kind: must be one of …');
  });

  // [what is wrong, the entity, the error expected (file, entity and field always named)]
  it.each<[string, unknown, string | RegExp]>([
    ['not an object', 'hello', 'knowledge/curated/test.json: entity #3: field (entity): must be an object'],
    ['an array', [good], /entity #3: field \(entity\): must be an object/],
    ['null', null, /entity #3: field \(entity\): must be an object/],
    ['no id (named by index)', { ...good, id: undefined }, /entity #3: field id: is required/],
    ['id of the wrong type', { ...good, id: 7 }, /entity #3: field id: must be a string/],
    ['id without a namespace', { ...good, id: 'Ada Lovelace' }, /entity Ada Lovelace: field id: must be "<namespace>:<key>"/],
    ['over-long id', { ...good, id: `person:${long(200)}` }, /field id: is 207 characters; at most 120/],
    ['unknown type', { ...good, type: 'spaceship' }, /entity person:ada-lovelace: field type: must be one of person, agency/],
    ['a team outside the "team:" namespace', { ...good, id: 'org:boston-bruins', type: 'team' }, /entity org:boston-bruins: field id: of a team must be in the "team:" namespace/],
    ['a "team:" id of another type', { ...good, id: 'team:ada' }, /entity team:ada: field id: in the "team:" namespace is for records of type "team"/],
    ['unknown category', { ...good, category: 'fruit' }, /field category: must be one of person, agency, company, place, organization/],
    ['missing name', { ...good, name: undefined }, /field name: is required/],
    ['empty name', { ...good, name: '  ' }, /field name: must not be empty/],
    ['over-long name', { ...good, name: long(KNOWLEDGE_LIMITS.maxNameLength + 1) }, /field name: is 201 characters; at most 200/],
    ['missing description', { ...good, description: undefined }, /entity person:ada-lovelace: field description: is required/],
    ['description of the wrong type', { ...good, description: ['x'] }, /field description: must be a string/],
    ['over-long description', { ...good, description: long(KNOWLEDGE_LIMITS.maxDescriptionLength + 1) }, /field description: is 2001 characters; at most 2000/],
    ['missing asOf', { ...good, asOf: undefined }, /field asOf: is required \(YYYY-MM-DD\)/],
    ['asOf that is no date', { ...good, asOf: 'yesterday' }, /field asOf: must be a date: YYYY, YYYY-MM or YYYY-MM-DD/],
    ['asOf shaped like a date but not one', { ...good, asOf: '2025-02-30' }, /field asOf: must be a date: "2025-02-30" is not a day of the calendar/],
    ['month 13', { ...good, asOf: '2025-13' }, /field asOf: must be a date: "2025-13"/],
    ['aliases not an array', { ...good, aliases: 'Ada' }, /field aliases: must be an array/],
    ['no aliases', { ...good, aliases: [] }, /field aliases: must list at least one alias/],
    ['too many aliases', { ...good, aliases: Array.from({ length: 65 }, (_, i) => ({ text: `Ada ${i}`, kind: 'name' })) }, /field aliases: has 65 items; at most 64/],
    ['alias not an object', { ...good, aliases: ['Ada Lovelace'] }, /field aliases\[0\]: must be an object with text and kind/],
    ['alias of one character', { ...good, aliases: [{ text: 'A', kind: 'name' }] }, /field aliases\[0\]\.text: must have at least two letters or digits \(one-letter/],
    ['alias with no letter or digit', { ...good, aliases: [{ text: '.*', kind: 'name' }] }, /field aliases\[0\]\.text: must have at least two letters or digits; it has none/],
    ['over-long alias', { ...good, aliases: [{ text: long(121), kind: 'name' }] }, /field aliases\[0\]\.text: is 121 characters; at most 120/],
    ['unknown alias kind', { ...good, aliases: [{ text: 'Ada', kind: 'nickname' }] }, /field aliases\[0\]\.kind: must be one of name, short, surname/],
    ['alias flag not a boolean', { ...good, aliases: [{ text: 'Ada', kind: 'name', commonWord: 'yes' }] }, /field aliases\[0\]\.commonWord: must be true or false/],
    ['no links', { ...good, links: [] }, /field links: must list at least one link a reader can check/],
    ['missing links', { ...good, links: undefined }, /field links: is required/],
    ['http link', { ...good, links: [{ label: 'x', url: 'http://example.org/' }] }, /field links\[0\]\.url: must be an https: URL/],
    ['javascript: link', { ...good, links: [{ label: 'x', url: 'javascript:alert(1)' }] }, /field links\[0\]\.url: must be an https: URL/],
    ['link that is no URL', { ...good, links: [{ label: 'x', url: 'not a url' }] }, /field links\[0\]\.url: must be a valid https: URL/],
    ['link without label', { ...good, links: [{ url: 'https://example.org/' }] }, /field links\[0\]\.label: is required/],
    ['fact without asOf', { ...good, facts: [{ label: 'Born', value: 'London' }] }, /field facts\[0\]\.asOf: is required/],
    ['fact with a bad from date', { ...good, facts: [{ label: 'Born', value: 'London', from: '10 Dec 1815', asOf: '2026-01-01' }] }, /field facts\[0\]\.from: must be a date/],
    ['fact with a non-https source', { ...good, facts: [{ label: 'Born', value: 'London', asOf: '2026-01-01', source: 'ftp://x' }] }, /field facts\[0\]\.source: must be an https: URL/],
    ['no sources', { ...good, sources: [] }, /field sources: must name at least one source/],
    ['source not a string', { ...good, sources: [3] }, /field sources\[0\]: must be a source id/],
    ['hints not an object', { ...good, hints: 'engine' }, /field hints: must be an object/],
    ['hint not a string', { ...good, hints: { context: [42] } }, /field hints\.context\[0\]: must be a short non-empty string/],
    ['context naming no list of words', { ...good, hints: { context: ['engine', '#politics'] } }, /field hints\.context\[1\]: names no list of context words: "#politics" \(there are #us-politics, #nfl, #nba, #mlb, #nhl, #wnba, #ncaa, #soccer\)/],
    ['salience out of range', { ...good, salience: 2 }, /field salience: must be a number from 0 to 1/],
    ['salience not a number', { ...good, salience: 'high' }, /field salience: must be a number from 0 to 1/],
    ['unknown status', { ...good, status: 'retired' }, /field status: must be "current" or "former"/],
    ['refs not strings', { ...good, refs: { wikidata: 42 } }, /field refs: must map names to string ids/],
  ])('rejects %s', (_, raw, expected) => {
    const found = messages(raw);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(m).toMatch(/^knowledge\/curated\/test\.json: entity .+?: field \S+: /);
    expect(found.join('\n')).toMatch(expected);
  });

  it('lists every problem of an entity, not just the first', () => {
    expect(messages({ ...good, name: 3, description: '', links: [] })).toEqual([
      'knowledge/curated/test.json: entity person:ada-lovelace: field name: must be a string',
      'knowledge/curated/test.json: entity person:ada-lovelace: field description: must not be empty',
      'knowledge/curated/test.json: entity person:ada-lovelace: field links: must list at least one link a reader can check',
    ]);
  });

  it('never throws, whatever it is given', () => {
    const hostile = Object.defineProperty({ ...good }, 'name', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const odd: unknown[] = [undefined, 0, NaN, true, Symbol('x'), () => 1, new Date(), { aliases: { length: 1e9 } }, { links: [null], facts: [1], hints: { related: {} } }, hostile];
    for (const raw of odd) {
      const r = validateEntity(raw, where);
      expect(r.entity).toBeUndefined();
      expect(r.errors.length).toBeGreaterThan(0);
    }
    expect(messages(hostile).join('\n')).toMatch(/field \(entity\): could not be read \(boom\)/);
  });
});

describe('validateKnowledge', () => {
  const options = { file: 'pack.json', sources: new Set(['curated']) };
  const entity = (id: string, extra: object = {}) => validateEntity({ ...good, id, ...extra }, where).entity!;

  it.each<[string, unknown[], string | RegExp]>([
    ['duplicate ids', [entity('org:a'), entity('org:a')], 'pack.json: entity org:a: field id: duplicate id'],
    ['an unknown source', [entity('org:a', { sources: ['curated', 'nowhere'] })], 'pack.json: entity org:a: field sources[1]: unknown source "nowhere"'],
    ['a related id that resolves nowhere', [entity('org:a', { hints: { related: ['org:b'] } })], 'pack.json: entity org:a: field hints.related[0]: resolves to no entity "org:b"'],
    ['a related id naming itself', [entity('org:a', { hints: { related: ['org:a'] } })], 'pack.json: entity org:a: field hints.related[0]: names the entity itself'],
  ])('reports %s', (_, entities, expected) => {
    const found = validateKnowledge(entities, options).map(formatError);
    if (typeof expected === 'string') expect(found).toContain(expected);
    else expect(found.join('\n')).toMatch(expected);
  });

  it('resolves related ids against the entities and the known ids, or lets a pack point outside', () => {
    const a = entity('org:a', { hints: { related: ['org:b', 'place:elsewhere'] } });
    expect(validateKnowledge([a, entity('org:b')], { ...options, knownIds: new Set(['place:elsewhere']) })).toEqual([]);
    expect(validateKnowledge([a], { ...options, allowUnresolvedRelated: true })).toEqual([]);
  });

  it(`rejects more than ${KNOWLEDGE_LIMITS.maxEntities} entities, and handles that many quickly`, () => {
    const many = Array.from({ length: KNOWLEDGE_LIMITS.maxEntities + 1 }, (_, i) => ({ ...good, id: `org:e${i}` }));
    const started = performance.now();
    const valid = many.map((raw, index) => validateEntity(raw, { file: 'big.json', index }).entity!);
    const errors = validateKnowledge(valid, { file: 'big.json', sources: new Set(['curated']) });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(errors.map(formatError)).toEqual(['big.json: entity (all): field entities: 100001 entities; at most 100000']);
  }, 30_000);

  it('skips what is not an entity rather than throwing', () => {
    expect(() => validateKnowledge([null, 3, 'x', { id: 'org:a' }], options)).not.toThrow();
    expect(validateKnowledge('nope' as unknown as unknown[], options).map(formatError)).toEqual(['pack.json: entity (all): field entities: must be an array of entities']);
  });
});
