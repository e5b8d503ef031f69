/** Calendar-day arithmetic on YYYY-MM-DD strings (UTC noon avoids any daylight-saving surprise). */
import { dateCourte } from '../../kernel';

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T12:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => fromTime(toTime(d) + n * DAY);
export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / DAY);

/** Same day N months later, clamped to the month's last day (31 janvier + 1 mois = 28/29 février). */
export function addMonths(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1, 12));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return fromTime(target.getTime());
}

const weekdayFr = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });
/** « lundi 16/11/2026 »: the day of the week helps, the date itself is jj/mm/aaaa as everywhere (issue 10) */
export const formatDateFr = (d: string): string => `${weekdayFr.format(new Date(toTime(d)))} ${dateCourte(d)}`;
