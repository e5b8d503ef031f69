/**
 * The counter's part of the contract (issue 12): requests for copies and extracts (décret 2017-890 arts.
 * 27-33). Pure zod: Electron's main validates with it. Every handler is 'commune.read' at the contract level;
 * the core then checks on every call who is an officier or the secrétaire (access.ts) and the request's state.
 */
import { z } from 'zod';
import { isoDate } from '../kernel';
import type { Access } from '../context';
import { KINDS } from './rules/kinds';
import { CANAUX, DOCUMENTS, LIVRAISONS, QUALITES } from './rules/delivrance';

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
const optDay = (label: string) =>
  isoDate(label)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const bool = z.boolean().default(false);
const civilite = z
  .enum(['M.', 'Mme'])
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const qualite = z.enum(QUALITES, { error: 'Qualité du demandeur : choisissez dans la liste.' });

/** The pieces a quality needs (art. 30), as rules/delivrance.ts `Demandeur` reads them. */
const pieces = {
  civilite,
  /** la personne elle-même: majeure or émancipée (art. 30); null: not stated (the birth date then settles it) */
  majeurOuEmancipe: z.boolean().optional(),
  mandatEcrit: bool,
  jugementHabilitation: bool,
  /** an administration cites the text that entitles it (art. 30) */
  texteInvoque: opt('Texte invoqué', 300),
  /** a généalogiste successoral: the archives' authorisation and a mandate (art. 30) */
  autorisationArchives: bool,
  mandatGenealogiste: bool,
};

/** The requester: identity, postal address, quality (null: the link is not stated) and the proofs brought. */
export const demandeurInput = z
  .object({
    nom: req('Nom du demandeur', 120),
    prenoms: txt('Prénoms du demandeur', 200).default(''),
    adresse: opt('Adresse postale', 400),
    qualite: qualite.nullable(),
    ...pieces,
    /** an avocat asks for a client: the client's own quality decides (art. 30) */
    client: z
      .object({ qualite: qualite.nullable(), ...pieces })
      .strict()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .strict();

/** What the request states about the act (art. 29), as rules/delivrance.ts `ActeDemande` reads it. */
export const renseignementsInput = z
  .object({
    nom: opt('Nom', 120),
    prenoms: opt('Prénoms', 200),
    dateNaissance: optDay('Date de naissance'),
    lieuNaissance: opt('Lieu de naissance', 200),
    parent1Nom: opt('Nom du premier parent', 120),
    parent1Prenoms: opt('Prénom du premier parent', 200),
    parent2Nom: opt('Nom du second parent', 120),
    parent2Prenoms: opt('Prénom du second parent', 200),
    unSeulParent: bool,
    dateEvenement: optDay('Date de l’événement'),
    lieuEvenement: opt('Lieu de l’événement', 200),
    declarantNom: opt('Nom de l’auteur de la reconnaissance', 120),
    declarantPrenoms: opt('Prénoms de l’auteur de la reconnaissance', 200),
    /** a death the requester reports, for the 25-years variant of L213-2 (flagged « à confirmer ») */
    decesConnuLe: optDay('Date du décès'),
  })
  .strict();

export const demandeInput = z
  .object({
    canal: z.enum(CANAUX, { error: 'Canal : choisissez dans la liste.' }),
    recueLe: isoDate('Date de réception'),
    demandeur: demandeurInput,
    /** the act found by the search, or its kind when it is only described (not found) */
    acteId: id.nullable(),
    acteType: z.enum(KINDS),
    renseignements: renseignementsInput.prefault({}),
    document: z.enum(DOCUMENTS, { error: 'Document : choisissez dans la liste.' }),
    exemplaires: z
      .number({ error: 'Nombre d’exemplaires : un nombre.' })
      .int()
      .min(1, { error: 'Au moins un exemplaire.' })
      .max(10, { error: 'Dix exemplaires au plus.' })
      .default(1),
    livraison: z.enum(LIVRAISONS, { error: 'Remise : choisissez dans la liste.' }),
    /** all marriages and divorces on an extract, not only the last (domain-rules §2.1) */
    tousMariages: z.boolean().default(false),
    /** nationality mentions on an extrait sans filiation (only on request, domain-rules §2.7) */
    nationalite: z.boolean().default(false),
  })
  .strict();
export type DemandeInput = z.output<typeof demandeInput>;

/** An officier chosen by a secrétaire who holds no délégation herself: an élu, or an agent's délégation. */
const officierChoisi = z
  .object({ eluId: id.optional(), delegationId: id.optional() })
  .strict()
  .refine((o) => (o.eluId === undefined) !== (o.delegationId === undefined), {
    error: 'Officier : choisissez un élu ou une délégation.',
  });
export type OfficierChoisi = z.output<typeof officierChoisi>;

export const STATUTS = ['recue', 'incomplete', 'a_produire', 'produite', 'remise', 'envoyee', 'refusee'] as const;
export const MOTIF_MIN = 15;

export const demandeApi = {
  'etatCivil.demande.list': {
    args: z
      .object({
        statut: z
          .enum(STATUTS)
          .nullable()
          .optional()
          .transform((v) => v ?? null),
        annee: z
          .number()
          .int()
          .min(2000)
          .max(2200)
          .nullable()
          .optional()
          .transform((v) => v ?? null),
      })
      .strict(),
    access: 'commune.read',
  },
  'etatCivil.demande.get': { args: z.object({ demandeId: id }).strict(), access: 'commune.read' },
  /** creates the request and computes its decision at once (shown before anything is produced) */
  'etatCivil.demande.create': { args: z.object({ demande: demandeInput }).strict(), access: 'commune.read' },
  /** while not produced: the decision is computed again (an override given before is dropped) */
  'etatCivil.demande.update': {
    args: z
      .object({
        demandeId: id,
        demande: demandeInput,
        /** a request « incomplète »: the day its complément was received (art. 30), required then, refused otherwise */
        complementRecuLe: optDay('Complément reçu le'),
      })
      .strict(),
    access: 'commune.read',
  },
  'etatCivil.demande.decide': { args: z.object({ demandeId: id }).strict(), access: 'commune.read' },
  'etatCivil.demande.override': {
    args: z
      .object({
        demandeId: id,
        motif: z
          .string()
          .trim()
          .min(MOTIF_MIN, { error: `Motif : écrivez la raison de la dérogation (${MOTIF_MIN} caractères au moins).` })
          .max(2000),
      })
      .strict(),
    access: 'commune.read',
  },
  /** who may sign today: the maire, the adjoints (L2122-32), the agents délégués (R2122-10) */
  'etatCivil.demande.officiers': { args: z.object({}).strict(), access: 'commune.read' },
  'etatCivil.demande.produce': {
    args: z
      .object({
        demandeId: id,
        officier: officierChoisi
          .nullable()
          .optional()
          .transform((v) => v ?? null),
      })
      .strict(),
    access: 'commune.read',
  },
  /** complément: the request waits; refus: signed by an officier (CRPA L212-1), the request is closed */
  'etatCivil.demande.lettre': {
    args: z
      .object({
        demandeId: id,
        lettre: z.enum(['complement', 'refus']),
        officier: officierChoisi
          .nullable()
          .optional()
          .transform((v) => v ?? null),
      })
      .strict(),
    access: 'commune.read',
  },
  /** no accusé de réception by default (CRPA L112-3, R112-4 2°): printed only when asked */
  'etatCivil.demande.recepisse': { args: z.object({ demandeId: id }).strict(), access: 'commune.read' },
  'etatCivil.demande.piece': { args: z.object({ demandeId: id, pieceId: id }).strict(), access: 'commune.read' },
  'etatCivil.demande.remise': {
    args: z.object({ demandeId: id, mode: z.enum(['remise', 'envoi']), date: isoDate('Date') }).strict(),
    access: 'commune.read',
  },
  /** the commune keeps a signed PDF (parapheur, PAdES) of what it issues: read, or set by the secrétaire or the maire */
  'etatCivil.demande.reglages': {
    args: z.object({ pdfSigne: z.boolean().optional() }).strict(),
    access: 'commune.read',
  },
  /** per month and channel, no personal data: for the maire and the adjoints too */
  'etatCivil.demande.stats': {
    args: z.object({ annee: z.number().int().min(2000).max(2200) }).strict(),
    access: 'commune.read',
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
