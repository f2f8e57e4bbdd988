/**
 * The knowledge's ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) as a reader writes them, to the precision
 * they have: "2019", "Jan 2019", "Jan 20, 2019". The card's text is English (`_locales/en`), and so are
 * its dates. Anything else is shown as it is rather than guessed at.
 */
// Made on first use: the card's module is loaded when the pointer first rests on a name.
let formats: { day: Intl.DateTimeFormat; month: Intl.DateTimeFormat } | undefined;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  if (!month) return year!;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  // Date.UTC rolls "2019-13" or "2019-02-30" over into another date: those are shown as written.
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(month) - 1 || (day && date.getUTCDate() !== Number(day))) return iso;
  formats ??= {
    day: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  };
  return (day ? formats.day : formats.month).format(date);
}
