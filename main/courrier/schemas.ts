/** The courrier register's part of the contract (pure zod; see main/api/schemas.ts). Rights finer than the access are checked in rights.ts. */
import { z } from 'zod';
import type { Access } from '../context';

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const form = z.record(z.string(), z.unknown());
const assigne = z.enum(['secretaire', 'maire', 'adjoint']);

export const courrierApi = {
  'courrier.search': {
    args: z
      .object({
        text: z.string().max(200).nullable().optional(),
        sens: z.enum(['arrivee', 'depart']).nullable().optional(),
        statut: z.enum(['a_traiter', 'en_cours', 'repondu', 'classe']).nullable().optional(),
        annee: z.number().int().min(1900).max(2200).nullable().optional(),
        canal: z
          .enum(['papier', 'main_propre', 'courriel', 'sve', 'prefecture', 'administration'])
          .nullable()
          .optional(),
        assigne: assigne.nullable().optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    access: 'commune.read',
  },
  'courrier.get': { args: z.object({ courrierId: id }).strict(), access: 'commune.read' },
  'courrier.contacts': { args: z.object({ text: z.string().max(200) }).strict(), access: 'commune.read' },
  'courrier.procedures': { args: z.object({}).strict(), access: 'commune.read' },
  'courrier.echeances': { args: z.object({}).strict(), access: 'commune.read' },
  'courrier.registerArrivee': {
    args: z.object({ arrivee: form, uploadIds: z.array(z.uuid()).max(50).default([]) }).strict(),
    access: 'commune.write',
  },
  'courrier.classify': { args: z.object({ courrierId: id, qualification: form }).strict(), access: 'commune.write' },
  'courrier.assign': {
    args: z.object({ courrierId: id, assigne: assigne.nullable() }).strict(),
    access: 'commune.read',
  },
  'courrier.setStatut': {
    args: z.object({ courrierId: id, statut: z.enum(['a_traiter', 'en_cours', 'repondu', 'classe']) }).strict(),
    access: 'commune.read',
  },
  'courrier.requestPieces': { args: z.object({ courrierId: id, demande: form }).strict(), access: 'commune.write' },
  'courrier.piecesReceived': { args: z.object({ courrierId: id, date: day }).strict(), access: 'commune.write' },
  'courrier.forward': { args: z.object({ courrierId: id, transmission: form }).strict(), access: 'commune.write' },
  'courrier.document': {
    args: z
      .object({ courrierId: id, kind: z.enum(['ar', 'aee', 'are', 'pieces', 'transmission', 'attestation']) })
      .strict(),
    access: 'commune.write',
  },
  'courrier.modeles': { args: z.object({}).strict(), access: 'commune.read' },
  'courrier.prepareReply': { args: z.object({ courrierId: id, reponse: form }).strict(), access: 'commune.read' },
  'courrier.saveProcedure': { args: z.object({ procedure: form }).strict(), access: 'commune.write' },
  'courrier.saveModele': { args: z.object({ modele: form }).strict(), access: 'commune.write' },
  /** a template no reply used is deleted, one that served is archived (modeles.ts); the built-in ones stay */
  'courrier.deleteModele': {
    args: z.object({ code: z.string().max(60), confirm: z.boolean().default(false) }).strict(),
    access: 'commune.write',
  },
  /** senders marked « envois abusifs » (CRPA L112-11): read by the register's readers, changed by the secrétaire */
  'courrier.abus.list': { args: z.object({}).strict(), access: 'commune.read' },
  'courrier.abus.signaler': { args: z.object({ signalement: form }).strict(), access: 'commune.write' },
  'courrier.abus.lever': { args: z.object({ signalementId: id }).strict(), access: 'commune.write' },
  'courrier.abus.seuil': { args: z.object({ seuil: z.number().int() }).strict(), access: 'commune.write' },
  'courrier.champsModele': { args: z.object({}).strict(), access: 'commune.read' },
  'courrier.piece': { args: z.object({ pieceId: id }).strict(), access: 'commune.read' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
