/** Calendar days as integers (days since 1970-01-01, UTC): fast to draw, compare and format in bulk. */
const MS_PER_DAY = 86_400_000;

export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
export const dayOfDate = (d: Date): number => Math.floor(d.getTime() / MS_PER_DAY);
export const dayOfYmd = (y: number, month: number, day: number): number =>
  Math.floor(Date.UTC(y, month - 1, day) / MS_PER_DAY);

/** 1 = lundi … 7 = dimanche (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

const cache = new Map<number, string>();
/** YYYY-MM-DD */
export function isoDay(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
}

/** ISO timestamp of a day at hh:mm (UTC, like every timestamp stored by the core). */
export const isoAt = (day: number, minutes: number): string =>
  new Date(day * MS_PER_DAY + minutes * 60_000).toISOString();

export const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
export const monthOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCMonth() + 1;

/** French long date, e.g. « 4 décembre 2026 ». */
const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
export function frenchDate(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MOIS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Move a day off the weekend: Saturday and Sunday go to the following Monday, or back to Friday past `last`. */
export function workingDay(day: number, last: number): number {
  const wd = weekdayOf(day);
  if (wd <= 5) return day;
  const next = day + (8 - wd);
  return next <= last ? next : day - (wd - 5);
}
