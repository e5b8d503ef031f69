/**
 * Jours ouvrés for the SVE acknowledgements (R112-11-2: AEE within 1 working day, ARE within 10): Monday to
 * Friday except public holidays (Code du travail L3133-1), including Ascension and Whit Monday, with Good
 * Friday and 26 December in Moselle, Bas-Rhin and Haut-Rhin (L3134-13). Holidays come from
 * @socialgouv/jours-feries (Easter computed for every year), never from a hand-typed list.
 */
import joursFeries from '@socialgouv/jours-feries';
import { addDays, weekday } from './days';

/** Départements of Alsace-Moselle, where the local law adds two public holidays. */
export const ALSACE_MOSELLE = ['57', '67', '68'] as const;
export const isAlsaceMoselle = (departement: string): boolean =>
  (ALSACE_MOSELLE as readonly string[]).includes(departement);

const cache = new Map<string, Map<string, string>>();

/**
 * The year's public holidays as YYYY-MM-DD → name. The library returns local-midnight Dates built by adding
 * days in milliseconds, so a DST change can move one to 23:00 the day before: read the date at noon.
 */
export function publicHolidays(year: number, departement: string): Map<string, string> {
  const alsace = isAlsaceMoselle(departement);
  const key = `${year}:${alsace}`;
  let m = cache.get(key);
  if (!m) {
    m = new Map();
    for (const [name, d] of Object.entries(joursFeries(year, { alsace }))) {
      const noon = new Date(d.getTime() + 12 * 3_600_000);
      const day = `${noon.getFullYear()}-${String(noon.getMonth() + 1).padStart(2, '0')}-${String(noon.getDate()).padStart(2, '0')}`;
      m.set(day, name);
    }
    cache.set(key, m);
  }
  return m;
}

export function isJourOuvre(day: string, departement: string): boolean {
  const w = weekday(day);
  if (w === 0 || w === 6) return false;
  return !publicHolidays(Number(day.slice(0, 4)), departement).has(day);
}

/** The n-th working day after `day` (the day of receipt itself does not count). */
export function addWorkingDays(day: string, n: number, departement: string): string {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isJourOuvre(d, departement)) left--;
  }
  return d;
}

/** Working days from `from` (excluded) to `to` (included); negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, departement: string): number {
  if (to < from) return -workingDaysBetween(to, from, departement);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isJourOuvre(d, departement)) n++;
  return n;
}
