/** The dashboard's part of the contract (pure zod). */
import { z } from 'zod';
import type { Access } from '../context';

export const dashboardApi = {
  'dashboard.get': { args: z.object({}).strict(), access: 'commune.read' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
