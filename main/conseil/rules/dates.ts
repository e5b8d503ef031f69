/** Calendar-day arithmetic on YYYY-MM-DD strings (UTC noon avoids any daylight-saving surprise). */
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

const longFr = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** « lundi 16 novembre 2026 » */
export const formatDateFr = (d: string): string => longFr.format(new Date(toTime(d)));
