import type { Db } from '../db';
import { AppError } from '../kernel';
import type { Role } from './roles';
import { DUMMY_HASH, hashPassword, throttleDelayMs, verifyPassword } from './password';

export interface UserRow {
  id: number;
  login: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  failed_count: number;
  last_failed_at: string | null;
  created_at: string;
}

export const userCount = (ws: Db): number => (ws.prepare('SELECT count(*) AS n FROM user').get() as { n: number }).n;

export const findUser = (ws: Db, login: string): UserRow | undefined =>
  ws.prepare('SELECT * FROM user WHERE login = ?').get(login.trim()) as UserRow | undefined;

export const getUser = (ws: Db, id: number): UserRow | undefined =>
  ws.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow | undefined;

export function workspaceLog(ws: Db, at: Date, login: string | null, action: string, summary: string): void {
  ws.prepare('INSERT INTO journal (at, user_login, action, summary) VALUES (?, ?, ?, ?)').run(
    at.toISOString(),
    login,
    action,
    summary,
  );
}

export interface NewAccount {
  login: string;
  display_name: string;
  password: string;
  mustChange?: boolean;
}

export async function createUser(ws: Db, at: Date, a: NewAccount): Promise<number> {
  return insertUser(ws, at, a, await hashPassword(a.password));
}

/** Synchronous part of createUser, to run inside a transaction with the hash computed beforehand. */
export function insertUser(ws: Db, at: Date, a: Omit<NewAccount, 'password'>, hash: string): number {
  if (findUser(ws, a.login))
    throw new AppError('CONFLICT', `L'identifiant « ${a.login} » est déjà utilisé.`, {
      login: 'Identifiant : déjà utilisé.',
    });
  const r = ws
    .prepare(
      'INSERT INTO user (login, display_name, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(a.login.trim(), a.display_name, hash, a.mustChange ? 1 : 0, at.toISOString());
  return Number(r.lastInsertRowid);
}

export const setRole = (
  ws: Db,
  userId: number,
  communeId: string,
  role: Role | null,
  eluId: number | null = null,
): void => {
  if (role === null) ws.prepare('DELETE FROM user_role WHERE user_id = ? AND commune_id = ?').run(userId, communeId);
  else
    ws.prepare(
      'INSERT INTO user_role (user_id, commune_id, role, elu_id) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, commune_id) DO UPDATE SET role = excluded.role, elu_id = excluded.elu_id',
    ).run(userId, communeId, role, ELU_ROLES.has(role) ? eluId : null);
};

/** Roles that are élus of the council: such an account may be linked to its élu. */
export const ELU_ROLES: ReadonlySet<Role> = new Set(['maire', 'adjoint', 'conseiller']);

export const eluOf = (ws: Db, userId: number, communeId: string): number | null =>
  (
    ws.prepare('SELECT elu_id FROM user_role WHERE user_id = ? AND commune_id = ?').get(userId, communeId) as
      { elu_id: number | null } | undefined
  )?.elu_id ?? null;

export const roleIn = (ws: Db, userId: number, communeId: string): Role | null =>
  (
    ws.prepare('SELECT role FROM user_role WHERE user_id = ? AND commune_id = ?').get(userId, communeId) as
      { role: Role } | undefined
  )?.role ?? null;

function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} secondes` : `${Math.ceil(s / 60)} minute${Math.ceil(s / 60) > 1 ? 's' : ''}`;
}

/**
 * Check a login and password. After 3 wrong passwords each try must wait (30 s, doubling, at most 15 min);
 * the account is never blocked for good. An unknown login costs the same time and says the same thing.
 */
export async function authenticate(ws: Db, now: Date, login: string, password: string): Promise<UserRow> {
  const user = findUser(ws, login);
  const bad = () => new AppError('BAD_CREDENTIALS', 'Identifiant ou mot de passe incorrect.');
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    workspaceLog(ws, now, login.slice(0, 100), 'connexion.echec', 'Tentative de connexion avec un identifiant inconnu');
    throw bad();
  }
  const wait = user.last_failed_at
    ? Date.parse(user.last_failed_at) + throttleDelayMs(user.failed_count) - now.getTime()
    : 0;
  if (wait > 0)
    throw new AppError(
      'THROTTLED',
      `Trop d'essais de mot de passe. Par sécurité, attendez ${formatWait(wait)} avant de réessayer. Mot de passe oublié : appelez le support.`,
    );
  if (!(await verifyPassword(password, user.password_hash))) {
    const failed = user.failed_count + 1;
    ws.prepare('UPDATE user SET failed_count = ?, last_failed_at = ? WHERE id = ?').run(
      failed,
      now.toISOString(),
      user.id,
    );
    workspaceLog(
      ws,
      now,
      user.login,
      'connexion.echec',
      `Mot de passe incorrect (${failed} essai${failed > 1 ? 's' : ''} de suite)`,
    );
    const next = throttleDelayMs(failed);
    throw new AppError(
      'BAD_CREDENTIALS',
      next > 0
        ? `Identifiant ou mot de passe incorrect. Par sécurité, attendez ${formatWait(next)} avant le prochain essai.`
        : 'Identifiant ou mot de passe incorrect.',
    );
  }
  if (user.failed_count > 0)
    ws.prepare('UPDATE user SET failed_count = 0, last_failed_at = NULL WHERE id = ?').run(user.id);
  return user;
}

export async function changePassword(ws: Db, userId: number, password: string, mustChange = false): Promise<void> {
  const hash = await hashPassword(password);
  ws.prepare(
    'UPDATE user SET password_hash = ?, must_change_password = ?, failed_count = 0, last_failed_at = NULL WHERE id = ?',
  ).run(hash, mustChange ? 1 : 0, userId);
}
