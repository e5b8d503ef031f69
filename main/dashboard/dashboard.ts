/** The dashboard's reads: what arrived since the last visit, and the « À faire » of every domain. */
import type { Db } from '../db';

export interface Arrival {
  id: number;
  arrived_at: string;
  source: string;
  title: string;
  object_type: string | null;
  object_id: string | null;
}
export interface Todo {
  id: number;
  due_date: string | null;
  title: string;
  legal_ref: string | null;
  object_type: string | null;
  object_id: string | null;
}

/** The previous visit of this user to this commune (null on the first one). */
export const previousVisit = (db: Db, login: string): string | null =>
  (
    db.prepare('SELECT previous_visit FROM user_visit WHERE user_login = ?').get(login) as
      { previous_visit: string | null } | undefined
  )?.previous_visit ?? null;

export const arrivalsSince = (db: Db, since: string | null): Arrival[] =>
  db
    .prepare(
      'SELECT id, arrived_at, source, title, object_type, object_id FROM arrival WHERE arrived_at > ? ORDER BY arrived_at DESC LIMIT 100',
    )
    .all(since ?? '') as Arrival[];

export const openTodos = (db: Db): Todo[] =>
  db
    .prepare(
      `SELECT id, due_date, title, legal_ref, object_type, object_id FROM todo WHERE done_at IS NULL
       ORDER BY due_date IS NULL, due_date LIMIT 100`,
    )
    .all() as Todo[];
