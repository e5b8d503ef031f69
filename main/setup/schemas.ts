/** The first-run wizard's and « Ajouter une commune »'s part of the contract (pure zod). */
import { z } from 'zod';
import type { Access } from '../context';

const anyObject = z.record(z.string(), z.unknown());

export const setupApi = {
  'setup.provisioning': { args: z.object({}).strict(), access: 'public' },
  'setup.validateStep': {
    args: z.object({ step: z.enum(['commune', 'horaires', 'conseil', 'compte']), data: z.unknown() }).strict(),
    access: 'public',
  },
  'setup.createCommune': {
    args: z
      .object({
        identity: anyObject,
        horaires: z.array(z.unknown()),
        elus: z.array(z.unknown()),
        account: anyObject.optional(),
      })
      .strict(),
    access: 'public', // first run only; afterwards the implementation requires a logged-in secrétaire
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
