/** Calendar days as YYYY-MM-DD strings in Europe/Paris: the law counts days, not instants. */
// the one Paris-day function (« today » everywhere is the Paris day of the core's clock)
export { parisDay } from '../../kernel';

const utc = (day: string) => new Date(`${day}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};

/** 0 = Sunday … 6 = Saturday */
export const weekday = (day: string): number => utc(day).getUTCDay();

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}
