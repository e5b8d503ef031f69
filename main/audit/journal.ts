import type { Db } from '../db';
import type { Actor, JournalEntry } from '../context';

// the journal's line is a bottom type (main/context/journal.ts): every domain's context writes it
export type { Actor, JournalEntry };

export interface JournalRow {
  id: number;
  at: string;
  user_login: string | null;
  user_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  summary: string;
  details: string | null;
}

/** Append one line to the commune's journal; call it inside the transaction of the change it records. */
export function record(db: Db, at: Date, actor: Actor, e: JournalEntry): void {
  db.prepare(
    `INSERT INTO journal (at, user_login, user_name, action, object_type, object_id, summary, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at.toISOString(),
    actor.login,
    actor.name,
    e.action,
    e.objectType ?? null,
    e.objectId == null ? null : String(e.objectId),
    e.summary,
    e.details ? JSON.stringify(e.details) : null,
  );
}

export interface JournalFilter {
  from?: string | null | undefined; // YYYY-MM-DD, inclusive
  to?: string | null | undefined; // YYYY-MM-DD, inclusive
  user?: string | null | undefined;
  text?: string | null | undefined;
  limit: number;
  offset: number;
}

export function listJournal(db: Db, f: JournalFilter): { rows: JournalRow[]; total: number; users: string[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) {
    where.push('at >= @from');
    params.from = `${f.from}T00:00:00.000Z`;
  }
  if (f.to) {
    where.push('at < @to');
    params.to = new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000).toISOString();
  }
  if (f.user) {
    where.push('user_login = @user');
    params.user = f.user;
  }
  if (f.text) {
    where.push("(summary LIKE @text ESCAPE '\\' OR action LIKE @text ESCAPE '\\')");
    params.text = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM journal ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM journal ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as JournalRow[];
  const users = (
    db.prepare('SELECT DISTINCT user_login FROM journal WHERE user_login IS NOT NULL ORDER BY 1').all() as {
      user_login: string;
    }[]
  ).map((r) => r.user_login);
  return { rows, total, users };
}
