export const ROLES = ['secretaire', 'maire', 'adjoint', 'conseiller', 'support'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  secretaire: 'Secrétaire de mairie',
  maire: 'Maire',
  adjoint: 'Adjoint',
  conseiller: 'Conseiller municipal',
  support: 'Support technique',
};

/**
 * What each role may do. Élus read and sign (signing arrives with the parapheur); the secrétaire runs the
 * commune; support sets up, restores and reads diagnostics, but reads no personal data of the registers.
 */
export type Permission =
  | 'commune.read'
  | 'commune.write'
  | 'users.manage'
  | 'journal.read'
  | 'backup.manage'
  | 'diagnostics.read'
  /** sign in the parapheur (who may sign WHAT is the délégations register's business, L2122-18 ff.) */
  | 'parapheur.sign';

const MATRIX: Record<Role, readonly Permission[]> = {
  secretaire: ['commune.read', 'commune.write', 'users.manage', 'journal.read', 'backup.manage', 'diagnostics.read', 'parapheur.sign'],
  maire: ['commune.read', 'journal.read', 'users.manage', 'parapheur.sign'],
  adjoint: ['commune.read', 'parapheur.sign'],
  conseiller: ['commune.read', 'parapheur.sign'],
  support: ['backup.manage', 'diagnostics.read', 'journal.read', 'users.manage'],
};

export const can = (role: Role, permission: Permission): boolean => MATRIX[role].includes(permission);
export const permissionsOf = (role: Role): readonly Permission[] => MATRIX[role];
