import { describe, expect, it } from 'vitest';
import { usStates, withGovernors } from '../../knowledge/lib/from-states';
import type { Entity } from '../../src/knowledge/schema';

const states = () => usStates([]).filter((e) => e.id === 'place:ohio' || e.id === 'place:georgia-us-state');
const governor = (name: string, state: string, description: string, extra: Partial<Entity> = {}): Entity => ({
  id: `person:${name.toLowerCase().replace(/ /g, '-')}`, type: 'person', name, aliases: [{ text: name, kind: 'name' }], description,
  links: [{ label: 'x', url: 'https://example.org/' }], asOf: '2025-06-01', sources: ['curated'], status: 'current',
  facts: [{ label: 'Governor', value: state, from: '2019-01', asOf: '2025-06-01' }], ...extra,
});

describe('withGovernors', () => {
  it('adds the current governor after the capital, with the party and the start of the term, for a state whose card names it otherwise too', () => {
    const [georgia, ohio] = states();
    withGovernors([georgia!, ohio!], [
      governor('Mike DeWine', 'Ohio', 'Republican governor of Ohio since January 2019.'),
      governor('Brian Kemp', 'Georgia', 'Republican governor of Georgia since January 2019.'),
      governor('Stacey Abrams', 'Georgia', 'Democratic governor of Georgia (2019–2019).', { status: 'former' }),
      governor('John Kasich', 'Ohio', 'Republican governor of Ohio.', { facts: [{ label: 'Governor', value: 'Ohio', from: '2011-01', to: '2019-01', asOf: '2025-06-01' }] }),
    ]);
    expect(ohio!.facts!.slice(0, 2)).toEqual([
      expect.objectContaining({ label: 'Capital', value: 'Columbus' }),
      { label: 'Governor', value: 'Mike DeWine (R)', from: '2019-01', asOf: '2025-06-01' },
    ]);
    expect(georgia!.facts![1]).toMatchObject({ label: 'Governor', value: 'Brian Kemp (R)' });
  });

  it('fails, naming the state or the person, for a state with no governor or two, or a party it cannot read', () => {
    expect(() => withGovernors(states(), [governor('Mike DeWine', 'Ohio', 'Republican governor of Ohio.')])).toThrow('place:georgia-us-state: no current governor');
    expect(() => withGovernors(states(), [
      governor('Mike DeWine', 'Ohio', 'Republican governor of Ohio.'), governor('Brian Kemp', 'Georgia', 'Republican governor of Georgia.'),
      governor('Stacey Abrams', 'Georgia', 'Democratic governor of Georgia.'),
    ])).toThrow('place:georgia-us-state: 2 current governors (person:brian-kemp, person:stacey-abrams)');
    expect(() => withGovernors(states(), [governor('Mike DeWine', 'Ohio', 'Governor of Ohio.'), governor('Brian Kemp', 'Georgia', 'Republican governor of Georgia.')]))
      .toThrow('person:mike-dewine: field description');
  });
});
