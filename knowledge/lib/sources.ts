/** The sources the bundled knowledge comes from, as the credits screen lists them. */
import type { Source } from '../../src/knowledge/schema';

export const SOURCES: Source[] = [
  { id: 'congress-legislators', name: 'unitedstates/congress-legislators', label: 'U.S. Congress data', url: 'https://github.com/unitedstates/congress-legislators', licence: 'CC0-1.0' },
  { id: 'usagov', name: 'USA.gov A–Z Index of U.S. Government Departments and Agencies', label: 'USA.gov', url: 'https://www.usa.gov/agencies', licence: 'U.S. government work (public domain)' },
  { id: 'federal-register', name: 'Federal Register agencies list', label: 'Federal Register', url: 'https://www.federalregister.gov/agencies', licence: 'U.S. government work (public domain)' },
  { id: 'factbook', name: 'CIA World Factbook (via factbook/factbook.json)', label: 'CIA World Factbook', url: 'https://www.cia.gov/the-world-factbook/', licence: 'U.S. government work (public domain)' },
  { id: 'factbook-appendix-b', name: 'CIA World Factbook, Appendix B: International Organizations and Groups', label: 'CIA World Factbook', url: 'https://www.cia.gov/the-world-factbook/references/international-organizations-and-groups/', licence: 'U.S. government work (public domain)' },
  { id: 'countries-list', name: 'countries-list (Annexare Studio)', label: 'countries-list', url: 'https://github.com/annexare/Countries', licence: 'MIT', attribution: '© Annexare Studio, MIT licence' },
  { id: 'country-codes', name: 'Country Codes and International Organizations (dieghernan)', label: 'Country Codes (dieghernan)', url: 'https://github.com/dieghernan/Country-Codes-and-International-Organizations', licence: 'MIT' },
  { id: 'sp500', name: 'S&P 500 companies (datasets/s-and-p-500-companies)', label: 'S&P 500 list', url: 'https://github.com/datasets/s-and-p-500-companies', licence: 'ODC-PDDL-1.0' },
  { id: 'fivethirtyeight-cabinet', name: 'FiveThirtyEight cabinet turnover data', label: 'FiveThirtyEight', url: 'https://github.com/fivethirtyeight/data/tree/master/cabinet-turnover', licence: 'CC BY 4.0', attribution: 'Cabinet data: FiveThirtyEight, CC BY 4.0' },
  { id: 'moby-given-names', name: 'Moby Word II given names, women\u2019s and men\u2019s (Grady Ward; via stdlib\u2019s datasets): used to tell an unknown person\u2019s name, not as entities', label: 'Moby Word II', url: 'https://www.gutenberg.org/ebooks/3201', licence: 'Public domain (ODC-PDDL-1.0 / CC0-1.0 as packaged)' },
  { id: 'curated', name: 'Gloss curated knowledge (written by the Gloss authors; each record links its reference)', label: 'Gloss', url: 'https://www.usa.gov/', licence: 'CC0-1.0' },
];

/** The date of each dataset's snapshot (from its SOURCE.txt); the curated files carry their own `asOf`. */
export const SOURCE_DATES: Record<string, string> = {
  'congress-legislators': '2026-06-15',
  usagov: '2023-04-16',
  'federal-register': '2023-04-16',
  factbook: '2026-01-22',
  'factbook-appendix-b': '2020-01-29',
  sp500: '2026-08-08',
  'fivethirtyeight-cabinet': '2023-02-13',
};
