/**
 * The état civil's part of the contract (pure zod: Electron's main validates with it). Every handler is
 * 'commune.read' at the contract level — the maire and the adjoints are officiers de l'état civil without
 * holding 'commune.write' — and the domain then checks who is an officier (access.ts) on every call.
 */
import { z } from 'zod';
import { isoDate } from '../kernel';
import type { Access } from '../context';
import { KINDS } from './rules/kinds';
import { NATURES } from './rules/mentions';
import { IMPORT_FIELDS } from './rules/csv';
import { demandeApi } from './demandes-schemas';
import { uploadChunkArgs } from '../documents/schemas';

const id = z.number().int().positive();
const txt = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} : ${max} caractères au plus.` });
const opt = (label: string, max: number) =>
  txt(label, max)
    .nullable()
    .optional()
    .transform((v) => v || null);
const req = (label: string, max: number) => txt(label, max).min(1, { error: `${label} : champ obligatoire.` });
const day = (label: string) => isoDate(label);
const optDay = (label: string) =>
  isoDate(label)
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const sexe = z
  .enum(['M', 'F'])
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const heure = z
  .string()
  .regex(/^[0-2]\d:[0-5]\d$/, { error: 'Heure : au format HH:MM.' })
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const kind = z.enum(KINDS);

export const acteIndex = z
  .object({
    type: kind,
    numero: z.number({ error: 'Numéro : un nombre.' }).int().min(1).max(99999),
    date_acte: day('Date de l’acte'),
    nom: req('Nom', 120),
    prenoms: txt('Prénoms', 200).default(''),
    nom_usage: opt('Nom d’usage', 120),
    nom_conjoint: opt('Nom du conjoint', 120),
    prenoms_conjoint: opt('Prénoms du conjoint', 200),
    nom_usage_conjoint: opt('Nom d’usage du conjoint', 120),
    date_evenement: optDay('Date de l’événement'),
    heure_evenement: heure,
    lieu_evenement: opt('Lieu', 200),
    sexe,
    officier: opt('Officier de l’état civil', 200),
    registre_id: id
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    page: z
      .number()
      .int()
      .min(1)
      .max(5000)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    pages: z.number().int().min(1).max(20).default(1),
  })
  .strict();
export type ActeIndexInput = z.output<typeof acteIndex>;

export const personne = z
  .object({
    role: z.enum(['titulaire', 'parent', 'conjoint', 'declarant', 'temoin', 'auteur']),
    rang: z.number().int().min(1).max(8),
    nom: txt('Nom', 120).default(''),
    nom_partie1: opt('1re partie du nom', 60),
    nom_partie2: opt('2de partie du nom', 60),
    nom_usage: opt('Nom d’usage', 120),
    prenoms: txt('Prénoms', 200).default(''),
    sexe,
    date_naissance: optDay('Date de naissance'),
    lieu_naissance: opt('Lieu de naissance', 200),
    profession: opt('Profession', 120),
    domicile: opt('Domicile', 300),
  })
  .strict();
export type PersonneInput = z.output<typeof personne>;

const autorite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tribunal'), nom: req('Tribunal', 200) }).strict(),
  z.object({ kind: z.literal('officier'), commune: req('Commune', 120) }).strict(),
  z
    .object({
      kind: z.literal('notaire'),
      nom: req('Notaire', 120),
      office: req('Office', 120),
      crpcen: z.string().regex(/^\d{5}$/, { error: 'CRPCEN : 5 chiffres.' }),
    })
    .strict(),
  z.object({ kind: z.literal('procureur'), tribunal: req('Tribunal', 120) }).strict(),
]);

export const mentionInput = z
  .object({
    nature: z.enum(NATURES),
    date: day('Date de l’événement'),
    lieu: opt('Lieu', 200),
    autre: z
      .object({ prenoms: txt('Prénoms', 200), nom: req('Nom', 120) })
      .strict()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    autorite: autorite
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    objet: opt('Objet', 500),
    /** the text as edited by the officier before validation; built from the fields when absent */
    texte: opt('Texte', 2000),
  })
  .strict();
export type MentionInput = z.output<typeof mentionInput>;

const cible = z.union([
  z.object({ titulaireRang: z.number().int().min(1).max(2), acteId: id }).strict(),
  z
    .object({
      titulaireRang: z.number().int().min(1).max(2),
      commune: req('Commune', 120),
      acteVise: req('Acte à mentionner', 300),
      sexe: z.enum(['M', 'F']).optional(),
    })
    .strict(),
]);

const csv = z.string().max(8 * 1024 * 1024, { error: 'Fichier trop grand (8 Mo au plus) : découpez-le par décennie.' });
const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(100));

export const etatCivilApi = {
  'etatCivil.registres': { args: z.object({}).strict(), access: 'commune.read' },
  'etatCivil.saveRegistre': {
    args: z
      .object({
        registreId: id.nullable(),
        registre: z
          .object({
            annee: z.number().int().min(1792).max(2200),
            type: z.enum([...KINDS, 'unique']),
            ouvert_le: optDay('Ouverture'),
            clos_le: optDay('Clôture'),
            relie_le: optDay('Reliure'),
          })
          .strict(),
        confirm: z.boolean().optional(),
      })
      .strict(),
    access: 'commune.read',
  },
  // an officier de l'état civil (maire, adjoint, délégué) sends register scans without commune.write (access.ts)
  'etatCivil.uploadStart': {
    args: z.object({ nom: z.string().trim().min(1).max(200), size: z.number().int().min(0) }).strict(),
    access: 'commune.read',
  },
  'etatCivil.uploadChunk': {
    args: uploadChunkArgs,
    access: 'commune.read',
  },
  'etatCivil.addPages': { args: z.object({ registreId: id, uploadId: z.uuid() }).strict(), access: 'commune.read' },
  'etatCivil.page': {
    args: z.object({ registreId: id, page: z.number().int().min(1).max(5000) }).strict(),
    access: 'commune.read',
  },
  'etatCivil.search': {
    args: z.object({ q: z.string().max(200), limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
    access: 'commune.read',
  },
  'etatCivil.acte': { args: z.object({ acteId: id }).strict(), access: 'commune.read' },
  'etatCivil.createActe': { args: z.object({ acte: acteIndex }).strict(), access: 'commune.read' },
  'etatCivil.saisir': {
    args: z
      .object({
        acteId: id,
        acte: acteIndex,
        personnes: z.array(personne).max(12),
        terminer: z.boolean().default(false),
      })
      .strict(),
    access: 'commune.read',
  },
  'etatCivil.saveMention': {
    args: z.object({ acteId: id, mentionId: id.nullable(), mention: mentionInput }).strict(),
    access: 'commune.read',
  },
  'etatCivil.validateMention': { args: z.object({ mentionId: id }).strict(), access: 'commune.read' },
  'etatCivil.prevoirMention': { args: z.object({ acteId: id, cible }).strict(), access: 'commune.read' },
  'etatCivil.avis': { args: z.object({}).strict(), access: 'commune.read' },
  'etatCivil.avisPdf': { args: z.object({ avisId: id }).strict(), access: 'commune.read' },
  'etatCivil.avisEnvoye': {
    args: z.object({ avisId: id, date: day('Date d’envoi') }).strict(),
    access: 'commune.read',
  },
  'etatCivil.avisRelance': {
    args: z.object({ avisId: id, date: day('Date de relance') }).strict(),
    access: 'commune.read',
  },
  'etatCivil.avisRecepisse': {
    args: z.object({ avisId: id, date: day('Date du récépissé'), uploadId: z.uuid().nullable().optional() }).strict(),
    access: 'commune.read',
  },
  'etatCivil.avisEntrant': {
    args: z
      .object({
        commune: req('Commune émettrice', 120),
        acteVise: req('Acte à mentionner', 300),
        recu_le: day('Reçu le'),
        acteId: id
          .nullable()
          .optional()
          .transform((v) => v ?? null),
        mention: mentionInput,
      })
      .strict(),
    access: 'commune.read',
  },
  'etatCivil.avisAppliquer': { args: z.object({ avisId: id, acteId: id }).strict(), access: 'commune.read' },
  'etatCivil.recepissePdf': { args: z.object({ avisId: id }).strict(), access: 'commune.read' },
  'etatCivil.importPreview': {
    args: z.object({ csv, mapping: mapping.nullable().optional(), defaultType: kind.nullable().optional() }).strict(),
    access: 'commune.read',
  },
  'etatCivil.importCsv': {
    args: z
      .object({ csv, mapping, defaultType: kind.nullable().optional(), nom: z.string().max(200).default('import.csv') })
      .strict(),
    access: 'commune.read',
  },
  'etatCivil.tablePdf': {
    args: z
      .object({ table: z.enum(['annuelle', 'decennale']), annee: z.number().int().min(1792).max(2200), type: kind })
      .strict(),
    access: 'commune.read',
  },
  // the counter (issue 12): requests for copies and extracts
  ...demandeApi,
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
