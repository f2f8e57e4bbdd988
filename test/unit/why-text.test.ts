/** The card's "why" line, as a reader reads it, for each kind of reason the linker gives. */
import { describe, expect, it, vi } from 'vitest';
import type { LinkReason } from '../../src/match/link-mentions';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));
const { whyText } = await import('../../content-scripts/card-view');

describe('whyText', () => {
  it.each<[LinkReason, string]>([
    [{ kind: 'coreference', alias: 'Krebs', via: 'Christopher Krebs' }, 'Matched “Krebs” — same person as “Christopher Krebs” earlier on this page.'],
    // A headline's "Trump" before the story's "Donald Trump": said "earlier" until the linker told which.
    [{ kind: 'coreference', alias: 'Trump', via: 'Donald Trump', later: true }, 'Matched “Trump” — same person as “Donald Trump” later on this page.'],
    [{ kind: 'context', alias: 'Sabres', words: ['Buffalo', 'goaltender', 'defenseman'] }, 'Matched “Sabres”; this page also mentions Buffalo, goaltender, defenseman.'],
    // Its own name was the only support ("the Buffalo Bills … the Bills"): not "this page also mentions ." nor the name itself.
    [{ kind: 'context', alias: 'Minnesota', words: [] }, 'Matched “Minnesota”; this page names it elsewhere too.'],
    // A company by what only a company does: the page's own words, not "this page also mentions said".
    [{ kind: 'company-act', alias: 'Apple', act: 'Apple said' }, 'Matched “Apple” as a company: this page writes “Apple said”.'],
  ])('%o', (reason, text) => {
    expect(whyText(reason)).toBe(text);
  });
});
