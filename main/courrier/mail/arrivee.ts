/**
 * The port between the mailbox and the courrier register (issue 13): the mail side hands each message to an
 * ArriveeSink; in the product that is registerSink (the register's registerArrivee, idempotent on messageId),
 * in the mail tests a recording sink.
 */
import type { Db } from '../../db';
import type { DocumentStore } from '../../documents';
import { parisDay } from '../../kernel';
import { noteSansAccuse } from '../abus';
import { registerArrivee } from '../register';

export interface PieceJointe {
  nom: string;
  sha256: string;
  type: string;
  taille: number;
}

/** One e-mail become an arrivée: canal « e-mail » (a message dropped in by hand keeps its own date of receipt). */
export interface MailArrivee {
  /** Message-ID without angle brackets, else `sha256:<hex>` of the raw message: the register's idempotence key */
  messageId: string;
  canal: 'email';
  /** when the mairie received it (the IMAP INTERNALDATE, else the Date header, else now): starts the CRPA clocks */
  recuLe: string;
  /** the Date header of the message, when readable */
  dateCourrier: string | null;
  expediteur: { nom: string | null; email: string | null };
  objet: string;
  /** the text of the message (the HTML part as text when there is no text part) */
  corps: string;
  pieces: PieceJointe[];
  /** the message itself (.eml), kept as received, in the DocumentStore */
  emlSha256: string;
}

export type ArriveeSink = (input: MailArrivee) => { id: number; created: boolean };

/**
 * Each message becomes an arrivée of the register (canal « courriel »), with the message itself (.eml), its text
 * (searchable) and its attachments; idempotent on messageId. Dates that cannot be true (a Date header after the
 * receipt, a server clock ahead of ours) are not refused: the message must never be stuck in the mailbox.
 */
export function registerSink(
  db: Db,
  docs: DocumentStore,
  actor: { login: string | null; name: string | null },
  now: () => Date,
): ArriveeSink {
  return (m) => {
    const today = parisDay(now());
    const recu = [parisDay(new Date(m.recuLe)), today].sort()[0] as string;
    const ecrit = m.dateCourrier ? parisDay(new Date(m.dateCourrier)) : null;
    const corps = m.corps.trim();
    const r = registerArrivee(
      db,
      docs,
      {
        channel: 'courriel',
        dateReception: recu,
        dateCourrier: ecrit && ecrit <= recu ? ecrit : null,
        correspondent: {
          nom: m.expediteur.nom || m.expediteur.email || 'Expéditeur inconnu',
          email: m.expediteur.email || null,
        },
        objet: m.objet.trim() || '(sans objet)',
        nature: 'Courriel',
        messageId: m.messageId,
        announce: false, // its own « Arrivé » line below says it came by e-mail
        attachments: [
          { name: 'message.eml', sha256: m.emlSha256, mime: 'message/rfc822' },
          ...(corps ? [{ name: 'texte du message.txt', bytes: Buffer.from(corps, 'utf8'), mime: 'text/plain' }] : []),
          ...m.pieces.map((p) => ({ name: p.nom, sha256: p.sha256, mime: p.type || 'application/octet-stream' })),
        ],
      },
      actor,
      now(),
    );
    // CRPA L112-11 last paragraph: a sender the secrétaire marked is registered, but not acknowledged by itself
    if (r.created) noteSansAccuse(db, r.courrierId, m.expediteur.email);
    if (r.created) {
      const who = m.expediteur.nom || m.expediteur.email || 'expéditeur inconnu';
      db.prepare(
        "INSERT INTO arrival (arrived_at, source, title, object_type, object_id) VALUES (?, 'courriel', ?, 'courrier', ?)",
      ).run(now().toISOString(), `Courriel de ${who} : ${m.objet.trim() || '(sans objet)'}`, String(r.courrierId));
    }
    return { id: r.courrierId, created: r.created };
  };
}

/** The key of mail_recu for a messageId as the port carries it. */
export const cleOf = (messageId: string): string => (messageId.startsWith('sha256:') ? messageId : `mid:${messageId}`);
