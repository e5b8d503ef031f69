/**
 * The register itself: arrivées and départs with their yearly chrono number per direction (domain-rules §3.1).
 * registerArrivee is the one entry for every channel (paper form, e-mail reader, the platform's messages), so
 * numbering, contacts, attachments and idempotence are the same whatever brought the letter in.
 */
import { enqueueMail } from './mail/outbox';
import { z } from 'zod';
import { record, type Actor } from '../audit';
import { AppError, isoDate, parseOrThrow, trimmed } from '../kernel';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import { upsertContact } from './contacts';
import { parisDay } from './rules/days';

export const CANAUX = ['papier', 'main_propre', 'courriel', 'sve', 'prefecture', 'administration'] as const;
export type Canal = (typeof CANAUX)[number];
export const CANAL_LABELS: Record<Canal, string> = {
  papier: 'Courrier papier',
  main_propre: 'Remis en main propre',
  courriel: 'Courriel',
  sve: 'Formulaire du site / téléservice',
  prefecture: 'Préfecture (plateforme)',
  administration: 'Autre administration',
};
/** Channels that are a saisine par voie électronique: AEE and ARE are owed (L112-8, L112-11). */
export const ELECTRONIC: readonly Canal[] = ['courriel', 'sve'];

const MAX_TEXT = 200_000;

const attachment = z
  .object({
    name: trimmed('Nom de la pièce jointe', 255),
    mime: z.string().trim().min(1).max(255).default('application/octet-stream'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { error: 'Pièce jointe : empreinte invalide.' })
      .optional(),
    bytes: z.instanceof(Uint8Array).optional(),
  })
  .refine((a) => a.sha256 || a.bytes, { error: 'Pièce jointe : contenu manquant.' });

export const arriveeInput = z.object({
  channel: z.enum(CANAUX, { error: 'Canal : choisissez comment le courrier est arrivé.' }),
  dateReception: isoDate('Date de réception').optional(),
  dateCourrier: isoDate('Date du courrier').nullable().optional(),
  correspondent: z.object({
    nom: trimmed('Correspondant', 200),
    email: z
      .email({ error: 'Correspondant : adresse électronique invalide.' })
      .max(254)
      .nullable()
      .optional()
      .or(z.literal('')),
    adresse: z.string().trim().max(500).nullable().optional(),
    telephone: z.string().trim().max(30).nullable().optional(),
    siret: z
      .string()
      .trim()
      .regex(/^(\d\s*){14}$/, { error: 'SIRET : 14 chiffres.' })
      .nullable()
      .optional()
      .or(z.literal('')),
  }),
  objet: trimmed('Objet', 500),
  nature: z.string().trim().max(100).optional(),
  assigne: z.enum(['secretaire', 'maire', 'adjoint']).nullable().optional(),
  attachments: z.array(attachment).max(200).default([]),
  messageId: z.string().trim().min(1).max(998).nullable().optional(),
  /** false when the caller already wrote its own « Arrivé » line (the platform's messages) */
  announce: z.boolean().default(true),
});
export type ArriveeInput = z.input<typeof arriveeInput>;

export interface Registered {
  courrierId: number;
  annee: number;
  numero: number;
  /** false when the same messageId had already been registered: nothing was added */
  created: boolean;
}

/** Next chrono number of the year and direction; call inside the write transaction (writes are serial). */
function nextNumero(db: Db, sens: 'arrivee' | 'depart', annee: number): number {
  return (
    db
      .prepare('SELECT coalesce(max(numero), 0) + 1 AS n FROM courrier WHERE sens = ? AND annee = ?')
      .get(sens, annee) as { n: number }
  ).n;
}

const textOf = (mime: string, bytes: Uint8Array): string | null =>
  /^text\/|^application\/(json|xml)/.test(mime) ? Buffer.from(bytes).toString('utf8').slice(0, MAX_TEXT) : null;

/** Store attachments first (content-addressed, idempotent), outside the transaction: big files take time. */
function storeAttachments(docs: DocumentStore, list: z.output<typeof attachment>[]) {
  return list.map((a) => {
    if (a.bytes) return { nom: a.name, mime: a.mime, ...docs.put(a.bytes), texte: textOf(a.mime, a.bytes) };
    const sha256 = a.sha256!;
    if (!docs.has(sha256))
      throw new AppError('NOT_FOUND', `La pièce jointe « ${a.name} » est introuvable dans le dossier de la commune.`);
    const bytes = docs.read(sha256);
    return { nom: a.name, mime: a.mime, sha256, size: bytes.byteLength, texte: textOf(a.mime, bytes) };
  });
}

/**
 * Register an incoming courrier. Idempotent on messageId (an e-mail's Message-ID, the platform's key): the
 * same message is never registered twice, and a second call returns the first registration.
 */
export function registerArrivee(db: Db, docs: DocumentStore, input: ArriveeInput, actor: Actor, now: Date): Registered {
  const a = parseOrThrow(arriveeInput, input);
  const existing = (id: string) =>
    db.prepare('SELECT id, annee, numero FROM courrier WHERE message_id = ?').get(id) as
      { id: number; annee: number; numero: number } | undefined;
  if (a.messageId) {
    const e = existing(a.messageId);
    if (e) return { courrierId: e.id, annee: e.annee, numero: e.numero, created: false };
  }
  const recu = a.dateReception ?? parisDay(now);
  if (recu > parisDay(now))
    throw new AppError('INVALID', 'Date de réception : elle ne peut pas être dans le futur.', {
      dateReception: 'Date dans le futur.',
    });
  if (a.dateCourrier && a.dateCourrier > recu)
    throw new AppError('INVALID', 'Date du courrier : elle ne peut pas être postérieure à sa réception.', {
      dateCourrier: 'Postérieure à la réception.',
    });
  const pieces = storeAttachments(docs, a.attachments);
  return db.transaction((): Registered => {
    if (a.messageId) {
      const e = existing(a.messageId);
      if (e) return { courrierId: e.id, annee: e.annee, numero: e.numero, created: false };
    }
    const contactId = upsertContact(
      db,
      { ...a.correspondent, email: a.correspondent.email || null, siret: a.correspondent.siret || null },
      now,
    );
    const annee = Number(recu.slice(0, 4));
    const numero = nextNumero(db, 'arrivee', annee);
    const r = db
      .prepare(
        `INSERT INTO courrier (sens, annee, numero, date_courrier, date_enregistrement, correspondant, contact_id, objet, nature, canal, assigne, message_id, created_at)
         VALUES ('arrivee', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        annee,
        numero,
        a.dateCourrier ?? recu,
        recu,
        a.correspondent.nom,
        contactId,
        a.objet,
        a.nature || 'lettre',
        a.channel,
        a.assigne ?? null,
        a.messageId ?? null,
        now.toISOString(),
      );
    const courrierId = Number(r.lastInsertRowid);
    const ins = db.prepare(
      'INSERT INTO courrier_piece (courrier_id, nom, sha256, mime, taille, texte) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const p of pieces) ins.run(courrierId, p.nom, p.sha256, p.mime, p.size, p.texte);
    const label = `Courrier arrivée n° ${annee}-${numero}`;
    if (a.announce)
      db.prepare('INSERT INTO arrival (arrived_at, source, title, object_type, object_id) VALUES (?, ?, ?, ?, ?)').run(
        now.toISOString(),
        'courrier',
        `${a.correspondent.nom} : ${a.objet}`,
        'courrier',
        String(courrierId),
      );
    record(db, now, actor, {
      action: 'courrier.arrivee.enregistree',
      summary: `${label} enregistré : ${a.correspondent.nom} — ${a.objet}`,
      objectType: 'courrier',
      objectId: courrierId,
      details: { canal: a.channel, pieces: pieces.length },
    });
    return { courrierId, annee, numero, created: true };
  })();
}

export const COURRIEL_KINDS = ['aee', 'are', 'pieces', 'transmission', 'attestation', 'reponse'] as const;
export interface OutgoingEmail {
  courrierId: number;
  kind: (typeof COURRIEL_KINDS)[number];
  destinataire: string;
  sujet: string;
  corps: string;
  pieces?: { nom: string; sha256: string; mime: string }[];
}

/**
 * Record that an e-mail must leave (AEE, ARE, a letter, a reply), in the caller's transaction. Once per
 * courrier, kind and recipient; its SMTP outbox item (main/courrier/mail/outbox.ts) is written with it.
 */
export function recordOutgoingEmail(
  db: Db,
  e: OutgoingEmail,
  actor: Actor,
  now: Date,
): { id: number; created: boolean } {
  const r = db
    .prepare(
      `INSERT INTO courrier_courriel (courrier_id, kind, destinataire, sujet, corps, pieces, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (courrier_id, kind, destinataire) DO NOTHING`,
    )
    .run(e.courrierId, e.kind, e.destinataire, e.sujet, e.corps, JSON.stringify(e.pieces ?? []), now.toISOString());
  if (r.changes === 0) {
    const row = db
      .prepare('SELECT id FROM courrier_courriel WHERE courrier_id = ? AND kind = ? AND destinataire = ?')
      .get(e.courrierId, e.kind, e.destinataire) as { id: number };
    return { id: row.id, created: false };
  }
  const id = Number(r.lastInsertRowid);
  // it leaves through the synchronisation's outbox (SMTP), written in this same transaction (architecture §4),
  // threaded under the message it answers when that came by e-mail
  const answered = db.prepare('SELECT message_id FROM courrier WHERE id = ?').get(e.courrierId) as
    { message_id: string | null } | undefined;
  enqueueMail(
    db,
    {
      idemKey: `mail:courrier_courriel:${id}`,
      to: [e.destinataire],
      subject: e.sujet,
      text: e.corps,
      attachments: (e.pieces ?? []).map((p) => ({ nom: p.nom, sha256: p.sha256, type: p.mime })),
      inReplyTo: answered?.message_id && !answered.message_id.startsWith('sha256:') ? answered.message_id : null,
      refType: 'courrier',
      refId: e.courrierId,
    },
    now,
  );
  record(db, now, actor, {
    action: `courrier.courriel.${e.kind}`,
    summary: `Courriel à envoyer à ${e.destinataire} : ${e.sujet}`,
    objectType: 'courrier',
    objectId: e.courrierId,
  });
  return { id, created: true };
}
