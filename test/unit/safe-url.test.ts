import { describe, expect, it } from 'vitest';
import { safeHttpsUrl } from '../../src/ui/safe-url';

describe('safeHttpsUrl: only https links become clickable', () => {
  it.each([
    ['https://www.cisa.gov/', 'https://www.cisa.gov/'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['http://example.org/', undefined],
    ['//evil.example/', undefined],
    ['not a url', undefined],
    ['https://example.org/"><script>', 'https://example.org/%22%3E%3Cscript%3E'],
  ])('%s → %s', (raw, expected) => {
    expect(safeHttpsUrl(raw)).toBe(expected);
  });
});
