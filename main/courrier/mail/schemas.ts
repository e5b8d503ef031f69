/**
 * The mailbox's handlers as the window may call them (pure zod, imported by main/api/schemas.ts). Only the
 * secrétaire holds 'commune.write'; the handlers check it again (anything the window sends is hostile).
 */
import { z } from 'zod';
import type { Access } from '../../context';

const serveur = (nom: 'de réception' | "d'envoi") =>
  z
    .object({
      hote: z
        .string()
        .trim()
        .min(1, `Serveur ${nom} : son adresse est obligatoire (par exemple imap.orange.fr).`)
        .max(253)
        .regex(/^[A-Za-z0-9.:-]+$/, `Serveur ${nom} : une adresse sans espace ni accent (par exemple ssl0.ovh.net).`),
      port: z
        .number({ error: `Serveur ${nom} : un numéro de port.` })
        .int()
        .min(1, `Serveur ${nom} : port entre 1 et 65535.`)
        .max(65535, `Serveur ${nom} : port entre 1 et 65535.`),
      securite: z.enum(['tls', 'starttls', 'aucune']),
    })
    .strict();

const dossier = z
  .string()
  .trim()
  .min(1, 'Le nom du dossier est obligatoire (INBOX pour la boîte de réception).')
  .max(200)
  .regex(/^[^\p{Cc}*%]+$/u, 'Nom de dossier invalide.');

export const messagerieArgs = z
  .object({
    adresse: z
      .email({ error: 'Adresse électronique de la mairie invalide (par exemple mairie@saint-benoit.fr).' })
      .max(254),
    nomExpediteur: z.string().trim().max(120).nullable().optional(),
    identifiant: z.string().trim().min(1, "L'identifiant de la messagerie est obligatoire.").max(254),
    /** absent or null: keep the stored one */
    motDePasse: z.string().max(500).nullable().optional(),
    imap: serveur('de réception'),
    smtp: serveur("d'envoi"),
    dossier,
    marquage: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('mot_cle') }).strict(),
      z.object({ mode: z.literal('dossier'), dossier }).strict(),
    ]),
  })
  .strict();
export type MessagerieArgs = z.output<typeof messagerieArgs>;

export const mailApi = {
  'messagerie.get': { args: z.object({}).strict(), access: 'commune.write' },
  'messagerie.save': { args: messagerieArgs, access: 'commune.write' },
  /** tests what is on screen, before saving; the stored password when none is typed */
  'messagerie.tester': { args: messagerieArgs, access: 'commune.write' },
  /** an .eml or .msg file dropped in by hand, sent as a chunked upload */
  'messagerie.deposer': { args: z.object({ uploadId: z.uuid() }).strict(), access: 'commune.write' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
