/**
 * Periods in months (CRPA L231-1: « deux mois »): counted from the day after receipt to the same day-number
 * of the last month; when that day does not exist there, the period ends on that month's last day
 * (domain-rules §3.5, as démarches-simplifiées: deposited 15 May 2023, 2 months → 16 July 2023).
 */
import { addDays } from './days';

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1-12

/** Same day-number `months` later, clamped to the end of the month (31 December + 2 months → 28/29 February). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const ty = y + Math.floor(m / 12);
  const tm = (((m % 12) + 12) % 12) + 1;
  const d = Math.min(Number(day.slice(8, 10)), lastDayOfMonth(ty, tm));
  return `${ty}-${String(tm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date a request received on `receivedOn` is decided by silence after `months` months. */
export const periodEnd = (receivedOn: string, months: number): string => addMonths(addDays(receivedOn, 1), months);
