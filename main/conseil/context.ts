import type { JournalEntry } from '../audit/journal';
import type { Db } from '../db/sqlite';
import type { DocumentStore } from '../documents/store';

/** What the conseil domain needs from the core for one call. */
export interface ConseilCtx {
  db: Db;
  docs: DocumentStore;
  now: Date;
  today: string; // YYYY-MM-DD, Europe/Paris
  audit(e: JournalEntry): void;
}

/** Today in Paris: a séance at 20:30 on the 23rd is on the 23rd, whatever the UTC date. */
const PARIS_DAY = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
export const parisDay = (d: Date): string => PARIS_DAY.format(d);
