import { ROLES, type Permission, type Role } from '../context';

// the roles and permissions are bottom types (main/context/access.ts): every domain's context names them
export { ROLES, type Permission, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  secretaire: 'Secrétaire de mairie',
  maire: 'Maire',
  adjoint: 'Adjoint',
  conseiller: 'Conseiller municipal',
  support: 'Support technique',
};

/**
 * What each role may do. Élus read and sign (signing arrives with the parapheur); the secrétaire runs the
 * commune; support sets up, restores and reads diagnostics (counts only), and reads no personal data: neither
 * the journal (it names élus, agents and administrés) nor the accounts (RGPD art. 5-1-c, data minimisation).
 */
const MATRIX: Record<Role, readonly Permission[]> = {
  secretaire: [
    'commune.read',
    'commune.write',
    'users.manage',
    'journal.read',
    'backup.manage',
    'diagnostics.read',
    'parapheur.sign',
    'installation.manage',
  ],
  maire: ['commune.read', 'journal.read', 'users.manage', 'parapheur.sign'],
  adjoint: ['commune.read', 'parapheur.sign'],
  conseiller: ['commune.read', 'parapheur.sign'],
  support: ['backup.manage', 'diagnostics.read', 'installation.manage'],
};

export const can = (role: Role, permission: Permission): boolean => MATRIX[role].includes(permission);
export const permissionsOf = (role: Role): readonly Permission[] => MATRIX[role];

/**
 * The order of roles, highest first. Support stands last: it is outside the council's line and holds rights
 * (backups, installation) that no élu holds, so only the secrétaire, who holds them all, grants it.
 */
export const ROLE_ORDER: readonly Role[] = ['secretaire', 'maire', 'adjoint', 'conseiller', 'support'];
const rank = (r: Role): number => ROLE_ORDER.length - ROLE_ORDER.indexOf(r);

/**
 * Whether a `granter` may give (or change, or take away) `role`: he must manage accounts, the role must not
 * rank above his own, and he must hold every permission of it himself (nobody hands out a right he lacks).
 * Only a secrétaire grants secrétaire. So a maire grants maire, adjoint, conseiller; support grants nothing.
 */
export function canGrant(granter: Role, role: Role): boolean {
  if (!can(granter, 'users.manage')) return false;
  if (role === 'secretaire') return granter === 'secretaire';
  return rank(role) <= rank(granter) && permissionsOf(role).every((p) => can(granter, p));
}

export const grantableBy = (granter: Role): Role[] => ROLES.filter((r) => canGrant(granter, r));
