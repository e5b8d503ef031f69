/** The signing and parapheur part of the contract (see schemas.ts). Forms are checked in detail by the domain. */
import { z } from 'zod';
import type { Access } from '../context';

const id = z.number().int().positive();
const none = z.object({}).strict();
const hex = z.string().regex(/^[0-9a-f]{1,128}$/);
const pin = z.string().min(1).max(64);
const signataire = z.union([z.object({ eluId: id }).strict(), z.object({ delegationId: id }).strict()]);

export const signingApi = {
  'signing.modules': { args: none, access: 'commune.read' },
  'signing.settings': { args: none, access: 'commune.read' },
  'signing.saveSettings': {
    args: z
      .object({
        modulePath: z.string().trim().min(1).max(500).nullable(),
        trustedRoots: z.array(z.string().max(20_000)).max(20),
      })
      .strict(),
    access: 'commune.write',
  },
  // No call names a library to load: the module comes from the saved setting (checked when saved) or the vendor defaults.
  'signing.scan': { args: none, access: 'commune.read' },
  'signing.test': { args: none, access: 'commune.read' },
  'signing.certificate': {
    args: z.object({ slotId: hex, certificateId: hex, eluId: id.nullable().optional() }).strict(),
    access: 'commune.read',
  },
  'signing.expiryWarnings': { args: none, access: 'commune.read' },

  'parapheur.delegations': { args: none, access: 'commune.read' },
  'parapheur.saveDelegation': {
    args: z.object({ delegation: z.record(z.string(), z.unknown()) }).strict(),
    access: 'commune.write',
  },
  'parapheur.revokeDelegation': {
    args: z.object({ delegationId: id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    access: 'commune.write',
  },
  'parapheur.list': {
    args: z.object({ statut: z.enum(['a_viser', 'a_signer', 'signe', 'refuse']).nullable().optional() }).strict(),
    access: 'commune.read',
  },
  'parapheur.get': { args: z.object({ documentId: id }).strict(), access: 'commune.read' },
  'parapheur.file': {
    args: z.object({ documentId: id, version: z.enum(['courante', 'originale']).default('courante') }).strict(),
    access: 'commune.read',
  },
  'parapheur.viser': { args: z.object({ documentId: id }).strict(), access: 'commune.write' },
  'parapheur.refuser': {
    args: z.object({ documentId: id, motif: z.string().trim().min(3).max(2000) }).strict(),
    access: 'parapheur.sign',
  },
  'parapheur.commenter': {
    args: z.object({ documentId: id, texte: z.string().trim().min(1).max(2000) }).strict(),
    access: 'parapheur.sign',
  },
  'parapheur.resoumettre': { args: z.object({ documentId: id }).strict(), access: 'commune.write' },
  'parapheur.importer': {
    args: z
      .object({
        uploadId: z.uuid(),
        kind: z.enum(['arrete', 'etat_civil', 'courrier', 'pes']),
        titre: z.string().trim().min(3).max(300),
      })
      .strict(),
    access: 'commune.write',
  },
  'parapheur.sessionStart': {
    args: z.object({ slotId: hex, certificateId: hex, pin, signataire }).strict(),
    access: 'parapheur.sign',
  },
  'parapheur.sessionState': { args: none, access: 'parapheur.sign' },
  'parapheur.sessionEnd': { args: none, access: 'parapheur.sign' },
  'parapheur.signer': {
    args: z.object({ documentIds: z.array(id).min(1).max(200), pin: pin.optional() }).strict(),
    access: 'parapheur.sign',
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
