import type { Connection, CoreServices, Session } from '../context';
import { AppError } from '../kernel';
import { record } from '../audit';
import { isCorruption, type Db } from '../db';
import { eluOf, roleIn, type UserRow } from './accounts';
import type { Role } from './roles';

export interface CommuneChoice {
  id: string;
  nom: string;
  code_insee: string;
  role: Role;
}

export function communesOf(core: CoreServices, userId: number): CommuneChoice[] {
  return core.workspace
    .prepare(
      `SELECT c.id, c.nom, c.code_insee, r.role FROM user_role r JOIN commune_ref c ON c.id = r.commune_id
       WHERE r.user_id = ? ORDER BY c.nom COLLATE NOCASE`,
    )
    .all(userId) as CommuneChoice[];
}

export function startSession(conn: Connection, user: UserRow): Session {
  conn.session = {
    userId: user.id,
    login: user.login,
    displayName: user.display_name,
    communeId: null,
    role: null,
    eluId: null,
    locked: false,
    mustChangePassword: user.must_change_password === 1,
  };
  return conn.session;
}

/** The commune to open after login: the one this user opened last. */
export function lastCommuneOf(core: CoreServices, userId: number): string | null {
  const row = core.workspace
    .prepare(
      `SELECT c.id FROM user_role r JOIN commune_ref c ON c.id = r.commune_id WHERE r.user_id = ?
       ORDER BY c.last_opened_at DESC NULLS LAST, c.nom LIMIT 1`,
    )
    .get(userId) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Make `communeId` the session's commune. Its database is opened here; if it cannot be (damaged, newer
 * version) the session still points at it so that the window can show the restore screen.
 */
export function enterCommune(
  core: CoreServices,
  session: Session,
  communeId: string,
  how: 'connexion' | 'changement',
): void {
  const role = roleIn(core.workspace, session.userId, communeId);
  if (!role)
    throw new AppError(
      'FORBIDDEN',
      "Vous n'avez pas accès à cette commune. Demandez à la secrétaire de mairie de vous l'ouvrir.",
    );
  session.communeId = communeId;
  session.role = role;
  session.eluId = eluOf(core.workspace, session.userId, communeId);
  const now = core.clock();
  core.workspace.prepare('UPDATE commune_ref SET last_opened_at = ? WHERE id = ?').run(now.toISOString(), communeId);
  let db;
  try {
    db = core.communes.get(communeId).db;
  } catch {
    return; // app.status reports the problem and the window offers the restore screen
  }
  // found damaged since it was opened (main/host/communes.ts): the window shows why, nothing is written into it
  if (core.communes.damage(communeId)) return;
  try {
    visit(db, session, now, how);
  } catch (e) {
    if (!isCorruption(e)) throw e;
    core.communes.markDamaged(communeId); // a damaged page met before the day's check: the same banner
  }
}

function visit(db: Db, session: Session, now: Date, how: 'connexion' | 'changement'): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO user_visit (user_login, previous_visit, last_visit) VALUES (?, NULL, ?)
       ON CONFLICT (user_login) DO UPDATE SET previous_visit = last_visit, last_visit = excluded.last_visit`,
    ).run(session.login, now.toISOString());
    record(
      db,
      now,
      { login: session.login, name: session.displayName },
      {
        action: how === 'connexion' ? 'session.connexion' : 'session.changement-commune',
        summary: how === 'connexion' ? 'Connexion' : 'Ouverture de la commune (changement de commune)',
      },
    );
  })();
}
