/** The commune's part of the contract: its dossier, élus, opening hours, and the installation's settings (pure zod). */
import { z } from 'zod';
import type { Access } from '../context';

const none = z.object({}).strict();
const anyObject = z.record(z.string(), z.unknown());
const id = z.number().int().positive();
const communeId = z.string().regex(/^[0-9AB]{5}-[a-z0-9-]{1,60}$/);

export const communeApi = {
  'commune.list': { args: none, access: 'session' },
  'commune.switch': { args: z.object({ communeId }).strict(), access: 'session' },
  'commune.get': { args: none, access: 'commune.read' },
  'commune.updateIdentity': { args: z.object({ identity: anyObject }).strict(), access: 'commune.write' },
  'commune.setHoraires': { args: z.object({ horaires: z.array(z.unknown()) }).strict(), access: 'commune.write' },
  'commune.saveElu': { args: z.object({ id: id.nullable(), elu: anyObject }).strict(), access: 'commune.write' },

  'settings.get': { args: none, access: 'session' },
  // installation-wide: held in every commune of the installation (auth/access.ts)
  'settings.set': {
    args: z.object({ lockMinutes: z.number().int().min(1).max(120) }).strict(),
    access: 'installation.manage',
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
