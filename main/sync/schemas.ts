/** The synchronisation's part of the contract (see schemas.ts). */
import { z } from 'zod';
import type { Access } from '../context';

const id = z.number().int().positive();
const typologie = z.string().regex(/^[A-Z0-9_]{5}$/);

export const syncApi = {
  'sync.status': { args: z.object({}).strict(), access: 'commune.read' },
  'sync.now': { args: z.object({}).strict(), access: 'commune.write' },
  'sync.messages': { args: z.object({}).strict(), access: 'commune.read' },
  'sync.plateforme': { args: z.object({}).strict(), access: 'commune.write' },
  'sync.savePlateforme': {
    args: z
      .object({
        url: z.url({ protocol: /^https$/, error: 'Adresse de la plateforme : une adresse https:// complète.' }),
        login: z.string().max(100).nullable().optional(),
        password: z.string().max(200).nullable().optional(),
        certificatUploadId: z.uuid().nullable().optional(),
        certificatPassword: z.string().max(200).nullable().optional(),
        /** the platform's own certificate authority, when it is not a public one (PEM or DER file) */
        caUploadId: z.uuid().nullable().optional(),
      })
      .strict(),
    access: 'commune.write',
  },
  'sync.testConnexion': { args: z.object({}).strict(), access: 'commune.write' },
  'sync.annuler': { args: z.object({ outboxId: id }).strict(), access: 'commune.write' },
  'sync.renvoyer': { args: z.object({ outboxId: id }).strict(), access: 'commune.write' },
  'sync.repondre': {
    args: z
      .object({ inboundId: id, mode: z.enum(['reponse', 'refus']), typeActe: typologie, uploadId: z.uuid() })
      .strict(),
    access: 'commune.write',
  },
  'sync.demanderClassification': { args: z.object({}).strict(), access: 'commune.write' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
