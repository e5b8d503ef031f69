import { MONTH_WORD } from '../../test-support/dates';
import { dateCourte, heure, parisDateFr, parisDateHeure, parisDay } from './time';

describe('the printed form of a day', () => {
  it('prints a day jj/mm/aaaa, two digits for day and month, never a month in words', () => {
    expect(dateCourte('2026-11-23')).toBe('23/11/2026');
    expect(dateCourte('2026-08-01')).toBe('01/08/2026');
    expect(dateCourte('1985-06-01')).toBe('01/06/1985');
    for (let m = 1; m <= 12; m++) expect(dateCourte(`2026-${String(m).padStart(2, '0')}-01`)).not.toMatch(MONTH_WORD);
  });
  it('prints a value that is not a day as typed, never a wrong date', () => {
    expect(dateCourte('vers 1900')).toBe('vers 1900');
    expect(dateCourte('')).toBe('');
  });
  it('prints an instant as its Paris day: 23:30 UTC on the 23rd of November is the 24th in Paris', () => {
    const late = new Date('2026-11-23T23:30:00Z');
    expect(parisDay(late)).toBe('2026-11-24');
    expect(parisDateFr(late)).toBe('24/11/2026');
  });
});

describe('the printed form of an hour', () => {
  it('prints the Paris hour 24 h « 20:30 », summer and winter time, midnight as 00:05', () => {
    expect(heure(new Date('2026-11-23T19:30:00Z'))).toBe('20:30'); // CET, UTC+1
    expect(heure(new Date('2026-07-14T07:05:00Z'))).toBe('09:05'); // CEST, UTC+2
    expect(heure(new Date('2026-11-23T23:05:00Z'))).toBe('00:05');
    expect(heure(new Date('2026-11-23T13:00:00Z'))).not.toMatch(/h|PM|AM/);
  });
  it('prints an instant as its Paris day and hour: 23:30 UTC on the 23rd is « 24/11/2026 à 00:30 »', () => {
    expect(parisDateHeure(new Date('2026-11-23T23:30:00Z'))).toBe('24/11/2026 à 00:30');
  });
});
