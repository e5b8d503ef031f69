/** The conseil municipal's part of the contract (see schemas.ts). Form payloads are checked in detail by the domain. */
import { z } from 'zod';
import type { Access } from '../context';

const id = z.number().int().positive();
const form = z.record(z.string(), z.unknown());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ids = z.array(id).max(100);

export const conseilApi = {
  'conseil.classification': { args: z.object({}).strict(), access: 'commune.read' },
  'conseil.seances': {
    args: z.object({ annee: z.number().int().min(1900).max(2200).nullable().optional() }).strict(),
    access: 'commune.read',
  },
  'conseil.seance': { args: z.object({ seanceId: id }).strict(), access: 'commune.read' },
  'conseil.createSeance': { args: z.object({ seance: form }).strict(), access: 'commune.write' },
  'conseil.updateSeance': { args: z.object({ seanceId: id, seance: form }).strict(), access: 'commune.write' },
  'conseil.savePoint': {
    args: z.object({ seanceId: id, pointId: id.nullable(), point: form }).strict(),
    access: 'commune.write',
  },
  'conseil.removePoint': { args: z.object({ pointId: id }).strict(), access: 'commune.write' },
  'conseil.movePoint': {
    args: z.object({ pointId: id, direction: z.enum(['haut', 'bas']) }).strict(),
    access: 'commune.write',
  },
  'conseil.addAnnexe': {
    args: z
      .object({
        pointId: id,
        uploadId: z.uuid(),
        typePj: z
          .string()
          .regex(/^[0-9]{2}_[A-Z]{2}$/)
          .nullable()
          .optional(),
      })
      .strict(),
    access: 'commune.write',
  },
  'conseil.convocationPdf': { args: z.object({ seanceId: id, eluId: id }).strict(), access: 'commune.read' },
  'conseil.recordEnvoi': { args: z.object({ seanceId: id, envoi: form }).strict(), access: 'commune.write' },
  'conseil.recordEnvois': {
    args: z.object({ seanceId: id, envois: z.array(form).min(1).max(100) }).strict(),
    access: 'commune.write',
  },
  'conseil.listePdf': { args: z.object({ seanceId: id }).strict(), access: 'commune.read' },
  'conseil.recordAffichage': { args: z.object({ seanceId: id, date: day }).strict(), access: 'commune.write' },
  'conseil.openSeance': {
    args: z.object({ seanceId: id, confirm: z.boolean().optional() }).strict(),
    access: 'commune.write',
  },
  'conseil.setPresence': { args: z.object({ seanceId: id, presence: form }).strict(), access: 'commune.write' },
  'conseil.addMouvement': { args: z.object({ seanceId: id, mouvement: form }).strict(), access: 'commune.write' },
  'conseil.addPouvoir': {
    args: z.object({ seanceId: id, pouvoir: form, uploadId: z.uuid().nullable().optional() }).strict(),
    access: 'commune.write',
  },
  'conseil.removePouvoir': { args: z.object({ seanceId: id, pouvoirId: id }).strict(), access: 'commune.write' },
  'conseil.setSecretaires': { args: z.object({ seanceId: id, eluIds: ids }).strict(), access: 'commune.write' },
  'conseil.setInteresses': { args: z.object({ pointId: id, eluIds: ids }).strict(), access: 'commune.write' },
  'conseil.vote': { args: z.object({ pointId: id, vote: form }).strict(), access: 'commune.write' },
  'conseil.correctVote': { args: z.object({ pointId: id, vote: form }).strict(), access: 'commune.write' },
  'conseil.nominationRound': { args: z.object({ pointId: id, round: form }).strict(), access: 'commune.write' },
  'conseil.reporterPoint': {
    args: z.object({ pointId: id, motif: z.string().trim().min(1).max(500) }).strict(),
    access: 'commune.write',
  },
  'conseil.closeSeance': { args: z.object({ seanceId: id }).strict(), access: 'commune.write' },
  'conseil.publishListe': { args: z.object({ seanceId: id, date: day }).strict(), access: 'commune.write' },
  'conseil.pvSave': {
    args: z.object({ seanceId: id, debats: z.string().max(200_000) }).strict(),
    access: 'commune.write',
  },
  'conseil.pvArreter': {
    args: z.object({ seanceId: id, parSeanceId: id, vote: form }).strict(),
    access: 'commune.write',
  },
  'conseil.pvSigner': { args: z.object({ seanceId: id }).strict(), access: 'commune.write' },
  'conseil.pvPublier': { args: z.object({ seanceId: id, date: day }).strict(), access: 'commune.write' },
  'conseil.deliberations': {
    args: z
      .object({
        annee: z.number().int().min(1900).max(2200).nullable().optional(),
        texte: z.string().max(200).nullable().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    access: 'commune.read',
  },
  'conseil.publishDeliberation': {
    args: z
      .object({
        deliberationId: id,
        debut: day,
        confirm: z.boolean().optional(),
        confirmNonSignee: z.boolean().optional(),
      })
      .strict(),
    access: 'commune.write',
  },
  'conseil.setModePublicite': {
    args: z
      .object({
        mode: z.enum(['affichage', 'papier', 'electronique']),
        deliberationNumero: z.string().max(15).nullable(),
      })
      .strict(),
    access: 'commune.write',
  },
  'conseil.registre': {
    args: z.object({ annee: z.number().int().min(1900).max(2200) }).strict(),
    access: 'commune.read',
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
