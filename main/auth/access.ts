/**
 * Account rules the core checks before any handler runs, on top of the role matrix (core.ts dispatch):
 * a temporary password opens nothing but its own change, and an installation-wide setting is changed only by
 * someone who manages the whole installation. Whatever the window shows, these hold.
 */
import { AppError } from '../kernel';
import type { Session } from '../context';
import type { Db } from '../db';
import type { Permission, Role } from './roles';

/**
 * What a session on a temporary password (created by someone else, reset, or recovered by support) may still
 * call: its status, its lock, logging out or in again, and changing the password. Nothing reads or changes data.
 */
const ALLOWED_ON_TEMPORARY_PASSWORD: ReadonlySet<string> = new Set([
  'app.status',
  'app.activity',
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
]);

/** The roles that answer for a commune as a whole, technically: the secrétaire, or support. */
const INSTALLATION_ROLES: ReadonlySet<Role> = new Set(['secretaire', 'support']);

/**
 * Who manages the installation: whoever holds the secrétaire or the support role in EVERY commune of it. A
 * setting of the installation (the lock delay) applies to every commune's sessions, so the secrétaire of one
 * commune among several cannot change it for the others; a secrétaire serving all of them, or support, can.
 */
export function managesInstallation(ws: Db, userId: number): boolean {
  const rows = ws
    .prepare('SELECT r.role FROM commune_ref c LEFT JOIN user_role r ON r.commune_id = c.id AND r.user_id = ?')
    .all(userId) as { role: Role | null }[];
  return rows.length > 0 && rows.every((r) => r.role !== null && INSTALLATION_ROLES.has(r.role));
}

/** Called by the core for every message, before the role check; a missing or locked session is the core's business. */
export function checkAccountRules(ws: Db, session: Session | null, name: string, access: string): void {
  if (!session || session.locked) return;
  if (session.mustChangePassword && !ALLOWED_ON_TEMPORARY_PASSWORD.has(name))
    throw new AppError('FORBIDDEN', "Changez d'abord votre mot de passe temporaire.");
  if (
    access === ('installation.manage' satisfies Permission) &&
    session.communeId &&
    !managesInstallation(ws, session.userId)
  )
    throw new AppError(
      'FORBIDDEN',
      'Ce réglage vaut pour toutes les communes de cette installation : seule une personne qui est secrétaire de mairie (ou support) de chacune d’elles peut le changer.',
    );
}
