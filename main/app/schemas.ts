/** The core's own part of the contract (pure zod): its status, the window's activity, diagnostics for support. */
import { z } from 'zod';
import type { Access } from '../context';

const none = z.object({}).strict();

export const appApi = {
  'app.status': { args: none, access: 'public' },
  'app.activity': { args: none, access: 'session' },
  'diagnostics.get': { args: none, access: 'diagnostics.read' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
