import { describe, expect, it } from 'vitest';
import { formerMembers, recentFormerRows } from '../../knowledge/lib/from-congress';

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
});
