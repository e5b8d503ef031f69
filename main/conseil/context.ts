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
