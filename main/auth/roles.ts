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
  | 'diagnostics.read';

const MATRIX: Record<Role, readonly Permission[]> = {
  secretaire: ['commune.read', 'commune.write', 'users.manage', 'journal.read', 'backup.manage', 'diagnostics.read'],
  maire: ['commune.read', 'journal.read', 'users.manage'],
  adjoint: ['commune.read'],
  conseiller: ['commune.read'],
  support: ['backup.manage', 'diagnostics.read', 'journal.read', 'users.manage'],
};

export const can = (role: Role, permission: Permission): boolean => MATRIX[role].includes(permission);
export const permissionsOf = (role: Role): readonly Permission[] => MATRIX[role];
