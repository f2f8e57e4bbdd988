/**
 * The knowledge's ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) as a reader writes them, to the precision
 * they have: "2019", "Jan 2019", "Jan 20, 2019". The card's text is English (`_locales/en`), and so are
 * its dates. Anything else is shown as it is rather than guessed at.
 *
 * Written out here, as `Intl.DateTimeFormat('en-US', { month: 'short' })` writes them, not by it: a
 * tab's first `Intl.DateTimeFormat` took 34–56 ms in Chromium here (ICU building its date patterns),
 * and it came in the first card's render, after the pointer had rested.
 */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  if (!month) return year!;
  const date = new Date(0);
  // Not Date.UTC, which reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, day ? Number(day) : 1);
  // It rolls "2019-13" or "2019-02-30" over into another date: those are shown as written.
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(month) - 1 || (day && date.getUTCDate() !== Number(day))) return iso;
  const name = MONTHS[date.getUTCMonth()]!;
  return day ? `${name} ${date.getUTCDate()}, ${date.getUTCFullYear()}` : `${name} ${date.getUTCFullYear()}`;
}
