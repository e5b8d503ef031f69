import type { Actor, JournalEntry } from '../audit';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';

/** What the état civil needs from the core for one call (built by handlers.ts after the access check). */
export interface EcCtx {
  db: Db;
  docs: DocumentStore;
  now: Date;
  today: string; // YYYY-MM-DD, Europe/Paris
  actor: Actor;
  /** the quality under which this person sees the registers, e.g. « Maire », for the journal and mentions */
  qualite: string;
  audit(e: JournalEntry): void;
}

// the one Paris-day function (« today » everywhere is the Paris day of the core's clock)
export { parisDay } from '../kernel';
