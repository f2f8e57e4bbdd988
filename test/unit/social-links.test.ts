/**
 * Which links to a social network are the site's share and follow buttons, and which the story's citations.
 * @vitest-environment happy-dom
 */
import { describe, expect, it } from 'vitest';
import { isSocialChromeLink, SOCIAL_LINK_SELECTOR } from '../../content-scripts/social-links';

describe('isSocialChromeLink', () => {
  it('takes share buttons, follow links and profile rows for the site’s own', () => {
    const chrome: [string, string][] = [
      ['https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa', 'Share on Facebook'],
      ['https://twitter.com/intent/tweet?text=x&url=y', 'Tweet'],
      ['https://twitter.com/share?url=y', 'Share this on Twitter'],
      ['https://x.com/intent/post?url=y', 'Share on X'],
      ['https://www.linkedin.com/shareArticle?mini=true&url=y', 'LinkedIn'],
      ['https://www.reddit.com/submit?url=y', 'Submit to Reddit'],
      ['//www.facebook.com/politifact', 'Fan us on Facebook'],
      ['https://api.whatsapp.com/send?text=y', 'Share on WhatsApp'],
      ['https://www.addtoany.com/add_to/facebook?linkurl=y', 'Facebook'],
      ['https://www.facebook.com/autoindustriya', 'Facebook'],
      ['//twitter.com/NYTopinion', 'Twitter (@NYTopinion)'],
      ['https://www.instagram.com/nytopinion/', 'Instagram'],
      ['https://www.youtube.com/user/macrumors', 'YouTube'],
      ['https://www.youtube.com/channel/UC123', 'Subscribe on YouTube'],
      ['https://www.facebook.com/buzzfeednews', 'Like Us On Facebook'],
      ['https://www.facebook.com/lemonde.fr', 'Partager sur Facebook'],
      ['https://www.facebook.com/x', 'Facebook (opens in a new window)'],
      ['https://wa.me/?text=https%3A%2F%2Fnews.example%2Fa', 'WhatsApp'],
      ['https://www.facebook.com/telegraph', 'Facebook icon\n\n\nFollow on Facebook'],
      ['https://m.facebook.com/telegraph', 'Facebook'],
      ['https://t.me/somechannel', 'Telegram'],
    ];
    for (const [href, text] of chrome) expect([href, isSocialChromeLink(href, text)]).toEqual([href, true]);
  });

  it('reads the story’s links: a post it cites, a person’s name, a sentence, another site', () => {
    const story: [string | null, string | null][] = [
      ['https://twitter.com/realDonaldTrump/status/1186', 'Twitter'],
      ['https://x.com/elonmusk/status/1', 'said on X'],
      ['https://www.facebook.com/zuck/posts/10112', 'a Facebook post'],
      ['https://www.instagram.com/p/Cx12/', 'on Instagram'],
      ['https://www.youtube.com/watch?v=abc', 'a YouTube video'],
      ['https://youtu.be/abc', 'YouTube'],
      ['https://www.reddit.com/r/news/comments/abc/title/', 'a Reddit thread'],
      ['https://twitter.com/SenSchumer', 'Chuck Schumer'],
      ['https://twitter.com/VDHanson', 'Follow Victor Davis Hanson on Twitter'],
      // The story's phrases that name the network, and its home page.
      ['https://twitter.com/jonesunion', 'a Twitter account'],
      ['https://twitter.com/rules', 'The Twitter Rules'],
      ['https://www.facebook.com/help/1234', 'Facebook’s own description of this process'],
      ['https://www.facebook.com/breitbart', "Breitbart's Facebook Page"],
      ['https://www.instagram.com/', 'Instagram'],
      ['https://www.facebook.com/x', 'Linked In'],
      ['https://www.youtube.com/watch?v=x', "Artist's impression of the plumes. (NASA's Goddard Space Flight Center/David Ladd)"],
      ['https://www.facebook.com/groups/x', 'Facebook said on Tuesday that it would remove the group from its site'],
      ['https://www.foxnews.com/politics/x', 'Facebook'],
      ['https://news.example/facebook.com', 'Facebook'],
      ['https://notfacebook.com/x', 'Facebook'],
      ['javascript:alert(1)//twitter.com', 'Twitter'],
      ['https://www.facebook.com/x', ''],
      [null, 'Facebook'],
      ['http://[bad', 'Facebook'],
    ];
    for (const [href, text] of story) expect([href, isSocialChromeLink(href, text)]).toEqual([href, false]);
  });

  it('preselects links by their address only', () => {
    document.body.innerHTML = '<a href="https://www.facebook.com/x">Facebook</a><a href="https://news.example/">Facebook</a><span href="https://twitter.com/">Twitter</span>';
    expect([...document.querySelectorAll(SOCIAL_LINK_SELECTOR)].map((a) => a.getAttribute('href'))).toEqual(['https://www.facebook.com/x']);
  });
});
