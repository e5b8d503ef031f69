/** French dates, with formatters built once (issue 9): the same text, call after call. */
import { formatDate, formatDateTime } from './format';

it('writes calendar days as jj/mm/aaaa and times as « jj/mm/aaaa à hh:mm », the same at every call', () => {
  const local = new Date(2026, 10, 23, 9, 5).toISOString(); // 23 November 2026, 09:05 where the window runs
  for (let i = 0; i < 3; i++) {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(formatDate('2027-01-02')).toBe('02/01/2027');
    expect(formatDateTime(local)).toBe('23/11/2026 à 09:05');
  }
  expect(formatDate('pas une date')).toBe('pas une date');
  expect(formatDate(null)).toBe('');
});
