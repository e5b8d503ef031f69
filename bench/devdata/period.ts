import type { Db } from '../../main/db/sqlite';
import { dayOfYmd, workingDay } from './days';

/** One calendar year of the registers, as day numbers; the current year stops at `today`. */
export interface Year {
  year: number;
  first: number;
  last: number;
  /** share of activity: length of the year covered, times a slow growth of the population */
  weight: number;
}

export function yearsOf(startYear: number, today: number, endYear: number): Year[] {
  const out: Year[] = [];
  for (let year = startYear; year <= endYear; year++) {
    const first = dayOfYmd(year, 1, 1);
    const last = Math.min(dayOfYmd(year, 12, 31), today);
    if (last < first) break;
    const growth = 1 + 0.006 * (year - startYear);
    out.push({ year, first, last, weight: ((last - first + 1) / 365) * growth });
  }
  return out;
}

/** A working day of the year `y`, near `day` (the mairie registers on working days). */
export const dayIn = (y: Year, day: number): number => Math.min(Math.max(workingDay(day, y.last), y.first), y.last);

/** Insert rows with one prepared statement, `size` rows per transaction. */
export function batchWriter(db: Db, sql: string, size = 5000): { add(row: unknown[]): void; end(): number } {
  const stmt = db.prepare(sql);
  const write = db.transaction((rows: unknown[][]) => {
    for (const r of rows) stmt.run(r);
  });
  let buf: unknown[][] = [];
  let count = 0;
  return {
    add(row) {
      buf.push(row);
      count++;
      if (buf.length >= size) {
        write(buf);
        buf = [];
      }
    },
    end() {
      if (buf.length) write(buf);
      buf = [];
      return count;
    },
  };
}
