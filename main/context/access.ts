/**
 * Who is who, and who may call what: the shapes every domain's schemas.ts and handlers share. They sit below
 * the domains (architecture §2) so that a domain's types never reach up to the contract that assembles them;
 * the role matrix itself (what each role may do) stays in main/auth/roles.ts, which re-exports these.
 */
import type { z } from 'zod';

export const ROLES = ['secretaire', 'maire', 'adjoint', 'conseiller', 'support'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do (the matrix: main/auth/roles.ts). Élus read and sign; the secrétaire runs the commune;
 * support sets up, restores and reads diagnostics (counts only), and reads no personal data (RGPD art. 5-1-c).
 */
export type Permission =
  | 'commune.read'
  | 'commune.write'
  | 'users.manage'
  | 'journal.read'
  | 'backup.manage'
  | 'diagnostics.read'
  /** sign in the parapheur (who may sign WHAT is the délégations register's business, L2122-18 ff.) */
  | 'parapheur.sign'
  /** change an installation-wide setting (the lock delay): must be held in EVERY commune, see auth/access.ts */
  | 'installation.manage';

/**
 * Who may call a handler. 'public': before login (first-run wizard, login screen). 'session': any logged-in,
 * unlocked user. A Permission: the user's role in the open commune must grant it.
 */
export type Access = 'public' | 'session' | Permission;

/** A domain's part of the contract (its schemas.ts): handler name → zod schema of the arguments, and access. */
export type SchemaMap = Record<string, { args: z.ZodType; access: Access }>;
