import type { Actor, JournalEntry } from '../audit';
import type { Role } from '../auth';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';

/** What the courrier domain needs from the core for one call. */
export interface CourrierCtx {
  db: Db;
  docs: DocumentStore;
  now: Date;
  today: string; // YYYY-MM-DD, Europe/Paris
  actor: Actor;
  role: Role;
  /** the agent who signs letters (L111-2: first name, surname, title) */
  agent: { nom: string; qualite: string };
  audit(e: JournalEntry): void;
}
