import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { congressMembers, executives, formerMembers, recentFormerRows, withoutBorrowedNames } from '../../knowledge/lib/from-congress';

const row = (over: Partial<Parameters<typeof formerMembers>[0][number]>) => ({
  last_name: 'McSally', first_name: 'Martha', nickname: '', full_name: 'Martha McSally', type: 'sen', state: 'AZ', district: '', party: 'Republican', url: '', bioguide_id: 'M001197', ...over,
});

describe('former members of Congress', () => {
  it('are the run of named rows at the end of the historical file, not a named row far before it', () => {
    const rows = ['early', ...Array<string>(40).fill(''), 'a', 'b', '', 'c'];
    expect(recentFormerRows(rows, Boolean)).toEqual(['a', 'b', 'c']);
    expect(recentFormerRows(['', ''], Boolean)).toEqual([]);
  });

  it('say what the member was, with the district as current members’ cards write it, and no date the file does not give', () => {
    const [senator, rep] = formerMembers([row({}), row({ full_name: 'A. Donald McEachin', first_name: 'A.', last_name: 'McEachin', type: 'rep', state: 'VA', district: '4', party: 'Democrat' })]);
    expect(senator!.description).toBe('Former Republican U.S. senator for Arizona.');
    expect(rep!.description).toBe("Former Democratic U.S. representative for Virginia's 4th district.");
    expect(formerMembers([row({ type: 'rep', state: 'AK', district: '0' })])[0]!.description).toBe('Former Republican U.S. representative for Alaska.');
  });

  it('in the bundled knowledge: those news still names are said as what they are known for, and keep how pages name them', () => {
    const file = JSON.parse(readFileSync(new URL('../../knowledge/knowledge.json', import.meta.url), 'utf8')) as { entities: { id: string; name: string; description: string; aliases: { text: string; needsContext?: boolean }[] }[] };
    const get = (id: string) => file.entities.find((e) => e.id === id)!;
    expect(get('person:paul-d-ryan').description).toMatch(/^Speaker of the U\.S\. House of Representatives \(2015–2019\)/);
    expect(get('person:paul-d-ryan').name).toBe('Paul Ryan');
    // A name many people share still needs its page to speak of him.
    expect(get('person:kevin-mccarthy').aliases.find((a) => a.text === 'Kevin McCarthy')?.needsContext).toBe(true);
    expect(get('person:jim-bridenstine').description).toMatch(/^NASA administrator/);
    expect(get('person:xavier-becerra').description).toContain('Secretary of Health and Human Services under President Biden (2021–2025)');
  });
});

describe('current members of Congress', () => {
  const member = (last: string, terms: { type: string; start: string }[]) => ({
    id: { bioguide: last }, name: { first: 'A', last }, terms: terms.map((t) => ({ ...t, end: '2027-01-03', state: 'MA', party: 'Democrat' })),
  });

  it('say when they came to Congress and to the Senate, once when it was the same year', () => {
    const [warren, markey, rep] = congressMembers([
      member('Warren', [{ type: 'sen', start: '2013-01-03' }]),
      member('Markey', [{ type: 'rep', start: '1976-11-02' }, { type: 'sen', start: '2013-07-16' }]),
      member('Neal', [{ type: 'rep', start: '1989-01-03' }]),
    ]);
    expect(warren!.description).toBe('Democratic U.S. senator for Massachusetts, in the Senate since 2013.');
    expect(markey!.description).toBe('Democratic U.S. senator for Massachusetts, in Congress since 1976, in the Senate since 2013.');
    expect(rep!.description).toBe('Democratic U.S. representative for Massachusetts, in Congress since 1989.');
  });
});

describe('members’ everyday names', () => {
  const person = (first: string, last: string, nickname?: string, type = 'sen') => ({
    id: { bioguide: `${first}${last}` }, name: { first, last, ...(nickname ? { nickname } : {}) },
    terms: [{ type, start: '2013-01-03', end: '2027-01-03', state: 'CT', party: 'Democrat' }],
  });
  const names = (e: { aliases: { text: string; kind: string }[] }) => e.aliases.filter((a) => a.kind === 'name').map((a) => a.text);

  it('are the forms news writes of a formal given name, or the nickname the data records instead', () => {
    const [murphy, durbin, sanders] = congressMembers([person('Christopher', 'Murphy'), person('Richard', 'Durbin'), person('Bernard', 'Sanders', 'Bernie')]);
    expect(names(murphy!)).toEqual(['Christopher Murphy', 'Chris Murphy']);
    expect(names(durbin!)).toEqual(['Richard Durbin', 'Dick Durbin', 'Rick Durbin']);
    expect(names(sanders!)).toEqual(['Bernard Sanders', 'Bernie Sanders']);
    const [former] = formerMembers([row({ first_name: 'Thomas', last_name: 'Carper', full_name: 'Thomas R. Carper' })]);
    expect(names(former!)).toEqual(['Thomas R. Carper', 'Thomas Carper', 'Tom Carper']);
  });

  it('are not another member’s own name, and not guessed for presidents', () => {
    const [son] = congressMembers([person('Robert', 'Menendez', undefined, 'rep')]);
    const [father] = formerMembers([row({ first_name: 'Robert', nickname: 'Bob', last_name: 'Menendez', full_name: 'Robert Menendez' })]);
    withoutBorrowedNames([son!, father!]);
    expect(names(son!)).toEqual(['Robert Menendez', 'Rob Menendez']);
    expect(names(father!)).toContain('Bob Menendez');
    const reagan = executives([{ ...person('Ronald', 'Reagan'), terms: [{ type: 'prez', start: '1981-01-20', end: '1989-01-20', party: 'Republican' }] }]);
    expect(names(reagan[0]!)).not.toContain('Ron Reagan');
  });
});
