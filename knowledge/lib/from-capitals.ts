/**
 * Capital cities the news names, each checked against its country's capital in the CIA World
 * Factbook (public domain): the list of which ones, their other spellings and the sentence on what
 * the name stands for are ours. Not every capital: a name that is as often a person's, or another
 * city's that news names more, is left out ("Victoria", "Kingston", "Santiago", "Wellington",
 * "Sofia", "Tripoli", which is Libya's and a Lebanese city's; "Bern", a headline's "FEELING THE
 * BERN"), and so is Jerusalem, whose status as a capital is itself the news.
 */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { slug } from './text';

interface Capital {
  /** As the Factbook writes it, up to any parenthesis, semicolon or " in " ("Chisinau in Romanian"). */
  name: string;
  /** Other spellings the news uses ("Kiev"). */
  also?: string[];
  /** "Moscow said…": the name often stands for the country's government. */
  government?: boolean;
  /** A sentence of its own instead. */
  note?: string;
}

const CAPITALS: Capital[] = [
  { name: 'Moscow', government: true }, { name: 'Beijing', government: true }, { name: 'Kyiv', also: ['Kiev'], government: true },
  { name: 'London', government: true }, { name: 'Paris', government: true }, { name: 'Berlin', government: true },
  { name: 'Tokyo', government: true }, { name: 'Seoul', government: true }, { name: 'Pyongyang', government: true },
  { name: 'Tehran', government: true }, { name: 'Damascus', government: true }, { name: 'Baghdad', government: true },
  { name: 'Kabul', government: true }, { name: 'Islamabad', government: true }, { name: 'New Delhi', government: true },
  { name: 'Ankara', government: true }, { name: 'Cairo' }, { name: 'Riyadh', government: true }, { name: 'Doha' },
  { name: 'Abu Dhabi' }, { name: 'Brussels', note: 'It is home to the main institutions of the European Union, which "Brussels" often stands for in the news.' }, { name: 'Rome', government: true }, { name: 'Madrid', government: true },
  { name: 'Lisbon' }, { name: 'Athens', government: true }, { name: 'Warsaw', government: true }, { name: 'Vienna' },
  { name: 'Budapest', government: true }, { name: 'Prague' }, { name: 'Stockholm' }, { name: 'Oslo' },
  { name: 'Copenhagen' }, { name: 'Helsinki' }, { name: 'Ottawa', government: true }, { name: 'Canberra', government: true },
  { name: 'Caracas', government: true }, { name: 'Havana', government: true }, { name: 'Mexico City' },
  { name: 'Brasília', also: ['Brasilia'], government: true }, { name: 'Buenos Aires' }, { name: 'Bogotá', also: ['Bogota'] },
  { name: 'Taipei', government: true }, { name: 'Hanoi' }, { name: 'Bangkok' }, { name: 'Manila' }, { name: 'Jakarta' },
  { name: 'Minsk', government: true }, { name: 'Tbilisi' }, { name: 'Nairobi' }, { name: 'Beirut' }, { name: 'Amman' },
  { name: 'Sanaa', also: ["Sana'a"] }, { name: 'Khartoum' }, { name: 'Kinshasa' }, { name: 'Abuja' }, { name: 'Addis Ababa' },
  { name: 'Dublin' }, { name: 'Amsterdam' }, { name: 'Kathmandu' }, { name: 'Dhaka' }, { name: 'Phnom Penh' },
  { name: 'Kuala Lumpur' }, { name: 'Bucharest' }, { name: 'Belgrade' }, { name: 'Vilnius' }, { name: 'Riga' },
  { name: 'Tallinn' }, { name: 'Baku' }, { name: 'Yerevan' }, { name: 'Astana' }, { name: 'Tashkent' }, { name: 'Muscat' },
  { name: 'Manama' }, { name: 'Kuwait City' }, { name: 'Ulaanbaatar' }, { name: 'Port-au-Prince' }, { name: 'Managua' },
  { name: 'Quito' }, { name: 'Kampala' }, { name: 'Mogadishu' }, { name: 'Tunis' }, { name: 'Algiers' }, { name: 'Rabat' },
  { name: 'Dakar' }, { name: 'Accra' }, { name: 'Harare' }, { name: 'Pretoria' }, { name: 'Chisinau' }, { name: 'Bratislava' },
  { name: 'Ljubljana' }, { name: 'Zagreb' }, { name: 'Sarajevo' }, { name: 'Skopje' }, { name: 'Tirana' }, { name: 'Pristina' },
  { name: 'Reykjavik' },
];

const factOf = (e: Entity, label: string) => e.facts?.find((f) => f.label === label);

/**
 * The capitals above, from the countries already made (`countries`): each must be its country's
 * capital in the Factbook, or generation fails naming it.
 */
export function capitals(countries: readonly Entity[]): Entity[] {
  const byCapital = new Map<string, Entity>();
  for (const c of countries) {
    const capital = factOf(c, 'Capital')?.value.split(/[;(]| in /)[0]!.trim();
    if (capital && !byCapital.has(capital)) byCapital.set(capital, c);
  }
  return CAPITALS.map((cap) => {
    const country = byCapital.get(cap.name);
    if (!country) throw new Error(`knowledge/lib/from-capitals.ts: "${cap.name}" is no country's capital in the Factbook`);
    const aliases: Alias[] = [{ text: cap.name, kind: 'name' }, ...(cap.also ?? []).map((text): Alias => ({ text, kind: 'name' }))];
    const the = /^(United|Democratic|Czech Republic|Dominican|Central)/.test(country.name) ? 'the ' : '';
    const standsFor = cap.note ? ` ${cap.note}` : cap.government ? ` In the news, "${cap.name}" often stands for ${the}${country.name}'s government.` : '';
    return {
      id: `place:${slug(cap.name)}`,
      type: 'city',
      name: cap.name,
      aliases,
      description: `Capital of ${the}${country.name}.${standsFor}`,
      facts: [{ label: 'Country', value: country.name, asOf: factOf(country, 'Capital')!.asOf }],
      links: country.links.map((l) => ({ ...l })),
      hints: { related: [country.id] },
      salience: 0.45,
      status: 'current',
      asOf: country.asOf,
      sources: ['factbook', 'curated'],
    };
  });
}
