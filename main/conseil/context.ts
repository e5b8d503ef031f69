import type { JournalEntry } from '../audit';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';

/** What the conseil domain needs from the core for one call. */
export interface ConseilCtx {
  db: Db;
  docs: DocumentStore;
  now: Date;
  today: string; // YYYY-MM-DD, Europe/Paris
  audit(e: JournalEntry): void;
}
