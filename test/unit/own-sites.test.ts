/** Which outlet publishes a page (`own-sites.ts`), and the errors a bad sites file gets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownEntitiesAt, parseOwnSites } from '../../src/knowledge/own-sites';
import { formatError } from '../../src/knowledge/validate-entity';

const root = new URL('../../', import.meta.url).pathname;

describe('own sites', () => {
  const { sites, errors } = parseOwnSites({ sites: { 'org:cnn': ['cnn.com'], 'org:bbc': ['bbc.com', 'bbc.co.uk'], 'org:sky-news': ['news.sky.com'] } }, 'own-sites.json');

  it('finds the outlet of a page on its site or a subdomain of it, and no other', () => {
    expect(errors).toEqual([]);
    expect(ownEntitiesAt('https://www.cnn.com/2019/11/politics/krebs', sites)).toEqual(['org:cnn']);
    expect(ownEntitiesAt('https://edition.cnn.com/', sites)).toEqual(['org:cnn']);
    expect(ownEntitiesAt('https://money.CNN.com/x', sites)).toEqual(['org:cnn']);
    expect(ownEntitiesAt('https://www.bbc.co.uk/news/world', sites)).toEqual(['org:bbc']);
    expect(ownEntitiesAt('https://news.sky.com/story/x', sites)).toEqual(['org:sky-news']);
    // Sky's other sites are not its newsroom's; a look-alike domain is not CNN's; nor is a path.
    expect(ownEntitiesAt('https://www.sky.com/broadband', sites)).toEqual([]);
    expect(ownEntitiesAt('https://notcnn.com/', sites)).toEqual([]);
    expect(ownEntitiesAt('https://cnn.com.evil.example/', sites)).toEqual([]);
    expect(ownEntitiesAt('https://example.com/cnn.com', sites)).toEqual([]);
    expect(ownEntitiesAt('not a url', sites)).toEqual([]);
    expect(ownEntitiesAt(undefined, sites)).toEqual([]);
  });

  it('says what is wrong with a bad file, where, and keeps the good entries', () => {
    const bad = parseOwnSites(
      { sites: { 'org:cnn': ['cnn.com', 'https://cnn.com/', 'www.cnn.com'], 'org:fake': ['fake.example'], 'org:bbc': [], 'org:other': ['cnn.com'] } },
      'own-sites.json',
      new Set(['org:cnn', 'org:bbc', 'org:other']),
    );
    expect(bad.errors.map(formatError)).toEqual([
      'own-sites.json: entity org:cnn: field sites[1]: "https://cnn.com/" is not a lower-case hostname ("cnn.com": no scheme, "www." or path)',
      'own-sites.json: entity org:cnn: field sites[2]: "www.cnn.com": give the domain without "www." (its subdomains are included)',
      'own-sites.json: entity org:fake: field sites: no entity of the knowledge has this id',
      'own-sites.json: entity org:bbc: field sites: must be a non-empty list of hostnames',
      "own-sites.json: entity org:other: field sites[0]: \"cnn.com\" is already org:cnn's",
    ]);
    expect(ownEntitiesAt('https://cnn.com/', bad.sites)).toEqual(['org:cnn']);
    expect(parseOwnSites([], 'own-sites.json').errors.map(formatError)).toEqual(['own-sites.json: entity (file): field sites: must be an object of entity id → list of hostnames']);
  });

  it('the bundled file is valid against the bundled knowledge: every outlet there publishes somewhere', () => {
    const knowledge = JSON.parse(readFileSync(join(root, 'knowledge/knowledge.json'), 'utf8')) as { entities: { id: string; type: string }[] };
    const file = JSON.parse(readFileSync(join(root, 'knowledge/own-sites.json'), 'utf8'));
    const bundled = parseOwnSites(file, 'knowledge/own-sites.json', new Set(knowledge.entities.map((e) => e.id)));
    expect(bundled.errors).toEqual([]);
    const publishers = new Set([...bundled.sites.values()].flat());
    // The photo agency has no news site of its own.
    expect(knowledge.entities.filter((e) => e.type === 'outlet' && !publishers.has(e.id)).map((e) => e.id)).toEqual(['org:epa-images']);
    expect(ownEntitiesAt('https://www.nytimes.com/2020/11/17/us/politics/trump-fires-christopher-krebs.html', bundled.sites)).toEqual(['org:new-york-times']);
    expect(ownEntitiesAt('https://www.nationalreview.com/news/x/', bundled.sites)).toEqual(['org:national-review']);
    expect(ownEntitiesAt('https://www.washingtonexaminer.com/news/x', bundled.sites)).toEqual(['org:washington-examiner']);
    // Wikipedia names itself in every page's header and footer ("From Wikipedia, the free encyclopedia").
    expect(ownEntitiesAt('https://en.wikipedia.org/wiki/New_Zealand', bundled.sites)).toEqual(['org:wikimedia-foundation']);
  });
});
