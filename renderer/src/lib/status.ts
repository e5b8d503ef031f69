import type { HandlerResult } from '../bridge';

export type AppStatus = HandlerResult<'app.status'>;
export type ReadyStatus = Extract<AppStatus, { phase: 'ready' }>;
export type CommuneChoice = ReadyStatus['communes'][number];
export type Role = CommuneChoice['role'];
export type Permission =
  | 'commune.read'
  | 'commune.write'
  | 'users.manage'
  | 'journal.read'
  | 'backup.manage'
  | 'diagnostics.read'
  | 'parapheur.sign'
  | 'installation.manage';

/** Mirror of main/auth/roles.ts (data only): used to hide what the core would refuse. */
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

export const can = (role: Role | null | undefined, p: Permission): boolean => (role ? MATRIX[role].includes(p) : false);

export const ROLE_LABELS: Record<Role, string> = {
  secretaire: 'Secrétaire de mairie',
  maire: 'Maire',
  adjoint: 'Adjoint',
  conseiller: 'Conseiller municipal',
  support: 'Support technique',
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
