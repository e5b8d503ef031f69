/**
 * The port between the mailbox and the courrier register (issue 13). The register side (main/courrier/index.ts,
 * `registerArrivee(db, docs, input, actor, now)`, idempotent on messageId) is built on another branch; until the
 * two are merged the mail side talks to this port only. At merge, `registerSink` becomes one line:
 *   (input) => registerArrivee(db, docs, input, MAIL_ACTOR, now())
 */
import type { Db } from '../../db/sqlite';

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
 * Until the register is merged: the message is shown on the dashboard (« Arrivé ») with the mail_recu row as its
 * object, and nothing else. Idempotent on messageId like the register will be. Runs in the caller's transaction.
 */
export function dashboardSink(db: Db, now: () => Date): ArriveeSink {
  return (m) => {
    const existing = db.prepare("SELECT id FROM arrival WHERE object_type = 'mail_recu' AND object_id = ?").get(m.messageId) as { id: number } | undefined;
    if (existing) return { id: existing.id, created: false };
    const who = m.expediteur.nom ?? m.expediteur.email ?? 'expéditeur inconnu';
    const id = Number(
      db
        .prepare("INSERT INTO arrival (arrived_at, source, title, object_type, object_id) VALUES (?, 'courriel', ?, 'mail_recu', ?)")
        .run(now().toISOString(), `Courriel de ${who} : ${m.objet}`, m.messageId).lastInsertRowid,
    );
    return { id, created: true };
  };
}

/** The key of mail_recu for a messageId as the port carries it. */
export const cleOf = (messageId: string): string => (messageId.startsWith('sha256:') ? messageId : `mid:${messageId}`);
