/** The accounts' part of the contract: login, lock, password, users of the commune (pure zod: Electron's main loads it). */
import { z } from 'zod';
import { ROLES } from './roles';
import type { Access } from '../context';

/** Who may call a handler (main/context/access.ts); re-exported for the schemas that still import it here. */
export type { Access };

const none = z.object({}).strict();
const anyObject = z.record(z.string(), z.unknown());
const id = z.number().int().positive();

export const authApi = {
  'auth.login': {
    args: z.object({ login: z.string().max(100), password: z.string().max(200) }).strict(),
    access: 'public',
  },
  'auth.logout': { args: none, access: 'public' },
  'auth.lock': { args: none, access: 'session' },
  'auth.unlock': { args: z.object({ password: z.string().max(200) }).strict(), access: 'public' },
  'auth.changePassword': {
    args: z
      .object({ current: z.string().max(200), password: z.string().max(200), password_confirm: z.string().max(200) })
      .strict(),
    access: 'session',
  },

  'users.list': { args: none, access: 'users.manage' },
  'users.create': {
    args: z.object({ account: anyObject, role: z.enum(ROLES), eluId: id.nullable().optional() }).strict(),
    access: 'users.manage',
  },
  'users.setRole': {
    args: z.object({ userId: id, role: z.enum(ROLES).nullable(), eluId: id.nullable().optional() }).strict(),
    access: 'users.manage',
  },
  'users.resetPassword': { args: z.object({ userId: id }).strict(), access: 'users.manage' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
