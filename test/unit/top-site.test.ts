/** Which site a subframe's on/off follows: the top page's, where the browser lets the frame know it. */
import { describe, expect, it } from 'vitest';
import { topSiteOf, type FramePlace } from '../../content-scripts/top-site';

const frame = (over: Partial<FramePlace>): FramePlace => ({ top: false, parentIsTop: true, ancestorOrigins: undefined, referrer: '', ...over });

describe('topSiteOf', () => {
  it('is nothing for the top page itself', () => {
    expect(topSiteOf(frame({ top: true, ancestorOrigins: ['https://news.example'] }))).toBeUndefined();
  });

  it('is the last of the ancestor origins: the top page, however deep the frame is', () => {
    expect(topSiteOf(frame({ parentIsTop: false, ancestorOrigins: ['https://embed.example', 'https://www.news.example'] }))).toBe('www.news.example');
  });

  it('without ancestor origins, is the referrer\'s host for a frame right under the top page', () => {
    expect(topSiteOf(frame({ referrer: 'https://www.news.example/' }))).toBe('www.news.example');
  });

  it('without ancestor origins, is unknown for a frame deeper down (its referrer is its parent frame) or with no referrer', () => {
    expect(topSiteOf(frame({ parentIsTop: false, referrer: 'https://embed.example/post' }))).toBeUndefined();
    expect(topSiteOf(frame({ referrer: '' }))).toBeUndefined();
  });

  it('prefers the ancestor origins to the referrer, and is unknown for an opaque origin', () => {
    expect(topSiteOf(frame({ ancestorOrigins: ['https://news.example'], referrer: 'https://elsewhere.example/' }))).toBe('news.example');
    expect(topSiteOf(frame({ ancestorOrigins: ['null'] }))).toBeUndefined();
  });
});
