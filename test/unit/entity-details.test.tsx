/**
 * Knowledge text is data, never markup.
 * @vitest-environment happy-dom
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { CardDetails } from '../../src/knowledge/card-details';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));
const { EntityDetails } = await import('../../src/ui/entity-details');

const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>';

describe('EntityDetails', () => {
  it('renders HTML and script payloads in every field as plain text, and only https links as links', () => {
    const details: CardDetails = {
      id: 'pack:evil', name: `Evil ${payload}`, category: 'person', type: 'person', description: payload,
      facts: [{ label: payload, value: payload, asOf: '2026-01-01' }],
      links: [{ label: payload, url: 'javascript:window.__pwned=1' }, { label: 'data', url: 'data:text/html,hi' }],
      asOf: '2026-01-01', sources: [{ name: payload, url: 'https://example.org', licence: 'x' }],
    };
    const root = document.createElement('div');
    document.body.append(root);
    render(<EntityDetails details={details} />, root);
    expect(root.querySelectorAll('img, script, b').length).toBe(0);
    expect(root.querySelectorAll('a').length).toBe(0);
    expect(root.textContent).toContain('<script>window.__pwned=1</script>');
    expect(root.textContent).toContain('javascript:window.__pwned=1');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('dates a fact only where its date is not the record’s, which is said once below', () => {
    const root = document.createElement('div');
    const facts = [
      { label: 'Capital', value: 'Pyongyang', asOf: '2026-01-22' },
      { label: 'Population', value: '26.4 million (2025 est.)', asOf: '2026-01-22' },
      { label: 'Chief of state', value: 'Kim Jong Un', asOf: '2025-06-01' },
    ];
    render(<EntityDetails details={{ id: 'place:north-korea', name: 'North Korea', category: 'place', type: 'country', description: 'd', facts, links: [], asOf: '2026-01-22', sources: [] }} />, root);
    const dated = [...root.querySelectorAll('.gloss-fact')].map((f) => f.querySelector('.gloss-asof') !== null);
    expect(dated).toEqual([false, false, true]);
  });

  it('does not date a term that had ended when it was stated, and shows two terms of one office as two rows', () => {
    const root = document.createElement('div');
    const facts = [
      { label: 'President of the United States', value: 'Republican', from: '2017-01-20', to: '2021-01-20', asOf: '2026-06-15' },
      { label: 'President of the United States', value: 'Republican', from: '2025-01-20', to: '2029-01-20', asOf: '2026-06-15' },
      { label: 'Secretary of Labor', value: 'under President Biden', from: '2021-03-23', asOf: '2023-02-13' },
    ];
    render(<EntityDetails details={{ id: 'person:x', name: 'X', category: 'person', type: 'person', description: 'd', facts, links: [], asOf: '2025-06-01', sources: [] }} />, root);
    const rows = [...root.querySelectorAll('.gloss-fact dd')];
    expect(rows.map((f) => f.querySelector('.gloss-asof')?.textContent?.trim() ?? null)).toEqual([null, 'as of Jun 15, 2026', 'as of Feb 13, 2023']);
    expect(rows[0]!.textContent).toContain('Jan 20, 2017 – Jan 20, 2021');
    expect(rows[1]!.textContent).toContain('Jan 20, 2025 – Jan 20, 2029');
    // The office is named once, over both terms; the next office under its own name.
    expect([...root.querySelectorAll('.gloss-fact')].map((g) => [g.querySelector('dt')!.textContent, g.querySelectorAll('dd').length])).toEqual([
      ['President of the United States', 2], ['Secretary of Labor', 1],
    ]);
  });

  it('writes terms and dates as a reader does, to the precision the knowledge has', () => {
    const root = document.createElement('div');
    const facts = [
      { label: 'Governor', value: 'Minnesota', from: '2019-01', asOf: '2025-06-01' },
      { label: 'Mayor', value: 'Boston', to: '2021', asOf: '2025-06-01' },
    ];
    render(<EntityDetails details={{ id: 'person:x', name: 'X', category: 'person', type: 'person', description: 'd', facts, links: [], asOf: '2025-06-01', sources: [] }} />, root);
    expect([...root.querySelectorAll('.gloss-fact dd')].map((d) => d.textContent)).toEqual(['since Jan 2019 · Minnesota', 'until 2021 · Boston']);
    expect(root.querySelector('.gloss-meta')!.textContent).toContain('as of Jun 1, 2025');
  });

  it('gives a person’s office its term, with the party aside, not the party as if it were the office', () => {
    const root = document.createElement('div');
    const facts = [{ label: 'President of the United States', value: 'Republican', from: '2017-01-20', to: '2021-01-20', asOf: '2025-06-01' }];
    render(<EntityDetails details={{ id: 'person:x', name: 'X', category: 'person', type: 'person', description: 'd', facts, links: [], asOf: '2025-06-01', sources: [] }} />, root);
    const dd = root.querySelector('.gloss-fact dd')!;
    expect(dd.textContent).toBe('Jan 20, 2017 – Jan 20, 2021 · Republican');
    expect(dd.querySelector('.gloss-aside')!.textContent).toBe(' · Republican');
  });

  it.each([
    // What was done to a government body happened on a day; it did not start then and go on.
    ['agency', { label: 'Created', value: 'Cybersecurity and Infrastructure Security Agency Act of 2018', from: '2018-11-16' }, 'Cybersecurity and Infrastructure Security Agency Act of 2018 (Nov 16, 2018)'],
    ['agency', { label: 'Executive order', value: 'Reduced to its statutory minimum', from: '2025-03-14' }, 'Reduced to its statutory minimum (Mar 14, 2025)'],
    // A post held and a name in use go on: CFPB's acting director since he took over, the Pentagon's second name.
    ['agency', { label: 'Acting Director', value: 'Russell Vought', from: '2025-02' }, 'Russell Vought (since Feb 2025)'],
    ['agency', { label: 'Secondary name', value: 'Department of War', from: '2025-09-05' }, 'Department of War (since Sep 5, 2025)'],
    // A place's leader is in office since that day, and a name in use since it.
    ['place', { label: 'Premier', value: 'Doug Ford (Progressive Conservative)', from: '2018-06-29' }, 'Doug Ford (Progressive Conservative) (since Jun 29, 2018)'],
    ['place', { label: 'U.S. federal name', value: 'Gulf of America', from: '2025-01-20' }, 'Gulf of America (since Jan 20, 2025)'],
    ['agency', { label: 'Director', value: 'Someone', from: '2019-01', to: '2021-01' }, 'Someone (Jan 2019 – Jan 2021)'],
  ] as const)('a %s’s “%s” fact reads as its kind of date', (category, fact, text) => {
    const root = document.createElement('div');
    render(<EntityDetails details={{ id: 'x:y', name: 'Y', category, type: category, description: 'd', facts: [{ ...fact, asOf: '2026-01-01' }], links: [], asOf: '2026-01-01', sources: [] }} />, root);
    expect(root.querySelector('.gloss-fact dd')!.textContent).toBe(text);
  });

  it('says once, under the facts, the date they share when it is not the record’s; a fact dated otherwise keeps its own', () => {
    const root = document.createElement('div');
    const facts = [
      { label: 'Capital', value: 'Washington, D.C.', asOf: '2026-01-22' },
      { label: 'Population', value: '341 million', asOf: '2026-01-22' },
      { label: 'Chief of state', value: 'President Donald J. Trump', asOf: '2026-01-22' },
      { label: 'Head of government', value: 'President Donald J. Trump', asOf: '2025-11-01' },
    ];
    render(<EntityDetails details={{ id: 'place:united-states', name: 'United States', category: 'place', type: 'country', description: 'd', facts, links: [], asOf: '2025-06-01', sources: [] }} />, root);
    expect([...root.querySelectorAll('.gloss-fact dd .gloss-asof')].map((a) => a.textContent!.trim())).toEqual(['as of Nov 1, 2025']);
    expect(root.querySelector('.gloss-facts-asof')!.textContent).toBe('Facts as of Jan 22, 2026');
    expect(root.textContent!.match(/as of Jan 22, 2026/g)).toHaveLength(1);
  });

  it.each([
    ['person', 'Person · no longer in this role'],
    ['company', 'Company · defunct'],
  ] as const)('names a former %s’s status so that it does not read “a former person”', (category, kind) => {
    const root = document.createElement('div');
    render(<EntityDetails details={{ id: 'x:y', name: 'Y', category, type: category, description: 'd', facts: [], links: [], status: 'former', asOf: '2026-01-01', sources: [] }} />, root);
    expect(root.querySelector('.gloss-kind')!.textContent).toBe(kind);
  });

  it('makes an https link clickable, opening safely in a new tab', () => {
    const root = document.createElement('div');
    render(
      <EntityDetails details={{ id: 'a:b', name: 'CISA', category: 'agency', type: 'agency', description: 'd', facts: [], links: [{ label: 'cisa.gov', url: 'https://www.cisa.gov/' }], asOf: '2026-01-01', sources: [] }} />,
      root,
    );
    const a = root.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.cisa.gov/');
    expect(a.getAttribute('rel')).toContain('noopener');
  });
});
