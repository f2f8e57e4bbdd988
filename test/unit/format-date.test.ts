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

  it('shows what is not a date as it is', () => {
    for (const text of ['2019-13', '2019-02-30', 'June 2019', '', '20190101']) expect(formatDate(text)).toBe(text);
  });
});
