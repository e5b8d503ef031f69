/** The journal's line as every domain writes it (main/audit/journal.ts records it, and re-exports these). */

export interface Actor {
  login: string | null;
  name: string | null;
}

export interface JournalEntry {
  action: string; // stable code, e.g. 'commune.identite.modifiee'
  summary: string; // French, shown as is
  objectType?: string;
  objectId?: string | number;
  details?: Record<string, unknown>; // never a password, never a document's content
}
