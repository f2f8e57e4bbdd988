import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/ui/format-date';

describe('formatDate', () => {
  it('writes a date to the precision the knowledge has it', () => {
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('2019-01')).toBe('Jan 2019');
    expect(formatDate('2009-01-20')).toBe('Jan 20, 2009');
    // UTC: no time zone moves the first of a month into the last day of the one before.
    expect(formatDate('2025-06-01')).toBe('Jun 1, 2025');
  });

  it('writes every month of every day as Intl.DateTimeFormat writes it in English', () => {
    const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' });
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2001, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(formatDate(iso), iso).toBe(day.format(t));
      expect(formatDate(iso.slice(0, 7)), iso).toBe(month.format(t));
    }
    expect(formatDate('0987-03-04')).toBe('Mar 4, 987');
    expect(formatDate('0050-01')).toBe('Jan 50');
  });

  it('shows what is not a date as it is', () => {
    for (const text of ['2019-13', '2019-02-30', 'June 2019', '', '20190101']) expect(formatDate(text)).toBe(text);
  });
});
