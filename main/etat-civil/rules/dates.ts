/** Calendar-day arithmetic on YYYY-MM-DD strings (UTC noon: no daylight-saving surprise); their printed form is the kernel's. */
const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T12:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => fromTime(toTime(d) + n * DAY);
export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / DAY);
/** 1 = lundi … 7 = dimanche */
export const weekday = (d: string): number => ((new Date(toTime(d)).getUTCDay() + 6) % 7) + 1;

/** Same day N years later; 29 février becomes 28 février in a common year. */
export function addYears(d: string, n: number): string {
  const y = Number(d.slice(0, 4)) + n;
  const md = d.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Easter Sunday (anonymous Gregorian computus), for the movable public holidays. */
function easter(y: number): string {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Jours fériés légaux (Code du travail L3133-1), metropolitan France. */
export function isJourFerie(d: string): boolean {
  const md = d.slice(5);
  if (['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].includes(md)) return true;
  const p = easter(Number(d.slice(0, 4)));
  return [1, 39, 50].some((n) => addDays(p, n) === d); // lundi de Pâques, Ascension, lundi de Pentecôte
}

export const isJourOuvrable = (d: string): boolean => weekday(d) < 6 && !isJourFerie(d);

/** « 03/06/2020 »: the kernel's one formatter (product rule jj/mm/aaaa, on screen and on paper). */
export { dateCourte } from '../../kernel';
