import type { HandlerResult } from '../bridge';

export type AppStatus = HandlerResult<'app.status'>;
export type ReadyStatus = Extract<AppStatus, { phase: 'ready' }>;
export type CommuneChoice = ReadyStatus['communes'][number];
export type Role = CommuneChoice['role'];
/** What the session may do in the open commune, as the core computed it (app.status, main/auth/roles.ts). */
export type Permissions = ReadyStatus['permissions'];
export type Permission = Permissions[number];

/** Whether to show what needs `p`: the core decides (and checks again at every call); the window only hides. */
export const can = (perms: Permissions | undefined, p: Permission): boolean => perms?.includes(p) ?? false;

export const ROLE_LABELS: Record<Role, string> = {
  secretaire: 'Secrétaire de mairie',
  maire: 'Maire',
  adjoint: 'Adjoint',
  conseiller: 'Conseiller municipal',
  support: 'Support technique',
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
