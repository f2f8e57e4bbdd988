import { describe, expect, it } from 'vitest';
import { cabinetMembers, withCabinetRoles } from '../../knowledge/lib/from-cabinet';
import { EntityStore } from '../../knowledge/lib/merge';
import type { Entity } from '../../src/knowledge/schema';

const HEADER = 'president,position,appointee,start_date,end_date,length,departure_day,gender,,\n';
const byId = (entities: Entity[], id: string) => entities.find((e) => e.id === id)!;

describe('cabinet members from FiveThirtyEight’s data', () => {
  const csv =
    HEADER +
    [
      'Biden,Secretary of the Interior,Deb Haaland,3/16/21,Still in office,,,Female,,',
      'Biden,Secretary of Labor,Marty Walsh,3/23/21,Still in office,,,Male,,',
      'Reagan,Attorney General,Dick Thornburgh,8/12/88,Bush admin,1100 combined,N/A,Male,,',
      'Bush 41,Attorney General,Dick Thornburgh,Reagan admin,8/15/91,1100 combined,900,Male,,',
      'Reagan,OSTP Director,George A. Keyworth II,Aug. 1981,12/31/85,Approx. 1613,1807,Male,,',
      'Bush 43,Secretary of State,Colin Powell,1/20/01,1/25/05,1466,1466,Male,,',
    ].join('\n');

  it('closes a "Still in office" term at its administration’s end, or at an early departure, never leaving it open', () => {
    const people = cabinetMembers(csv, { ends: { Biden: '2025-01-20' }, asOf: '2026-06-15' });
    expect(byId(people, 'person:deb-haaland').description).toBe('U.S. Secretary of the Interior under President Biden (2021–2025).');
    expect(byId(people, 'person:deb-haaland').facts![0]).toMatchObject({ to: '2025-01-20', asOf: '2026-06-15' });
    expect(byId(people, 'person:marty-walsh').description).toBe('U.S. Secretary of Labor under President Biden (2021–2023).');
    // An administration not over by the data's date: the term stays open.
    expect(byId(cabinetMembers(csv), 'person:deb-haaland').facts![0]!.to).toBeUndefined();
  });

  it('makes one term of a member kept on by the next president, names the Bushes, and reads a start given by month', () => {
    const people = cabinetMembers(csv);
    expect(byId(people, 'person:dick-thornburgh').description).toBe('U.S. Attorney General under Presidents Reagan and George H. W. Bush (1988–1991).');
    expect(byId(people, 'person:colin-powell').facts![0]!.value).toBe('under President George W. Bush');
    expect(byId(people, 'person:george-a-keyworth-ii').facts![0]).toMatchObject({ from: '1981-08', to: '1985-12-31' });
    // The data's short names for offices are written out, "&" as "and".
    expect(byId(people, 'person:george-a-keyworth-ii').description).toBe('Director of the Office of Science and Technology Policy under President Reagan (1981–1985).');
    expect(cabinetMembers(`${HEADER}Obama,Secretary of Health & Human Services,Kathleen Sebelius,4/28/09,6/9/14,,,Female,,`)[0]!.description).toBe(
      'U.S. Secretary of Health and Human Services under President Obama (2009–2014).',
    );
  });
});

describe('a member of Congress who held a cabinet post', () => {
  it('is described by both: the seat, then the post, a single year once', () => {
    const price: Entity = {
      id: 'person:tom-price', type: 'person', name: 'Tom Price', aliases: [{ text: 'Tom Price', kind: 'name' }], links: [], status: 'former', asOf: '2026-06-15', sources: ['congress-legislators', 'fivethirtyeight-cabinet'],
      description: "Former Republican U.S. representative for Georgia's 6th district.",
      facts: [{ label: 'Secretary of Health & Human Services', value: 'under President Trump', from: '2017-02-10', to: '2017-09-29', asOf: '2023-02-13' }],
    };
    expect(withCabinetRoles(price).description).toBe("Former Republican U.S. representative for Georgia's 6th district; also Secretary of Health & Human Services under President Trump (2017).");
    // A cabinet record of its own already says it.
    const own = cabinetMembers(`${HEADER}Trump,Chief of Staff,Reince Priebus,1/20/17,7/28/17,189,189,Male,,`)[0]!;
    expect(own.description).toBe('White House Chief of Staff under President Trump (2017).');
    expect(withCabinetRoles(own)).toBe(own);
  });
});

describe('one office from two sources', () => {
  const person = (over: Partial<Entity>): Entity => ({
    id: 'person:joe-biden', type: 'person', name: 'Joe Biden', aliases: [{ text: 'Joe Biden', kind: 'name' }], description: 'President.', links: [], status: 'former', asOf: '2026-06-15', sources: ['a'], ...over,
  });

  it('is one row on the card: the same term under a shorter name, or a curated row and a source’s for the same term', () => {
    const store = new EntityStore();
    store.add(person({ facts: [
      { label: 'Vice President of the United States', value: 'Democrat', from: '2009-01-20', to: '2013-01-20', asOf: '2026-06-15' },
      { label: 'Vice President of the United States', value: 'Democrat', from: '2013-01-20', to: '2017-01-20', asOf: '2026-06-15' },
    ] }));
    const merged = store.add(person({ sources: ['b'], facts: [
      { label: 'Vice President', value: 'under President Obama', from: '2009-01-20', to: '2017-01-20', asOf: '2023-02-13' },
      { label: 'Senator', value: 'Delaware', from: '1973-01-03', to: '2009-01-15', asOf: '2023-02-13' },
    ] }), { mergeByName: true });
    expect(merged.facts!.map((f) => f.label)).toEqual(['Vice President of the United States', 'Vice President of the United States', 'Senator']);

    const curated = new EntityStore();
    curated.add(person({ id: 'person:mark-esper', name: 'Mark Esper', facts: [{ label: 'Secretary of Defense', value: 'under President Trump', from: '2019-07-23', to: '2020-11-09', asOf: '2023-02-13' }] }));
    const esper = curated.add(person({ id: 'person:mark-esper', name: 'Mark Esper', facts: [{ label: 'Secretary of Defense', value: 'under President Trump', from: '2019-07-23', to: '2020-11-09', asOf: '2025-06-01' }] }), { curated: true });
    expect(esper.facts).toHaveLength(1);
    expect(esper.facts![0]!.asOf).toBe('2025-06-01');
  });
});
