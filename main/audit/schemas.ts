/** The journal's part of the contract: reading it, filtered (pure zod). Nothing writes it from the window. */
import { z } from 'zod';
import type { Access } from '../context';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditApi = {
  'journal.list': {
    args: z
      .object({
        from: day.nullable().optional(),
        to: day.nullable().optional(),
        user: z.string().max(100).nullable().optional(),
        text: z.string().max(200).nullable().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    access: 'journal.read',
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
