import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { findMentions } from '../../src/match/find-mentions';
import { entity, matcher } from './support/test-index';

const link = matcher([
  entity('person:christopher-krebs', 'person', 'Christopher Krebs', [
    { text: 'Christopher Krebs', kind: 'name' }, { text: 'Chris Krebs', kind: 'short' }, { text: 'Krebs', kind: 'surname' },
  ], { context: ['cisa', 'election'], related: ['agency:cisa'] }),
  entity('person:brian-krebs', 'person', 'Brian Krebs', [{ text: 'Brian Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }], { context: ['krebsonsecurity', 'blog'] }),
  entity('agency:cisa', 'agency', 'Cybersecurity and Infrastructure Security Agency', [
    { text: 'Cybersecurity and Infrastructure Security Agency', kind: 'name' }, { text: 'CISA', kind: 'acronym' },
  ]),
  entity('agency:dhs', 'agency', 'Department of Homeland Security', [{ text: 'Department of Homeland Security', kind: 'name' }, { text: 'DHS', kind: 'acronym' }]),
  entity('agency:dod', 'agency', 'Department of Defense', [{ text: 'Department of Defense', kind: 'name' }, { text: 'the Pentagon', kind: 'informal' }, { text: 'Pentagon', kind: 'informal' }]),
  entity('person:mark-esper', 'person', 'Mark Esper', [{ text: 'Mark Esper', kind: 'name' }, { text: 'Esper', kind: 'surname' }], { titles: ['defense secretary', 'secretary'] }),
  entity('person:donald-trump', 'person', 'Donald Trump', [{ text: 'Donald Trump', kind: 'name' }, { text: 'Trump', kind: 'surname', standalone: true }], { titles: ['president'] }),
  entity('person:hillary-clinton', 'person', 'Hillary Clinton', [{ text: 'Hillary Clinton', kind: 'name' }, { text: 'Clinton', kind: 'surname' }]),
  entity('person:bill-clinton', 'person', 'Bill Clinton', [{ text: 'Bill Clinton', kind: 'name' }, { text: 'Clinton', kind: 'surname', standalone: true }], { titles: ['president'] }),
  entity('person:tim-scott', 'person', 'Tim Scott', [{ text: 'Tim Scott', kind: 'name' }, { text: 'Scott', kind: 'surname' }], { titles: ['sen.', 'senator'], context: ['south carolina'] }),
  entity('person:rick-scott', 'person', 'Rick Scott', [{ text: 'Rick Scott', kind: 'name' }, { text: 'Scott', kind: 'surname' }], { titles: ['sen.', 'senator'], context: ['florida'] }),
  entity('person:david-scott', 'person', 'David Scott', [{ text: 'David Scott', kind: 'name' }, { text: 'Scott', kind: 'surname' }], { titles: ['rep.'] }),
  entity('company:ford', 'company', 'Ford Motor Company', [{ text: 'Ford Motor Company', kind: 'name' }, { text: 'Ford', kind: 'short', commonWord: true }, { text: 'F', kind: 'ticker' }], { context: ['cars', 'vehicles', 'automaker', 'dearborn'] }),
  entity('company:amazon', 'company', 'Amazon', [{ text: 'Amazon', kind: 'short', commonWord: true }, { text: 'Amazon.com', kind: 'name' }], { context: ['bezos', 'retailer', 'aws', 'prime'] }),
  entity('place:new-york-city', 'place', 'New York City', [{ text: 'New York City', kind: 'name' }, { text: 'the Big Apple', kind: 'informal' }]),
  entity('company:apple', 'company', 'Apple Inc.', [{ text: 'Apple Inc.', kind: 'name' }, { text: 'Apple', kind: 'short', commonWord: true }], { context: ['iphone', 'cupertino'] }),
  entity('person:tom-cole', 'person', 'Tom Cole', [{ text: 'Tom Cole', kind: 'name' }, { text: 'Cole', kind: 'surname' }]),
  entity('person:gordon-sondland', 'person', 'Gordon Sondland', [{ text: 'Gordon Sondland', kind: 'name' }, { text: 'Sondland', kind: 'surname' }]),
  entity('org:who', 'organization', 'World Health Organization', [{ text: 'World Health Organization', kind: 'name' }, { text: 'WHO', kind: 'acronym', commonWord: true }], { context: ['health', 'pandemic', 'geneva'] }),
  entity('agency:congress', 'agency', 'United States Congress', [{ text: 'Congress', kind: 'short', needsContext: true }], { context: ['senate', 'house', 'washington', 'lawmakers'] }),
]);

describe('linkMentions: names every country gives its own institution', () => {
  const world = matcher([
    entity('agency:scotus', 'agency', 'Supreme Court of the United States', [
      { text: 'Supreme Court of the United States', kind: 'name' }, { text: 'Supreme Court', kind: 'short', needsContext: true, domestic: true },
    ], { context: ['justices', 'court', 'ruling'] }),
    entity('org:democratic-party', 'organization', 'Democratic Party', [{ text: 'Democratic Party', kind: 'name', domestic: true }]),
    entity('agency:white-house', 'agency', 'White House', [{ text: 'White House', kind: 'name' }]),
    entity('place:united-states', 'country', 'United States', [{ text: 'United States', kind: 'name' }, { text: 'U.S.', kind: 'short' }]),
    entity('place:south-korea', 'country', 'South Korea', [{ text: 'South Korea', kind: 'name' }]),
    entity('place:ukraine', 'country', 'Ukraine', [{ text: 'Ukraine', kind: 'name' }]),
    entity('person:yoon-suk-yeol', 'person', 'Yoon Suk Yeol', [{ text: 'Yoon Suk Yeol', kind: 'name' }, { text: 'Yoon', kind: 'surname' }], { related: ['place:south-korea'] }),
    entity('person:donald-trump', 'person', 'Donald Trump', [{ text: 'Donald Trump', kind: 'name' }, { text: 'Trump', kind: 'surname', standalone: true }], { related: ['place:united-states'] }),
  ]);

  it('on a page about South Korea, its Democratic Party and Supreme Court are not the American ones', () => {
    const story = 'Yoon Suk Yeol declared martial law in South Korea.\n\nYoon said the Democratic Party, which leads the U.S.-backed opposition, ' +
      'had paralysed government. Yoon ordered the arrest of a former Supreme Court justice; justices condemned the ruling.\n\nYoon later apologised.';
    expect(world(story)).toEqual(['Yoon Suk Yeol→person:yoon-suk-yeol', 'South Korea→place:south-korea', 'Yoon→person:yoon-suk-yeol', 'U.S.→place:united-states', 'Yoon→person:yoon-suk-yeol', 'Yoon→person:yoon-suk-yeol']);
  });

  it('on an American page about Ukraine, they are the American ones', () => {
    const story = 'Donald Trump pressed Ukraine. Ukraine denied it, and Ukraine’s envoy spoke.\n\nThe White House said the Democratic Party ' +
      'wants the Supreme Court to rule; the justices’ ruling is due. Trump disagreed.';
    expect(world(story)).toEqual([
      'Donald Trump→person:donald-trump', 'Ukraine→place:ukraine', 'Ukraine→place:ukraine', 'Ukraine→place:ukraine', 'White House→agency:white-house',
      'Democratic Party→org:democratic-party', 'Supreme Court→agency:scotus', 'Trump→person:donald-trump',
    ]);
  });

  it('with no country named, they are the American ones', () => {
    expect(world('The Democratic Party asked the Supreme Court for a ruling; the justices agreed.')).toEqual(['Democratic Party→org:democratic-party', 'Supreme Court→agency:scotus']);
  });
});

describe('linkMentions: a surname another full name on the page claims', () => {
  const sports = matcher([
    entity('person:jim-jordan', 'person', 'Jim Jordan', [{ text: 'Jim Jordan', kind: 'name', needsContext: true }, { text: 'Jordan', kind: 'surname' }], { titles: ['rep.'] }),
    entity('person:michael-jordan', 'person', 'Michael Jordan', [{ text: 'Michael Jordan', kind: 'name', needsContext: true }], { context: ['nba', 'bulls'] }),
    entity('place:jordan', 'place', 'Jordan', [{ text: 'Jordan', kind: 'name', needsContext: true }], { context: ['amman', 'abdullah'] }),
    entity('person:donald-trump', 'person', 'Donald Trump', [{ text: 'Donald Trump', kind: 'name' }, { text: 'Trump', kind: 'surname', standalone: true }], undefined, 1),
    entity('person:melania-trump', 'person', 'Melania Trump', [{ text: 'Melania Trump', kind: 'name' }]),
  ]);
  const rep = 'Rep. Jim Jordan said the hearing would go on.';

  it('a full name the page leaves unlinked keeps its bare surname from the person the page introduced', () => {
    expect(sports(`Michael Jordan won six titles. Jordan was the greatest.\n\n${rep}`)).toEqual(['Jim Jordan→person:jim-jordan']);
    // Without the other Jordan, the bare surname is the congressman's.
    expect(sports(`Jordan was the greatest.\n\n${rep}`)).toEqual(['Jordan→person:jim-jordan', 'Jim Jordan→person:jim-jordan']);
  });

  it('so does one linked to a card that has no surname alias', () => {
    expect(sports(`Michael Jordan won six NBA titles with the Bulls. Jordan was the greatest.\n\n${rep}`)).toEqual(['Michael Jordan→person:michael-jordan', 'Jim Jordan→person:jim-jordan']);
  });

  it('the name’s other meanings still link by their context, and a famous surname stays its own', () => {
    expect(sports(`Michael Jordan won six titles.\n\n${rep} King Abdullah of Jordan met him in Amman.`)).toEqual(['Jim Jordan→person:jim-jordan', 'Jordan→place:jordan']);
    expect(sports('Melania Trump spoke. Trump said more.')).toEqual(['Melania Trump→person:melania-trump', 'Trump→person:donald-trump']);
  });
});

describe('linkMentions: a name in a list of places', () => {
  const places = matcher([
    entity('place:egypt', 'country', 'Egypt', [{ text: 'Egypt', kind: 'name' }]),
    entity('place:qatar', 'place', 'Qatar', [{ text: 'Qatar', kind: 'name' }]),
    entity('place:turkiye', 'place', 'Türkiye', [{ text: 'Turkey', kind: 'short', needsContext: true }], { context: ['ankara', 'erdogan'] }),
    entity('place:jordan', 'place', 'Jordan', [{ text: 'Jordan', kind: 'name', needsContext: true }], { context: ['amman'] }),
    entity('person:jim-jordan', 'person', 'Jim Jordan', [{ text: 'Jim Jordan', kind: 'name' }, { text: 'Jordan', kind: 'surname' }]),
    entity('place:georgia', 'place', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['tbilisi'] }),
    entity('place:georgia-us-state', 'region', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['atlanta'] }),
    entity('place:alabama', 'region', 'Alabama', [{ text: 'Alabama', kind: 'name' }]),
    entity('place:armenia', 'place', 'Armenia', [{ text: 'Armenia', kind: 'name' }]),
    entity('place:atlanta', 'city', 'Atlanta', [{ text: 'Atlanta', kind: 'name' }], { related: ['place:georgia-us-state'] }),
  ]);

  it('is the place, where a place the page links stands beside it ("Egypt, Qatar and Turkey")', () => {
    expect(places('Talks were brokered by Egypt, Qatar and Turkey.')).toEqual(['Egypt→place:egypt', 'Qatar→place:qatar', 'Turkey→place:turkiye']);
    expect(places('Rep. Jim Jordan spoke.\n\nEgypt and Jordan signed.')).toEqual(['Jim Jordan→person:jim-jordan', 'Egypt→place:egypt', 'Jordan→place:jordan']);
    // Not a list: the bird, and the congressman.
    expect(places('Turkey is served in Egypt.')).toEqual(['Egypt→place:egypt']);
    expect(places('Rep. Jim Jordan spoke.\n\nJordan flew to Egypt.')).toEqual(['Jim Jordan→person:jim-jordan', 'Jordan→person:jim-jordan', 'Egypt→place:egypt']);
  });

  it('a company, agency or organisation too ("Apple and Google"), never a person, and never by a ticker', () => {
    const firms = matcher([
      entity('company:apple', 'company', 'Apple Inc.', [{ text: 'Apple Inc.', kind: 'name' }, { text: 'Apple', kind: 'short', commonWord: true }], { context: ['iphone'] }),
      entity('company:alphabet', 'company', 'Alphabet Inc.', [{ text: 'Google', kind: 'name' }]),
      entity('company:on-semi', 'company', 'ON Semiconductor', [{ text: 'ON Semiconductor', kind: 'name' }, { text: 'ON', kind: 'ticker' }]),
      entity('person:tim-cook', 'person', 'Tim Cook', [{ text: 'Tim Cook', kind: 'name' }, { text: 'Cook', kind: 'surname' }]),
    ]);
    expect(firms('Apple and Google face scrutiny.')).toEqual(['Apple→company:apple', 'Google→company:alphabet']);
    expect(firms('Apple pie is sweet. Google it.')).toEqual(['Google→company:alphabet']);
    expect(firms('Google, ON and off.')).toEqual(['Google→company:alphabet']);
    expect(firms('Tim Cook spoke.\n\nGoogle and Cook met.')).toEqual(['Tim Cook→person:tim-cook', 'Google→company:alphabet', 'Cook→person:tim-cook']);
  });

  it('of the neighbour’s kind where the name is two places: a state beside a state, a country beside a country', () => {
    expect(places('Storms hit Georgia and Alabama.')).toEqual(['Georgia→place:georgia-us-state', 'Alabama→place:alabama']);
    expect(places('Georgia, Armenia and Azerbaijan met.')).toEqual(['Georgia→place:georgia', 'Armenia→place:armenia']);
    // A city, a comma and the place it is in is no list: the country is not read from the city beside
    // it; the city's record relates it to the state, which that makes the state.
    expect(places('In Atlanta, Georgia officials met.')).toEqual(['Atlanta→place:atlanta', 'Georgia→place:georgia-us-state']);
  });
});

describe('linkMentions: a state after the person the page links ("Greene, of Georgia")', () => {
  const states = matcher([
    entity('person:marjorie-taylor-greene', 'person', 'Marjorie Taylor Greene', [{ text: 'Marjorie Taylor Greene', kind: 'name' }, { text: 'Greene', kind: 'surname' }], { context: ['georgia'] }),
    entity('person:mark-kelly', 'person', 'Mark Kelly', [{ text: 'Mark Kelly', kind: 'name' }], { context: ['arizona'] }),
    entity('place:georgia', 'country', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['tbilisi'] }),
    entity('place:georgia-us-state', 'region', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['atlanta'] }),
  ]);

  it('is the state the person’s own record names, after "of", "from" or "a Republican from"', () => {
    expect(states('Marjorie Taylor Greene resigned. Greene, of Georgia, left.')).toEqual([
      'Marjorie Taylor Greene→person:marjorie-taylor-greene', 'Greene→person:marjorie-taylor-greene', 'Georgia→place:georgia-us-state',
    ]);
    expect(states('Marjorie Taylor Greene, a Republican from Georgia, left.')).toEqual(['Marjorie Taylor Greene→person:marjorie-taylor-greene', 'Georgia→place:georgia-us-state']);
    // Another state's senator, or no "of": nothing said of which Georgia.
    expect(states('Mark Kelly of Georgia spoke.')).toEqual(['Mark Kelly→person:mark-kelly']);
    expect(states('Marjorie Taylor Greene visited Georgia.')).toEqual(['Marjorie Taylor Greene→person:marjorie-taylor-greene']);
  });
});

describe('linkMentions: a place’s name that is a team’s', () => {
  const teams = matcher([
    entity('place:alabama', 'region', 'Alabama', [{ text: 'Alabama', kind: 'name' }]),
    entity('place:pittsburgh', 'city', 'Pittsburgh', [{ text: 'Pittsburgh', kind: 'name' }]),
    entity('place:japan', 'country', 'Japan', [{ text: 'Japan', kind: 'name' }]),
  ]);

  it('is not linked before a score or a player’s or coach’s role ("Alabama 24-21", "Pittsburgh quarterback")', () => {
    expect(teams('Georgia beat Alabama 24-21 on Saturday.')).toEqual([]);
    expect(teams('He shoved the Pittsburgh quarterback. Pittsburgh coach Mike Tomlin spoke.')).toEqual([]);
    expect(teams('Alabama football is king.')).toEqual([]);
  });

  it('is not linked as a state or city on either side of a result ("Pittsburgh beat Alabama"), a country is', () => {
    expect(teams('Pittsburgh beat Alabama, and then they lost to the Pittsburgh.')).toEqual([]);
    expect(teams('Pittsburgh is on a 1-6-2 skid, and Alabama fell to 3-6.')).toEqual([]);
    expect(teams('Japan defeated Russia in 1905; Alabama tops Pittsburgh in rain.')).toEqual(['Japan→place:japan', 'Alabama→place:alabama', 'Pittsburgh→place:pittsburgh']);
  });

  it('is not linked before a result against another side and its score ("Japan drew Alabama 0-0")', () => {
    expect(teams('Japan drew Alabama 0-0 in the opener.')).toEqual([]);
    expect(teams('Pittsburgh beat the Dallas Cowboys 24-21.')).toEqual([]);
    expect(teams('Japan beat inflation in 2024, and Japan drew praise 3 times.')).toEqual(['Japan→place:japan', 'Japan→place:japan']);
  });

  it('is the place elsewhere, and a player’s country before a score ("Uchiyama of Japan 6-7")', () => {
    expect(teams('He moved to Alabama in 2019-20, and to Pittsburgh defense firms.')).toEqual(['Alabama→place:alabama', 'Pittsburgh→place:pittsburgh']);
    expect(teams('They beat Yasutaka Uchiyama of Japan 6-7 (4), 6-4.')).toEqual(['Japan→place:japan']);
  });

  it('is not linked after what only a team takes ("scored for Pittsburgh", "coach at Alabama", "a loss at Alabama")', () => {
    expect(teams('Alabama (9-3) plays Auburn.')).toEqual([]);
    expect(teams('Blake Coleman scored for Pittsburgh.')).toEqual([]);
    expect(teams('Apple committed to Alabama; the deal signed with Alabama was a win over Alabama.')).toEqual(['Alabama→place:alabama', 'Alabama→place:alabama', 'Alabama→place:alabama']);
    expect(teams('He spent six seasons as an assistant coach at Alabama.')).toEqual([]);
    expect(teams('It came after the Nittany Lions’ loss at Alabama.')).toEqual([]);
    expect(teams('Alabama’s game at Northwestern is off.')).toEqual([]);
    expect(teams('Two goals lifted Pittsburgh past Tampa Bay.')).toEqual([]);
    expect(teams('He was fined for spitting on a Pittsburgh defenseman.')).toEqual([]);
    expect(teams('They lost 20-10 at Pittsburgh.')).toEqual([]);
    expect(teams('Alabama is 6-7 and out.')).toEqual([]);
    expect(teams('Alabama is 50-50 on the bill.')).toEqual(['Alabama→place:alabama']);
    // What a state's government or economy does too.
    expect(teams('Alabama’s loss of jobs hurt. She led Alabama to a budget surplus, and signed a deal with Japan.')).toEqual([
      'Alabama→place:alabama', 'Alabama→place:alabama', 'Japan→place:japan',
    ]);
  });

  it('is the team all over a page that shows it is one, except where the page names the place', () => {
    const story = 'Alabama (9-3) plays Auburn on Saturday.\n\nAlabama hired Kalen DeBoer in 2024. Fans in Alabama cheered; ' +
      'an Alabama native scored. Alabama Gov. Kay Ivey watched.';
    expect(teams(story)).toEqual(['Alabama→place:alabama', 'Alabama→place:alabama', 'Alabama→place:alabama']);
    // A country's team says nothing of the country elsewhere on the page; nor an event of its city.
    expect(teams('Japan 2-1 Korea, at the Pittsburgh Marathon. Japan is an island nation; Pittsburgh is a city.')).toEqual(['Japan→place:japan', 'Pittsburgh→place:pittsburgh']);
  });

  it('is the team everywhere on a sports page, except where the page names the place', () => {
    const game = 'The rookie quarterback threw a touchdown pass in the playoffs.\n\nPittsburgh held on after halftime. ' +
      'Alabama never led. The game in Pittsburgh drew a crowd; the stadium is in Tuscaloosa, Alabama, and Japan sent a team.';
    expect(teams(game)).toEqual(['Pittsburgh→place:pittsburgh', 'Alabama→place:alabama', 'Japan→place:japan']);
    expect(teams(`PITTSBURGH (AP) — ${game}`)[0]).toBe('PITTSBURGH→place:pittsburgh');
    // One or two such words are not a sports page: "quarterback" of a reform, "playoffs" as a metaphor.
    expect(teams('The quarterback of the reform, Pittsburgh’s mayor, spoke of the playoffs. Alabama agreed.')).toEqual([
      'Pittsburgh→place:pittsburgh', 'Alabama→place:alabama',
    ]);
  });
});

describe('linkMentions: a place’s name that is a team’s, on a page that names the team', () => {
  const nhl = ['nhl', 'hockey', 'goalie', 'goaltender', 'defenseman', 'puck'];
  const league = matcher([
    entity('place:pittsburgh', 'city', 'Pittsburgh', [{ text: 'Pittsburgh', kind: 'name' }]),
    entity('place:new-york-city', 'city', 'New York City', [{ text: 'New York', kind: 'short' }]),
    entity('team:pittsburgh-penguins', 'team', 'Pittsburgh Penguins', [{ text: 'Pittsburgh Penguins', kind: 'name' }, { text: 'Penguins', kind: 'short', needsContext: true }], {
      context: [...nhl, 'pittsburgh'], related: ['place:pittsburgh'],
    }),
    entity('team:new-york-rangers', 'team', 'New York Rangers', [{ text: 'New York Rangers', kind: 'name' }, { text: 'Rangers', kind: 'short', needsContext: true, commonWord: true }], {
      context: [...nhl, 'new york'], related: ['place:new-york-city'],
    }),
    entity('team:new-york-islanders', 'team', 'New York Islanders', [{ text: 'New York Islanders', kind: 'name' }, { text: 'Islanders', kind: 'short', needsContext: true, commonWord: true }], {
      context: [...nhl, 'new york'], related: ['place:new-york-city'],
    }),
  ]);

  it('is that team ("Pittsburgh held on" beside the Penguins), and the place where the page names the place', () => {
    const game = 'The Penguins goalie made 30 saves and a defenseman scored in overtime.\n\nPittsburgh held on. Fans in Pittsburgh cheered.';
    expect(league(game)).toEqual(['Penguins→team:pittsburgh-penguins', 'Pittsburgh→team:pittsburgh-penguins', 'Pittsburgh→place:pittsburgh']);
    // By its full name too; "the Pittsburgh Marathon" is not the team's.
    expect(league('The Pittsburgh Penguins beat Boston 3-2. Pittsburgh (12-4) hosts the Pittsburgh Marathon.')).toEqual([
      'Pittsburgh Penguins→team:pittsburgh-penguins', 'Pittsburgh→team:pittsburgh-penguins',
    ]);
  });

  it('a nickname is the team on a page that names the team in full, though no word of its sport is there', () => {
    expect(league('The Pittsburgh Penguins sold the arena. The Penguins said Pittsburgh had led 3-2 in talks.')).toEqual([
      'Pittsburgh Penguins→team:pittsburgh-penguins', 'Penguins→team:pittsburgh-penguins', 'Pittsburgh→team:pittsburgh-penguins',
    ]);
    expect(league('The Penguins waddled. Penguins live in Antarctica.')).toEqual([]);
  });

  it('is no team where the page names none of that place, or two', () => {
    expect(league('The goalie made 30 saves, a defenseman scored and the puck bounced.\n\nPittsburgh held on.')).toEqual([]);
    const derby = 'The Rangers goalie stopped 30 shots; the Islanders defenseman scored on the puck.\n\nNew York (12-4) leads the division.';
    expect(league(derby)).toEqual(['Rangers→team:new-york-rangers', 'Islanders→team:new-york-islanders']);
  });
});

describe('linkMentions: a place’s name in a club’s or a tournament’s, or after an initial', () => {
  const sport = matcher([
    entity('place:united-states', 'country', 'United States', [{ text: 'United States', kind: 'name' }, { text: 'US', kind: 'acronym' }, { text: 'U.S.', kind: 'acronym' }]),
    entity('place:nashville', 'city', 'Nashville', [{ text: 'Nashville', kind: 'name' }]),
    entity('place:south-africa', 'country', 'South Africa', [{ text: 'South Africa', kind: 'name' }]),
    entity('place:united-kingdom', 'country', 'United Kingdom', [{ text: 'United Kingdom', kind: 'name' }]),
    entity('place:england', 'region', 'England', [{ text: 'England', kind: 'name' }]),
    entity('place:wales', 'region', 'Wales', [{ text: 'Wales', kind: 'name' }]),
    entity('person:brandon-wales', 'person', 'Brandon Wales', [{ text: 'Brandon Wales', kind: 'name' }, { text: 'Wales', kind: 'surname' }]),
  ]);

  it('is not linked in "the US Open", "Nashville SC", "England captain"', () => {
    expect(sport('Carlos Alcaraz won the US Open and the U.S. Open again, then Nashville SC beat Atlanta United.')).toEqual([]);
    expect(sport('England captain Harry Kane scored.')).toEqual([]);
    // A home nation's team is named as a country's: the page's other "England"s are England.
    expect(sport('England manager Thomas Tuchel spoke. He returned to England, then England and Wales voted.')).toEqual([
      'England→place:england', 'England→place:england', 'Wales→place:wales',
    ]);
  });

  it('is not linked as a team beside a namesake’s surname ("Wales beat Hungary 2-0"), nor after an initial ("By R. England")', () => {
    expect(sport('Wales beat Hungary 2-0 on Tuesday.')).toEqual([]);
    expect(sport('By R. England, staff writer. He lives in England.')).toEqual(['England→place:england']);
    expect(sport('The Duke of Wales and the Countess of England, in England.')).toEqual(['England→place:england']);
  });

  it('is still the place before "United Kingdom" and in the open ("Ohio open primaries")', () => {
    expect(sport('Editions: South Africa United Kingdom United States')).toEqual([
      'South Africa→place:south-africa', 'United Kingdom→place:united-kingdom', 'United States→place:united-states',
    ]);
    expect(sport('Nashville opened a park; Wales is in Britain.')).toEqual(['Nashville→place:nashville', 'Wales→place:wales']);
  });
});

describe('linkMentions: "Department of State" inside a state’s own department’s name', () => {
  const agencies = matcher([entity('agency:department-of-state', 'agency', 'U.S. Department of State', [{ text: 'Department of State', kind: 'name' }])]);

  it('is not the State Department in "Texas Department of State Health Services", and is elsewhere', () => {
    expect(agencies('The Texas Department of State Health Services reported 700 cases. The Department of State said nothing.')).toEqual([
      'Department of State→agency:department-of-state',
    ]);
  });
});

describe('linkMentions: a company’s everyday-word name before what only a company does', () => {
  const firms = matcher([
    entity('company:apple', 'company', 'Apple Inc.', [{ text: 'Apple Inc.', kind: 'name' }, { text: 'Apple', kind: 'short', commonWord: true }], { context: ['iphone', 'cupertino'] }),
    entity('company:target', 'company', 'Target Corporation', [{ text: 'Target Corporation', kind: 'name' }, { text: 'Target', kind: 'short', commonWord: true }], { context: ['retailer'] }),
    entity('company:amd', 'company', 'AMD', [{ text: 'AMD', kind: 'ticker' }]),
    entity('company:intel', 'company', 'Intel', [{ text: 'Intel', kind: 'short', commonWord: true }], { context: ['chips'] }),
    entity('org:abc-news', 'outlet', 'ABC News', [{ text: 'ABC', kind: 'acronym', needsContext: true, domestic: true }], { context: ['network', 'television'] }),
    entity('org:abc-australia', 'outlet', 'Australian Broadcasting Corporation', [{ text: 'ABC', kind: 'acronym', needsContext: true }], { context: ['australian'] }),
    entity('org:espn', 'outlet', 'ESPN', [{ text: 'ESPN', kind: 'acronym' }]),
  ]);

  it('is the company, there and in the rest of its page ("Apple was ordered … Apple said it would appeal")', () => {
    expect(firms('Apple was ordered by a jury to pay Masimo. Apple said it would appeal.')).toEqual(['Apple→company:apple', 'Apple→company:apple']);
    expect(firms('Target’s chief executive resigned.')).toEqual(['Target→company:target']);
    expect(firms('The government took a 9.9 percent stake in Intel; Nvidia invested $5 billion in Intel.')).toEqual(['Intel→company:intel', 'Intel→company:intel']);
  });

  it('says why in the page\'s own words: the name with what it did, or what was done to it', async () => {
    const { compileIndex } = await import('../../src/knowledge/compile-index');
    const { buildAliasTrie } = await import('../../src/match/alias-trie');
    const { findMentions } = await import('../../src/match/find-mentions');
    const index = compileIndex([
      entity('company:apple', 'company', 'Apple Inc.', [{ text: 'Apple Inc.', kind: 'name' }, { text: 'Apple', kind: 'short', commonWord: true }]),
      entity('company:intel', 'company', 'Intel', [{ text: 'Intel', kind: 'short', commonWord: true }]),
    ]);
    const reasons = (text: string) => findMentions([text], index, buildAliasTrie(index)).map((m) => m.reason);
    expect(reasons('Apple was fined. Apple said it would appeal.')).toEqual([
      { kind: 'company-act', alias: 'Apple', act: 'Apple said' }, { kind: 'company-act', alias: 'Apple', act: 'Apple said' },
    ]);
    expect(reasons('The government took a stake in Intel.')).toEqual([{ kind: 'company-act', alias: 'Intel', act: 'stake in Intel' }]);
  });

  it('is the word elsewhere, and a ticker is no such name ("AMD said")', () => {
    expect(firms('Apple pie is sweet, and an Apple a day is the target.')).toEqual([]);
    expect(firms('The Target shares a border with the Apple.')).toEqual([]);
    expect(firms('Target shares fell.')).toEqual(['Target→company:target']);
    expect(firms('AMD said it would grow.')).toEqual([]);
    expect(firms('Dr. Target examined the patient. Target said she would recover.')).toEqual([]);
    expect(firms('Intel officials in Kyiv shared Intel with allies.')).toEqual([]);
  });

  it('leaves an acronym joined to another name by a hyphen ("ABC-CLIO") to that name', () => {
    expect(firms('ABC-CLIO published a book on network television.')).toEqual([]);
    expect(firms('ABC aired it on network television.')).toEqual(['ABC→org:abc-news']);
  });

  it('of two namesakes in a list beside an outlet, takes the home one ("ESPN and ABC returned")', () => {
    expect(firms('ESPN and ABC returned to the service.')).toEqual(['ESPN→org:espn', 'ABC→org:abc-news']);
  });
});

describe('linkMentions: a place after "in"', () => {
  const towns = matcher([
    entity('person:lloyd-austin', 'person', 'Lloyd Austin', [{ text: 'Lloyd Austin', kind: 'name' }, { text: 'Austin', kind: 'surname' }]),
    entity('place:austin', 'city', 'Austin', [{ text: 'Austin', kind: 'name', commonWord: true }], { context: ['texas'], related: ['place:texas'] }),
    entity('place:texas', 'region', 'Texas', [{ text: 'Texas', kind: 'name' }]),
    entity('place:indiana', 'region', 'Indiana', [{ text: 'Indiana', kind: 'name' }]),
    entity('place:cleveland', 'city', 'Cleveland', [{ text: 'Cleveland', kind: 'name' }]),
  ]);

  it('is the place, not the person the page introduced by that surname; the person before a possessive', () => {
    expect(towns('Lloyd Austin flew to Texas. In Austin, he met the governor. In Austin’s view, it went well.')).toEqual([
      'Lloyd Austin→person:lloyd-austin', 'Texas→place:texas', 'Austin→place:austin', 'Austin→person:lloyd-austin',
    ]);
  });

  it('is not a town of another state ("in Austin, Indiana"), nor a site ("Cleveland.com")', () => {
    expect(towns('Lloyd Austin spoke. He lives in Austin, Indiana.')).toEqual(['Lloyd Austin→person:lloyd-austin', 'Indiana→place:indiana']);
    expect(towns('Read it on Cleveland.com, from Cleveland.')).toEqual(['Cleveland→place:cleveland']);
  });
});

describe('linkMentions: a company named in full, then by its short name', () => {
  const retail = matcher([
    entity('company:target', 'company', 'Target Corporation', [{ text: 'Target Corporation', kind: 'name' }, { text: 'Target', kind: 'short', commonWord: true }], { context: ['retailer'] }),
  ]);

  it('links the short name the page uses after it ("Target Corporation … Target said"), and not alone', () => {
    expect(retail('Target Corporation reported sales.\n\nTarget would hire.')).toEqual(['Target Corporation→company:target', 'Target→company:target']);
    expect(retail('Target would hire.')).toEqual([]);
  });
});

describe('linkMentions: an acronym the page spells out', () => {
  const wire = matcher([
    entity('org:ap', 'organization', 'Associated Press', [{ text: 'Associated Press', kind: 'name' }, { text: 'AP', kind: 'acronym', needsContext: true }], { context: ['wire'] }),
    entity('org:ap-physics', 'organization', 'AP Physics', [{ text: 'AP', kind: 'acronym', needsContext: true }], { context: ['exam', 'students'] }),
  ]);

  it('links "AP" where the page names the Associated Press in full, and not where it does not', () => {
    expect(wire('WASHINGTON (AP) — The vote is today.\n\nCopyright Associated Press.')).toEqual(['AP→org:ap', 'Associated Press→org:ap']);
    expect(wire('WASHINGTON (AP) — The vote is today.')).toEqual([]);
  });
});

describe('linkMentions: rules and traps', () => {
  it.each([
    ['full name links on its own', 'Christopher Krebs spoke.', ['Christopher Krebs→person:christopher-krebs']],
    ['coreference: later surname takes the earlier full name', 'Christopher Krebs spoke.\n\nKrebs said more.', ['Christopher Krebs→person:christopher-krebs', 'Krebs→person:christopher-krebs']],
    ['coreference works from a headline written before the full name', 'Krebs fired\n\nTrump fired Christopher Krebs.', ['Krebs→person:christopher-krebs', 'Trump→person:donald-trump', 'Christopher Krebs→person:christopher-krebs']],
    ['two people introduced with one surname: bare surname unlinked', 'Christopher Krebs and Brian Krebs met. Krebs said.', ['Christopher Krebs→person:christopher-krebs', 'Brian Krebs→person:brian-krebs']],
    ['"Brian Krebs" next to DHS news stays Brian', 'Brian Krebs wrote about DHS and CISA. Krebs said the election was safe.', ['Brian Krebs→person:brian-krebs', 'DHS→agency:dhs', 'CISA→agency:cisa', 'Krebs→person:brian-krebs']],
    ['a bare surname alone never links', 'Krebs said nothing.', []],
    ['title cue: "Defense Secretary Esper"', 'Defense Secretary Esper left.', ['Esper→person:mark-esper']],
    ['title cue narrows but two senators stay unlinked', 'Sen. Scott voted.', []],
    ['title plus context picks one senator', 'In Florida, Sen. Scott voted.', ['Scott→person:rick-scott']],
    ['standalone famous surname', 'Trump spoke.', ['Trump→person:donald-trump']],
    ['a name inside an institution’s name is not the person', 'She teaches at Donald Trump University. Trump Tower stood.', []],
    ['…nor inside an airport’s or a park’s with "National" or "International" ("Reagan National Airport")', 'They landed at Trump International Airport, by Trump National Park.', []],
    ['a full name before "Jr." is the son’s where the knowledge has no junior of it', 'Donald Trump Jr. spoke, then Donald Trump, Jr. did.', []],
    ['"Hillary Clinton … Clinton said" is Hillary, not Bill', 'Hillary Clinton spoke. Clinton said.', ['Hillary Clinton→person:hillary-clinton', 'Clinton→person:hillary-clinton']],
    ['a title before a surname is not a first name: "Ambassador Sondland" after "Gordon Sondland"', 'Gordon Sondland testified. Ambassador Sondland said more.', ['Gordon Sondland→person:gordon-sondland', 'Sondland→person:gordon-sondland']],
    ['a headline word before a surname is not a first name', 'Unpredictable Sondland faces questions\n\nGordon Sondland testified.', ['Sondland→person:gordon-sondland', 'Gordon Sondland→person:gordon-sondland']],
    ['"Tom Ford … Ford said": unknown person blocks the company', 'Tom Ford showed his collection.\n\nFord said cars and vehicles matter.', []],
    ['a first name and an initial before a surname are another person’s ("By Tom J. Krebs")', 'Christopher Krebs spoke.\n\nBy Tom J. Krebs, a columnist.', ['Christopher Krebs→person:christopher-krebs']],
    ['…unless the first name is the known person’s own', 'Christopher Krebs spoke.\n\nChristopher C. Krebs said more.', ['Christopher Krebs→person:christopher-krebs', 'Krebs→person:christopher-krebs']],
    ['"the Big Apple" is New York City, not Apple', 'He moved to the Big Apple.', ['the Big Apple→place:new-york-city']],
    ['"Amazon rainforest" is not the company', 'Fires burn in the Amazon rainforest.', []],
    ['common-word company links with enough context', 'Amazon, the retailer led by Bezos, grew Prime.', ['Amazon→company:amazon']],
    ['"Congress MLA in Kerala" is not the US Congress', 'The Congress MLA in Kerala resigned.', []],
    ['US Congress links with context', 'Congress passed it; the Senate and the House agreed.', ['Congress→agency:congress']],
    ['common-word acronym WHO never links on its own', 'WHO IS THE MAN?', []],
    ['WHO links with health context', 'The WHO declared a pandemic over health fears.', ['WHO→org:who']],
    ['acronyms are case-sensitive', 'cisa and Cisa are not CISA.', ['CISA→agency:cisa']],
    ['tickers never link', 'Shares of F fell.', []],
    ['lower-case names never link', 'apple pie and krebs cycle', []],
    ['longest match wins', 'the Department of Homeland Security said', ['Department of Homeland Security→agency:dhs']],
    ['informal alias with sentence-start capital', 'The Pentagon declined.', ['The Pentagon→agency:dod']],
    ['all-caps headline', 'TRUMP FIRES CHRISTOPHER KREBS', ['TRUMP→person:donald-trump', 'CHRISTOPHER KREBS→person:christopher-krebs']],
  ])('%s', (_, text, expected) => {
    expect(link(text)).toEqual(expected);
  });

  it.each([
    ['straight possessive', "Esper's team. Mark Esper left.", ['Esper→person:mark-esper', 'Mark Esper→person:mark-esper']],
    ['curly possessive', 'Mark Esper’s team.', ['Mark Esper→person:mark-esper']],
    ['non-breaking space inside a name', 'Mark\u00a0Esper left.', ['Mark\u00a0Esper→person:mark-esper']],
    ['soft hyphen inside a name', 'Christo\u00adpher Krebs left.', ['Christo\u00adpher Krebs→person:christopher-krebs']],
    ['names do not match inside longer words', 'KrebsOnSecurity and Trumpism', ['Trumpism→person:donald-trump'].slice(0, 0)],
  ])('matching: %s', (_, text, expected) => {
    expect(link(text)).toEqual(expected);
  });

  it('a reader’s correction relinks or unlinks the name on that page', () => {
    const text = 'Christopher Krebs spoke.\n\nKrebs said more.';
    expect(link(text, { corrections: new Map([['krebs', 'person:brian-krebs']]) })).toEqual([
      'Christopher Krebs→person:christopher-krebs',
      'Krebs→person:brian-krebs',
    ]);
    expect(link(text, { corrections: new Map([['krebs', null]]) })).toEqual(['Christopher Krebs→person:christopher-krebs']);
  });

  it('a surname says whether the full name that introduced the person comes before it or after (a headline before its story)', () => {
    const index = compileIndex([
      entity('person:christopher-krebs', 'person', 'Christopher Krebs', [{ text: 'Christopher Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
    ]);
    const reasons = (blocks: string[]) => findMentions(blocks, index, buildAliasTrie(index)).map((m) => m.reason);
    expect(reasons(['Krebs fired', 'The White House fired Christopher Krebs. Krebs said he was proud.'])).toEqual([
      { kind: 'coreference', alias: 'Krebs', via: 'Christopher Krebs', later: true },
      { kind: 'name', alias: 'Christopher Krebs' },
      { kind: 'coreference', alias: 'Krebs', via: 'Christopher Krebs' },
    ]);
  });
});

describe('linkMentions: the title a name is linked by, as the page writes it', () => {
  const index = compileIndex([
    entity('person:mark-esper', 'person', 'Mark Esper', [{ text: 'Mark Esper', kind: 'name' }, { text: 'Esper', kind: 'surname' }], { titles: ['defense secretary', "secretary of defense"] }),
  ]);
  const reasons = (blocks: string[]) => findMentions(blocks, index, buildAliasTrie(index)).map((m) => m.reason);

  it('the card quotes the title in the page\'s own capitals and the name after it is the same person', () => {
    expect(reasons(['Defense Secretary Esper spoke on Monday. Esper left.'])).toEqual([
      { kind: 'title', alias: 'Esper', title: 'Defense Secretary' },
      { kind: 'coreference', alias: 'Esper', via: 'Defense Secretary Esper' },
    ]);
  });

  it('a title broken over a line or spaced out is quoted with single spaces', () => {
    expect(reasons(['He met SECRETARY OF\n  DEFENSE Esper.'])).toEqual([{ kind: 'title', alias: 'Esper', title: 'SECRETARY OF DEFENSE' }]);
  });
});

describe('linkMentions: "Washington", the capital, the state and the longer names that borrow it', () => {
  const us = matcher([
    entity('place:washington-dc', 'place', 'Washington, D.C.', [
      { text: 'Washington, D.C.', kind: 'name' }, { text: 'Washington', kind: 'short', needsContext: true },
    ], { context: ['capital', 'white house', 'congress', 'lawmakers', 'administration'] }, 0.6),
    entity('place:washington-state', 'place', 'Washington (state)', [
      { text: 'Washington state', kind: 'name' }, { text: 'Washington', kind: 'short', needsContext: true },
    ], { context: ['seattle', 'spokane', 'olympia', 'oregon'] }, 0.3),
    entity('agency:white-house', 'agency', 'White House', [{ text: 'White House', kind: 'name' }]),
  ]);

  it('is the capital in a story about the government', () => {
    expect(us('Lawmakers in Washington argued over the bill; the administration disagreed.')).toEqual(['Washington→place:washington-dc']);
  });

  it('is the state in a story about Seattle and Spokane', () => {
    expect(us('Wildfires spread from Spokane toward Seattle, and Washington declared an emergency.')).toEqual(['Washington→place:washington-state']);
    expect(us('An activist in Washington state spoke.')).toEqual(['Washington state→place:washington-state']);
  });

  it('is neither with no hint of which', () => {
    expect(us('Washington scored twice in the second half.')).toEqual([]);
  });

  it('is not the capital inside a longer name the knowledge lacks', () => {
    const story = (name: string) => `Lawmakers toured ${name} while the administration met at the White House.`;
    expect(us(story('Washington'))).toEqual(['Washington→place:washington-dc', 'White House→agency:white-house']);
    expect(us(story('the Washington Monument'))).toEqual(['White House→agency:white-house']);
    expect(us('Justice Bushrod Washington, lawmakers said, shaped the capital.')).toEqual([]);
    expect(us('The Washington Examiner reported that lawmakers and the administration met.')).toEqual([]);
  });

  it('stays the capital after a word that starts a sentence or before a known name', () => {
    expect(us('In Washington, lawmakers met. The White House agreed.')).toEqual(['Washington→place:washington-dc', 'White House→agency:white-house']);
  });
});

describe('linkMentions: a regnal or generational number after a name', () => {
  const royals = matcher([
    entity('person:charles-iii', 'person', 'Charles III', [{ text: 'King Charles', kind: 'name' }, { text: 'Charles III', kind: 'name' }]),
    entity('person:henry-ford', 'person', 'Henry Ford', [{ text: 'Henry Ford', kind: 'name' }]),
  ]);

  it('is another person\'s name: "King Charles I", "Henry Ford II"; the name alone, or with its own number, is theirs', () => {
    expect(royals('King Charles I was beheaded; Henry Ford II ran the company.')).toEqual([]);
    expect(royals('King Charles spoke, Charles III wrote, and Henry Ford, I think, built cars.')).toEqual([
      'King Charles→person:charles-iii', 'Charles III→person:charles-iii', 'Henry Ford→person:henry-ford',
    ]);
  });
});

describe('linkMentions: context hints', () => {
  it('a hyphenated hint counts as the page writes it: "far-right", "e-commerce"', () => {
    const shop = matcher([
      entity('company:shein', 'company', 'Shein', [{ text: 'Shein', kind: 'name', needsContext: true }], { context: ['e-commerce', 'fast-fashion'] }),
    ]);
    expect(shop('Shein, the e-commerce and fast-fashion seller, grew.')).toEqual(['Shein→company:shein']);
    expect(shop('Shein, nothing about commerce or fashion.')).toEqual([]);
  });
});

describe('linkMentions: an agency\'s name inside another body\'s', () => {
  const us = matcher([
    entity('agency:state', 'agency', 'United States Department of State', [{ text: 'Department of State', kind: 'name' }, { text: 'State Department', kind: 'short' }]),
    entity('agency:scotus', 'agency', 'Supreme Court of the United States', [{ text: 'Supreme Court of the United States', kind: 'name' }, { text: 'Supreme Court', kind: 'short' }]),
    entity('agency:usss', 'agency', 'United States Secret Service', [{ text: 'Secret Service', kind: 'short' }]),
    entity('agency:frs', 'agency', 'Federal Reserve', [{ text: 'Federal Reserve Board', kind: 'short' }]),
  ]);

  it('"Washington State Department of Health", "Supreme Court of Canada" and "Secret Service of Ukraine" are other bodies', () => {
    expect(us('Julie Graham, of the Washington State Department of Health, said the State Department of Ohio has no such office.')).toEqual([]);
    expect(us('The Supreme Court of Canada and the Secret Service of Ukraine agreed.')).toEqual([]);
  });

  it('the agencies themselves still link, "of the …" or a board\'s members after them too', () => {
    expect(us('The State Department said the Supreme Court of the United States and the Secret Service of the president met.')).toEqual([
      'State Department→agency:state', 'Supreme Court of the United States→agency:scotus', 'Secret Service→agency:usss',
    ]);
    expect(us('West Virginia’s Supreme Court of Appeals differs: the Supreme Court ruled.')).toEqual(['Supreme Court→agency:scotus']);
    expect(us('The Federal Reserve Board of Governors voted.')).toEqual(['Federal Reserve Board→agency:frs']);
  });
});

describe('linkMentions: a name inside a longer name the knowledge lacks', () => {
  const world = matcher([
    entity('place:mexico', 'country', 'Mexico', [{ text: 'Mexico', kind: 'name' }]),
    entity('place:ireland', 'country', 'Ireland', [{ text: 'Ireland', kind: 'name' }]),
    entity('place:italy', 'country', 'Italy', [{ text: 'Italy', kind: 'name' }]),
    entity('place:mongolia', 'country', 'Mongolia', [{ text: 'Mongolia', kind: 'name' }]),
    entity('place:india', 'country', 'India', [{ text: 'India', kind: 'name' }]),
    entity('place:qatar', 'country', 'Qatar', [{ text: 'Qatar', kind: 'name' }]),
    entity('place:bangladesh', 'country', 'Bangladesh', [{ text: 'Bangladesh', kind: 'name' }]),
    entity('place:china', 'country', 'China', [{ text: 'China', kind: 'name' }]),
    entity('place:south-korea', 'country', 'South Korea', [{ text: 'South Korea', kind: 'name' }]),
    entity('place:united-states', 'country', 'United States', [{ text: 'United States', kind: 'name' }, { text: 'America', kind: 'informal' }, { text: 'US', kind: 'acronym' }]),
    entity('person:li-qiang', 'person', 'Li Qiang', [{ text: 'Li Qiang', kind: 'name' }, { text: 'Li', kind: 'surname' }], { titles: ['premier'] }),
    entity('person:xi-jinping', 'person', 'Xi Jinping', [{ text: 'Xi Jinping', kind: 'name' }, { text: 'Xi', kind: 'surname', standalone: true }]),
    entity('person:mark-esper', 'person', 'Mark Esper', [{ text: 'Mark Esper', kind: 'name' }, { text: 'Esper', kind: 'surname' }], { titles: ['secretary'] }),
    entity('company:yahoo', 'company', 'Yahoo', [{ text: 'Yahoo', kind: 'name' }]),
  ]);

  it('a place’s name alone in quotes is a title, a film’s or a musical’s: "\'Mexico\' producer", “India”', () => {
    expect(world('The \'Mexico\' producer, who made “India” and "China", lived in Mexico.')).toEqual(['Mexico→place:mexico']);
    // Inside a longer quotation it is the place.
    expect(world('“We love Mexico,” she said.')).toEqual(['Mexico→place:mexico']);
  });

  it('a company’s arm in a country is the company’s, not the country: "Yahoo Japan", "Yahoo India"', () => {
    expect(world('Its stakes in Alibaba and Yahoo India stay; Yahoo sold its business in India.')).toEqual(['Yahoo→company:yahoo', 'Yahoo→company:yahoo', 'India→place:india']);
    // Apart, each is itself.
    expect(world('Yahoo, India and China.')).toEqual(['Yahoo→company:yahoo', 'India→place:india', 'China→place:china']);
  });

  it('"New Mexico", "Mexico City" and "Northern Ireland" are not the countries; "in Mexico" and "Ireland" are', () => {
    expect(world('A New Mexico bureau and a Mexico City museum; storms in Mexico.')).toEqual(['Mexico→place:mexico']);
    expect(world('NEW MEXICO VOTES')).toEqual([]);
    expect(world('Northern Ireland and Ireland agreed; South Korea and the South China Sea too.')).toEqual(['Ireland→place:ireland', 'South Korea→place:south-korea']);
    expect(world('Trade with China grew, northern Mexico said.')).toEqual(['China→place:china', 'Mexico→place:mexico']);
    expect(world('Set in 1983 in Northern Italy.')).toEqual(['Italy→place:italy']);
    expect(world('A GDP per capita of US$36,254 in the US.')).toEqual(['US→place:united-states']);
    expect(world('China’s Inner Mongolia, Air India, Qatar Airways and Biman Bangladesh Airlines.')).toEqual(['China→place:china']);
  });

  it('nor a street, a river or a town named for one: "Georgia Avenue", "Jordan River", "Lake Chad", "China Grove"', () => {
    expect(world('From China Street to the China Grove bar, by Mexico Beach, Lake Mexico and Fort India, to India.')).toEqual(['India→place:india']);
    expect(world('MEXICO BEACH REOPENS')).toEqual([]);
    // Lower case: the place itself, described.
    expect(world('A Mexico beach and a China road.')).toEqual(['Mexico→place:mexico', 'China→place:china']);
  });

  it('"America" inside a longer capitalised name is not the United States', () => {
    expect(world('Miss America and Captain America met the Boy Scouts of America.')).toEqual([]);
    expect(world('The people of America, in America, on America’s roads.')).toEqual(['America→place:united-states', 'America→place:united-states', 'America→place:united-states']);
  });

  it('a surname that comes first, followed by another given name, is another person of that family', () => {
    expect(world('Premier Li Qiang spoke.\n\nLi said more.')).toEqual(['Li Qiang→person:li-qiang', 'Li→person:li-qiang']);
    expect(world('Premier Li Keqiang spoke.\n\nLi said more.')).toEqual([]);
    expect(world('Xi Jinping met Xi Mingze, his daughter. Xi said so.')).toEqual(['Xi Jinping→person:xi-jinping', 'Xi→person:xi-jinping']);
  });

  it('nor a surname that is someone else’s given name here: "President Dan McDowell", "Rep. Scott Perry"', () => {
    const people = matcher([
      entity('person:nicusor-dan', 'person', 'Nicușor Dan', [{ text: 'Nicușor Dan', kind: 'name' }, { text: 'Dan', kind: 'surname' }], { titles: ['president'] }),
      entity('person:david-scott', 'person', 'David Scott', [{ text: 'David Scott', kind: 'name' }, { text: 'Scott', kind: 'surname' }], { titles: ['rep.'] }),
      entity('person:gerald-ford', 'person', 'Gerald Ford', [{ text: 'Gerald Ford', kind: 'name' }, { text: 'Ford', kind: 'surname' }]),
      entity('company:ford', 'company', 'Ford Motor Company', [{ text: 'Ford', kind: 'short' }]),
      entity('person:pete-buttigieg', 'person', 'Pete Buttigieg', [{ text: 'Pete Buttigieg', kind: 'name' }, { text: 'Buttigieg', kind: 'surname', standalone: true }]),
      // "Dan" and "Scott" are given names too: the knowledge has a Dan and a Scott.
      entity('person:dan-quayle', 'person', 'Dan Quayle', [{ text: 'Dan Quayle', kind: 'name' }]),
      entity('person:scott-walker', 'person', 'Scott Walker', [{ text: 'Scott Walker', kind: 'name' }]),
    ]);
    expect(people('InfoNation President Dan McDowell said so. Rep. Scott Perry agreed.')).toEqual([]);
    expect(people('President Dan said so. Rep. Scott agreed.')).toEqual(['Dan→person:nicusor-dan', 'Scott→person:david-scott']);
    // Not a company's product, nor a surname that is no given name ("Buttigieg Remains" is a headline's).
    expect(people('The Ford Focus Electric.\n\nPoll: Buttigieg Remains at Zero Percent among Black Voters, 5 comments')).toEqual(['Ford→company:ford', 'Buttigieg→person:pete-buttigieg']);
  });

  it('not after a word every headline capitalises, nor for a name that puts the surname last', () => {
    expect(world('Xi Jinping travels\n\nXi Warns Taiwan Over Independence')).toEqual(['Xi Jinping→person:xi-jinping', 'Xi→person:xi-jinping']);
    expect(world('Xi Jinping spoke.\n\nXi Monday said more.')).toEqual(['Xi Jinping→person:xi-jinping', 'Xi→person:xi-jinping']);
    expect(world('Mark Esper left.\n\nEsper Pentagon memo.')).toEqual(['Mark Esper→person:mark-esper', 'Esper→person:mark-esper']);
  });
});

describe('linkMentions: a member of Congress whose plain full name many people share', () => {
  // The state, and the shared list of words that say a page is about politics (`CONTEXT_GROUPS`).
  const politics = ['north carolina', '#us-politics'];
  const congress = matcher([
    entity('person:david-e-price', 'person', 'David E. Price', [
      { text: 'David E. Price', kind: 'name' }, { text: 'David Price', kind: 'name', needsContext: true }, { text: 'Price', kind: 'surname' },
    ], { titles: ['rep.', 'representative'], context: politics }),
    entity('person:mark-esper', 'person', 'Mark Esper', [{ text: 'Mark Esper', kind: 'name' }, { text: 'Esper', kind: 'surname' }]),
  ]);

  it('is not linked on a page about baseball: "David Price" there is a pitcher', () => {
    expect(congress('The Red Sox rotation: Chris Sale, Rick Porcello and David Price.\n\nPrice threw 98 pitches.')).toEqual([]);
  });

  it('is linked on a page about Congress, and its surname after it', () => {
    expect(congress('David Price, a Democrat, told lawmakers in Congress he would retire.\n\nPrice said so.')).toEqual([
      'David Price→person:david-e-price', 'Price→person:david-e-price',
    ]);
  });

  it('is linked after a title, and so where the same page names him with one further down', () => {
    expect(congress('— David Price, on Sunday\n\nRep. David Price visited the border.')).toEqual(['David Price→person:david-e-price', 'David Price→person:david-e-price']);
    expect(congress('David E. Price spoke.')).toEqual(['David E. Price→person:david-e-price']);
  });
});

describe('linkMentions: a company’s name in a venue’s, or a unit after a number', () => {
  const firms = matcher([
    entity('company:hp', 'company', 'HP Inc.', [{ text: 'HP Inc.', kind: 'name' }, { text: 'HP', kind: 'short' }]),
    entity('company:verizon', 'company', 'Verizon', [{ text: 'Verizon', kind: 'name' }]),
    entity('company:toyota', 'company', 'Toyota', [{ text: 'Toyota', kind: 'name' }]),
    entity('agency:fbi', 'agency', 'FBI', [{ text: 'FBI', kind: 'acronym' }]),
    entity('company:volkswagen', 'company', 'Volkswagen', [{ text: 'Volkswagen', kind: 'name' }, { text: 'VW', kind: 'short' }]),
  ]);

  it('"Verizon Amphitheatre" and "Toyota Music Factory" are venues; "Toyota factory workers" work for Toyota', () => {
    expect(firms('Aug. 2 -- Verizon Amphitheatre, Alpharetta. Oct. 9 -- Toyota Music Factory, Irving.')).toEqual([]);
    expect(firms('Toyota factory workers and Verizon customers.')).toEqual(['Toyota→company:toyota', 'Verizon→company:verizon']);
  });

  it('"306 HP" is horsepower, "HP sells printers" the company, "12 FBI agents" the FBI', () => {
    expect(firms('The car has 306 HP. HP sells printers. 12 FBI agents came.')).toEqual(['HP→company:hp', 'FBI→agency:fbi']);
    // A hyphen between number and unit, as an adjective is written; not a model year.
    expect(firms('A 200-HP motor, a 1,000\u2011HP car. HP sells printers.')).toEqual(['HP→company:hp']);
    expect(firms('The 2020 VW ID.3 is official.')).toEqual(['VW→company:volkswagen']);
    expect(firms('Kudos from Ring_Verizon, Toyota_fan and Verizon.')).toEqual(['Verizon→company:verizon']);
  });
});

describe('linkMentions: an acronym the page spells out as something else', () => {
  const acronyms = matcher([
    entity('company:hp', 'company', 'HP Inc.', [{ text: 'HP Inc.', kind: 'name' }, { text: 'HP', kind: 'short' }]),
    entity('agency:cdc', 'agency', 'Centers for Disease Control and Prevention', [
      { text: 'Centers for Disease Control and Prevention', kind: 'name' }, { text: 'CDC', kind: 'acronym' },
    ]),
    entity('agency:doe', 'agency', 'Department of Energy', [{ text: 'Department of Energy', kind: 'name' }, { text: 'DOE', kind: 'acronym' }]),
  ]);

  it('means that thing all over the page: "hypersensitivity pneumonitis, or HP", "(HP)"', () => {
    expect(acronyms('HP is basically a severe allergy.\n\nThe man had hypersensitivity pneumonitis, or HP.')).toEqual([]);
    expect(acronyms('Officials of Himachal Pradesh (HP) met. HP said so.')).toEqual([]);
    expect(acronyms('HP sells printers. Its laptops, or HP machines, sell.')).toEqual(['HP→company:hp', 'HP→company:hp']);
  });

  it('is still the entity where the page spells out its own name, in its words or close to them', () => {
    expect(acronyms('The Department of Energy (DOE) said. DOE agreed.')).toEqual(['Department of Energy→agency:doe', 'DOE→agency:doe', 'DOE→agency:doe']);
    expect(acronyms('According to the Centre for Disease Control (CDC), it spreads.')).toEqual(['CDC→agency:cdc']);
  });
});

describe('linkMentions: another country’s institution', () => {
  const bodies = matcher([
    entity('agency:cdc', 'agency', 'Centers for Disease Control and Prevention', [{ text: 'CDC', kind: 'acronym' }]),
    entity('agency:scotus', 'agency', 'Supreme Court of the United States', [
      { text: 'U.S. Supreme Court', kind: 'short' }, { text: 'Supreme Court', kind: 'short', domestic: true },
    ]),
    entity('place:israel', 'country', 'Israel', [{ text: 'Israel', kind: 'name' }]),
    entity('place:united-states', 'country', 'United States', [{ text: 'America', kind: 'informal' }]),
    entity('place:russia', 'country', 'Russia', [{ text: 'Russia', kind: 'name' }]),
    entity('agency:fsb', 'agency', 'Federal Security Service', [{ text: 'FSB', kind: 'acronym' }], { related: ['place:russia'] }),
  ]);

  it('is still itself after its own country’s name: "the Russian FSB", "Russia’s FSB"', () => {
    expect(bodies('The Russian FSB and Russia’s FSB.')).toEqual(['FSB→agency:fsb', 'Russia→place:russia', 'FSB→agency:fsb']);
  });

  it('after a nationality or a foreign country’s possessive is that country’s, not the American one', () => {
    expect(bodies('The Chinese CDC said so, and Israel’s Supreme Court ruled.')).toEqual(['Israel→place:israel']);
    expect(bodies('The CDC said so, the U.S. Supreme Court and America’s Supreme Court ruled.')).toEqual([
      'CDC→agency:cdc', 'U.S. Supreme Court→agency:scotus', 'America→place:united-states', 'Supreme Court→agency:scotus',
    ]);
  });
});

describe('linkMentions: a paper’s informal name on a page that names another paper of that name', () => {
  const papers = matcher([
    entity('org:nyt', 'organization', 'The New York Times', [{ text: 'The New York Times', kind: 'name' }, { text: 'the Times', kind: 'informal', needsContext: true }], { context: ['newspaper', 'reported', 'reporter'] }),
    entity('org:lat', 'organization', 'Los Angeles Times', [{ text: 'Los Angeles Times', kind: 'name' }]),
    entity('agency:fed', 'agency', 'Federal Reserve', [{ text: 'the Fed', kind: 'informal' }]),
    entity('agency:ny-fed', 'agency', 'New York Fed', [{ text: 'New York Fed', kind: 'name' }]),
  ]);

  it('"the Times" on the Los Angeles Times’s page is not the New York Times; elsewhere it is', () => {
    expect(papers('The owner of the Los Angeles Times spoke. The Times, the newspaper reported, was sold.')).toEqual(['Los Angeles Times→org:lat']);
    expect(papers('The Times reported, the newspaper said, and a reporter agreed.')).toEqual(['The Times→org:nyt']);
    expect(papers('The New York Fed and the Fed agreed.')).toEqual(['New York Fed→agency:ny-fed', 'the Fed→agency:fed']);
  });
});

describe('linkMentions: context hints', () => {
  it('counts and names a hint listed twice once (a curated hint that is also the capital), as the page writes it', () => {
    const index = compileIndex([
      entity('place:georgia', 'country', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['tbilisi', 'caucasus', 'Tbilisi'] }),
    ]);
    const [mention] = findMentions(['Protesters in Georgia marched through Tbilisi, in the Caucasus.'], index, buildAliasTrie(index));
    expect(mention?.reason).toEqual({ kind: 'context', alias: 'Georgia', words: ['Tbilisi', 'Caucasus'] });
  });
});

describe('linkMentions: a U.S. state, and the longer names that borrow its name', () => {
  const us = matcher([
    entity('place:ohio', 'region', 'Ohio', [{ text: 'Ohio', kind: 'name' }, { text: 'Ohio state', kind: 'name' }]),
    entity('place:texas', 'region', 'Texas', [{ text: 'Texas', kind: 'name' }]),
    entity('place:indiana', 'region', 'Indiana', [{ text: 'Indiana', kind: 'name' }]),
    entity('place:california', 'region', 'California', [{ text: 'California', kind: 'name' }]),
    entity('place:montana', 'region', 'Montana', [{ text: 'Montana', kind: 'name' }]),
    entity('person:tom-jones', 'person', 'Tom Jones', [{ text: 'Tom Jones', kind: 'name' }, { text: 'Jones', kind: 'surname' }]),
    entity('place:michigan', 'region', 'Michigan', [{ text: 'Michigan', kind: 'name' }]),
    entity('place:illinois', 'region', 'Illinois', [{ text: 'Illinois', kind: 'name' }]),
    entity('place:minnesota', 'region', 'Minnesota', [{ text: 'Minnesota', kind: 'name' }]),
    entity('place:georgia', 'country', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['tbilisi', 'caucasus', 'georgian'] }),
    entity('place:georgia-us-state', 'region', 'Georgia (U.S. state)', [{ text: 'Georgia', kind: 'short', needsContext: true }], { context: ['atlanta', 'savannah', 'fulton county'] }),
    entity('place:new-york-state', 'region', 'New York (state)', [{ text: 'New York', kind: 'short', needsContext: true }, { text: 'New York state', kind: 'name' }], { context: ['albany', 'upstate', 'buffalo'], titles: ['governor of'] }),
    entity('place:new-york-city', 'place', 'New York City', [{ text: 'New York City', kind: 'name' }, { text: 'New York', kind: 'short', needsContext: true }], { context: ['manhattan', 'brooklyn', 'subway'], titles: ['mayor of'] }),
    entity('org:new-york-times', 'outlet', 'The New York Times', [{ text: 'New York Times', kind: 'name' }]),
  ]);

  it('links a state named alone, or by a part of it, or before its institutions', () => {
    expect(us('Voters in Ohio and Texas went to the polls.')).toEqual(['Ohio→place:ohio', 'Texas→place:texas']);
    expect(us('Fires in Southern California; the Texas Senate and California Gov. Newsom.')).toEqual([
      'California→place:california', 'Texas→place:texas', 'California→place:california',
    ]);
    expect(us('TEXAS FLOODS')).toEqual(['TEXAS→place:texas']);
  });

  it('does not link a team, a person or a university that borrows it', () => {
    expect(us('The Texas Rangers beat Ohio State, and Indiana Jones met Joe Montana.')).toEqual([]);
    expect(us('A Texas A&M study; the Southern California Edison utility.')).toEqual([]);
    expect(us('Eastern Michigan beat Northern Illinois; the Minnesota  Wild and the Texas\u00a0Rangers lost.')).toEqual([]);
  });

  it('tells the state of Georgia from the country by the page', () => {
    expect(us('In Atlanta, Georgia officials counted ballots from Fulton County.')).toEqual(['Georgia→place:georgia-us-state']);
    expect(us('Protests in Tbilisi: Georgia, in the Caucasus, voted.')).toEqual(['Georgia→place:georgia']);
    expect(us('Georgia voted.')).toEqual([]);
  });

  it('after a town and a comma, a shared name is the state, unless the town is the other place’s', () => {
    expect(us('He lives in Garrison, New York, and works near Macon, Georgia.')).toEqual(['New York→place:new-york-state', 'Georgia→place:georgia-us-state']);
    expect(us('Protests in Tbilisi, Georgia.')).toEqual([]);
    expect(us('A rally in Brooklyn, New York.')).toEqual([]);
    // Not a town before the comma, but the state's own police after the name: the state.
    expect(us('It fell to Julie Graham, New York State Police spokeswoman.')).toEqual(['New York→place:new-york-state']);
    // "Ohio, Georgia" is no town and its state: "However, Georgia" is nothing; in the list of states it is the state.
    expect(us('However, Georgia voted. Trade with Ohio, Georgia and Texas grew.')).toEqual(['Ohio→place:ohio', 'Georgia→place:georgia-us-state', 'Texas→place:texas']);
  });

  it('tells New York, the city, from the state by the page; its newspaper is neither', () => {
    expect(us('The subway in Manhattan and Brooklyn: New York moves.')).toEqual(['New York→place:new-york-city']);
    expect(us('From Albany to Buffalo, upstate New York voted.')).toEqual(['New York→place:new-york-state']);
    expect(us('The New York Times reported it; New York is big.')).toEqual(['New York Times→org:new-york-times']);
    expect(us('A professor at New York University and the State University of New York, in upstate Buffalo and Albany.')).toEqual([]);
    expect(us('A University of Ohio study; Ohio voters.')).toEqual(['Ohio→place:ohio']);
    expect(us('In Manhattan and Brooklyn, the New York Police Department closed New York Avenue; the subway ran.')).toEqual([]);
    expect(us('Subway riders in Manhattan and Brooklyn cheered the governor of New York and the mayor of New York.')).toEqual([
      'New York→place:new-york-state', 'New York→place:new-york-city',
    ]);
  });
});

describe('linkMentions: a surname that is an everyday word', () => {
  const world = matcher([
    entity('person:brad-little', 'person', 'Brad Little', [{ text: 'Brad Little', kind: 'name' }, { text: 'Little', kind: 'surname', commonWord: true }], { titles: ['gov.'] }),
    entity('person:al-green', 'person', 'Al Green', [{ text: 'Al Green', kind: 'name' }, { text: 'Green', kind: 'surname', commonWord: true }], { titles: ['rep.'] }),
    entity('person:todd-young', 'person', 'Todd Young', [{ text: 'Todd Young', kind: 'name' }, { text: 'Young', kind: 'surname', commonWord: true }], { titles: ['sen.'] }),
    entity('person:tom-cotton', 'person', 'Tom Cotton', [{ text: 'Tom Cotton', kind: 'name' }, { text: 'Cotton', kind: 'surname', commonWord: true }], { titles: ['sen.'] }),
    entity('person:donald-trump', 'person', 'Donald Trump', [{ text: 'Donald Trump', kind: 'name' }, { text: 'Trump', kind: 'surname', standalone: true, commonWord: true }], {}, 0.95),
    entity('person:luther-strange', 'person', 'Luther Strange', [{ text: 'Luther Strange', kind: 'name' }, { text: 'Strange', kind: 'surname', commonWord: true }]),
  ]);

  it('is the adjective, not the person the page introduced, first in a sentence before a word that does not follow names', () => {
    expect(world('Gov. Brad Little signed the bill. Little is known about its cost. Little said it was fair. “Little changed,” he said. Little signed it.')).toEqual([
      'Brad Little→person:brad-little', 'Little→person:brad-little', 'Little→person:brad-little',
    ]);
    expect(world('Sen. Todd Young spoke.\n\nYoung people are leaving the state. Young, a Republican, voted no. Young’s office declined. Young was joined by aides.')).toEqual([
      'Todd Young→person:todd-young', 'Young→person:todd-young', 'Young→person:todd-young', 'Young→person:todd-young',
    ]);
    // Inside a sentence it is the person whatever follows.
    expect(world('Sen. Todd Young spoke. Aides said Young people skills were rare.')).toEqual(['Todd Young→person:todd-young', 'Young→person:todd-young']);
    // Not a rule for nouns, which news writes before verbs more often: "Strange was joined", "Cotton urged".
    expect(world('Luther Strange spoke. Strange was joined by police. Tom Cotton left. Cotton urged calm.')).toEqual([
      'Luther Strange→person:luther-strange', 'Strange→person:luther-strange', 'Tom Cotton→person:tom-cotton', 'Cotton→person:tom-cotton',
    ]);
  });

  it('is a word of a longer name before another capitalised word: "Green New Deal", "Little Rock"', () => {
    expect(world('Rep. Al Green backs the Green New Deal and spoke to the Green Party. Gov. Brad Little flew to Little Rock. Green said Tuesday it would pass.')).toEqual([
      'Al Green→person:al-green', 'Brad Little→person:brad-little', 'Green→person:al-green',
    ]);
    // Before a capitalised word that starts sentences or names, or another match, it is still the person.
    expect(world('Rep. Al Green spoke. Aides said Green President Trump had called.')).toEqual([
      'Al Green→person:al-green', 'Green→person:al-green', 'Trump→person:donald-trump',
    ]);
    // A surname famous enough to link alone keeps linking: "Trump Organization" is still about Trump.
    expect(world('Donald Trump spoke. The Trump Organization said Trump Jr. would run it.')).toContain('Trump→person:donald-trump');
    // Nor in a headline set in title case, where every word is capitalised.
    expect(world('Rep. Al Green spoke.\n\nGreen Slams Budget Plan Over Cuts')).toEqual(['Al Green→person:al-green', 'Green→person:al-green']);
  });
});

describe('linkMentions: a name that is also a person’s surname', () => {
  const world = matcher([
    entity('company:rollins', 'company', 'Rollins, Inc.', [{ text: 'Rollins, Inc.', kind: 'name' }, { text: 'Rollins', kind: 'short' }]),
    entity('person:brooke-rollins', 'person', 'Brooke Rollins', [{ text: 'Brooke Rollins', kind: 'name' }, { text: 'Rollins', kind: 'surname' }], { titles: ['secretary'] }),
  ]);

  it('is the person the page introduced by full name, else the name', () => {
    expect(world('Agriculture Secretary Brooke Rollins visited farms.\n\nRollins said prices would fall.')).toEqual([
      'Brooke Rollins→person:brooke-rollins', 'Rollins→person:brooke-rollins',
    ]);
    expect(world('Rollins, the pest control company, reported its earnings.')).toEqual(['Rollins→company:rollins']);
  });
});

describe('linkMentions: an acronym one entity has as its own and another only in context', () => {
  const world = matcher([
    entity('company:hp', 'company', 'HP Inc.', [{ text: 'HP Inc.', kind: 'name' }, { text: 'HP', kind: 'short' }], { context: ['printers', 'shares', 'company'] }),
    entity('place:himachal-pradesh', 'region', 'Himachal Pradesh', [{ text: 'Himachal Pradesh', kind: 'name' }, { text: 'HP', kind: 'acronym', needsContext: true }], {
      context: ['shimla', 'punjab', 'j&k'], related: ['place:india'],
    }),
    entity('place:india', 'country', 'India', [{ text: 'India', kind: 'name' }]),
    entity('place:punjab', 'region', 'Punjab', [{ text: 'Punjab', kind: 'name' }], { related: ['place:india'] }),
  ]);

  it('is the other where the page speaks clearly for it: "Punjab, HP officials" on an Indian page', () => {
    expect(world('Security review by Punjab and HP officials, India said.')).toEqual(['Punjab→place:punjab', 'HP→place:himachal-pradesh', 'India→place:india']);
    // Named in full after the acronym, as a headline does before the story: the full name speaks for it.
    expect(world('HP cabinet meets in Shimla\n\nThe Himachal Pradesh cabinet met on Monday.')).toEqual(['HP→place:himachal-pradesh', 'Himachal Pradesh→place:himachal-pradesh']);
  });

  it('stays the acronym’s own entity where little or nothing speaks for the other', () => {
    expect(world('HP shares fell after the printer maker reported earnings.')).toEqual(['HP→company:hp']);
    // Its country alone is not enough: "HP laptops" sold in India are the company's.
    expect(world('HP laptops sold well in India this year.')).toEqual(['HP→company:hp', 'India→place:india']);
    // Nor does the other take a unit after a number: "306 HP" is horsepower on an Indian page too.
    expect(world('The car has 306 HP, a dealer in Shimla, Punjab and India said.')).toEqual(['Punjab→place:punjab', 'India→place:india']);
  });
});

describe('linkMentions: a name inside a company’s legal name', () => {
  const world = matcher([
    entity('place:united-states', 'country', 'United States', [{ text: 'United States', kind: 'name' }, { text: 'U.S.', kind: 'acronym' }]),
    entity('place:texas', 'region', 'Texas', [{ text: 'Texas', kind: 'name' }]),
    entity('agency:congress', 'agency', 'United States Congress', [{ text: 'Congress', kind: 'name' }, { text: 'Capitol Hill', kind: 'informal' }]),
    entity('market-index:djia', 'market-index', 'Dow Jones Industrial Average', [{ text: 'Dow Jones Industrial Average', kind: 'name' }, { text: 'Dow Jones', kind: 'short', needsContext: true }], { context: ['stocks', 'points'] }),
    entity('company:dow-jones', 'company', 'Dow Jones & Company', [{ text: 'Dow Jones & Company', kind: 'name' }, { text: 'Dow Jones', kind: 'short', needsContext: true }], { context: ['publisher', 'newswires'] }),
    entity('company:cisco', 'company', 'Cisco', [{ text: 'Cisco', kind: 'name' }]),
    entity('company:alphabet', 'company', 'Alphabet Inc.', [{ text: 'Google', kind: 'name' }]),
    entity('org:cbs-news', 'outlet', 'CBS News', [{ text: 'CBS News', kind: 'name' }, { text: 'CBS', kind: 'acronym' }]),
  ]);

  it('is not the place, agency or market index it shares words with: "U.S. Games Systems, Inc.", "Capitol Hill Publishing Corp."', () => {
    expect(world('He founded U.S. Games Systems, Inc. in Stamford.')).toEqual([]);
    expect(world('All content ©2019 Capitol Hill Publishing Corp., a subsidiary.')).toEqual([]);
    // The company that shares the index's name may still be meant, by its own page's support.
    expect(world('Stocks rose 200 points. S&P Dow Jones Indices LLC calculates the index.')).toEqual([]);
    expect(world('The publisher and its newswires: Dow Jones Trademark Holdings LLC owns the mark.')).toEqual(['Dow Jones→company:dow-jones']);
  });

  it('is the company itself, or its arm: "Cisco Systems Inc.", "CBS Interactive Inc."; the names apart are theirs', () => {
    expect(world('Cisco Systems Inc. and CBS Interactive Inc. reported.')).toEqual(['Cisco→company:cisco', 'CBS→org:cbs-news']);
    expect(world('U.S. lawmakers on Capitol Hill met Texas officials.')).toEqual(['U.S.→place:united-states', 'Capitol Hill→agency:congress', 'Texas→place:texas']);
    // Another name among the words after it: a headline's, not a company's ("U.S. Sues Google Inc.").
    expect(world('U.S. Sues Google Inc.')).toEqual(['U.S.→place:united-states', 'Google→company:alphabet']);
  });
});

describe('linkMentions: an agency’s short name after the page named it in full', () => {
  const world = matcher([
    entity('agency:congress', 'agency', 'United States Congress', [
      { text: 'United States Congress', kind: 'name' }, { text: 'U.S. Congress', kind: 'short' }, { text: 'Congress', kind: 'short', needsContext: true },
    ], { context: ['senate', 'lawmakers'] }),
  ]);

  it('is that agency: "the U.S. Congress … Congress then passed"', () => {
    expect(world('The U.S. Congress is behind schedule.\n\nCongress then passed an ex post facto law.')).toEqual([
      'U.S. Congress→agency:congress', 'Congress→agency:congress',
    ]);
  });

  it('needs its own context where the page does not name it in full', () => {
    expect(world('Congress then passed an ex post facto law.')).toEqual([]);
    expect(world('Congress lawmakers in the Senate passed it.')).toEqual(['Congress→agency:congress']);
  });
});

describe('linkMentions: a company named for a fruit, before a food', () => {
  const world = matcher([
    entity('company:apple', 'company', 'Apple Inc.', [{ text: 'Apple Inc.', kind: 'name' }, { text: 'Apple', kind: 'short', commonWord: true }], { context: ['iphone', 'company', 'stock'] }),
  ]);

  it('is the food: "Apple Pie Granola Clusters", "Honey Crisp Apple Cider"; "Apple Music" and the iPhone’s Apple are the company', () => {
    expect(world('The company’s stock rose. New items: Apple Pie Granola Clusters and Honey Crisp Apple Cider.')).toEqual([]);
    expect(world('The iPhone maker’s stock rose as Apple Music grew. Apple said so.')).toEqual(['Apple→company:apple', 'Apple→company:apple']);
  });
});

describe('linkMentions: a word of the land after a name that is also a company’s', () => {
  const world = matcher([
    entity('company:amazon', 'company', 'Amazon', [{ text: 'Amazon.com', kind: 'name' }, { text: 'Amazon', kind: 'short', commonWord: true }], { context: ['shares', 'e-commerce', 'retailer'] }),
    entity('place:amazon-rainforest', 'place', 'Amazon rainforest', [{ text: 'Amazon rainforest', kind: 'name' }, { text: 'Amazon', kind: 'short', commonWord: true }], { context: ['rainforest', 'deforestation', 'brazil'] }),
  ]);

  it('is the place there, on a page that is otherwise the company’s: "Amazon deforestation hits worst level"', () => {
    expect(world('Amazon shares rose as the retailer beat e-commerce forecasts.\n\nAmazon deforestation hits worst level in 11 years.')).toEqual([
      'Amazon→company:amazon', 'Amazon→place:amazon-rainforest',
    ]);
  });
});
