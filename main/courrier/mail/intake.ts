/**
 * One path for every message taken in, read over IMAP or dropped in by hand (.eml, .msg): parse, keep the file
 * and its attachments in the DocumentStore, register it through the sink, and remember its key — all in ONE
 * transaction, so the same message (Message-ID, else the hash of the file) is never registered twice, whatever
 * happens between registering it and marking it on the server.
 */
import { record } from '../../audit';
import type { Db } from '../../db';
import type { DocumentStore } from '../../documents';
import { cleOf, type ArriveeSink, type MailArrivee } from './arrivee';
import { isMsg, parseEml, parseMsg, sha256 } from './parse';

export const MAIL_ACTOR = { login: null, name: 'Messagerie' };

export interface IntakeCtx {
  db: Db;
  docs: DocumentStore;
  sink: ArriveeSink;
  now: () => Date;
}

export interface Provenance {
  source: 'imap' | 'depot';
  dossier?: string | null;
  uid?: number | null;
  /** the server's INTERNALDATE: when the mairie's mailbox received it */
  recuLe?: Date | null;
}

export interface Taken {
  mailRecuId: number;
  arriveeId: number | null;
  created: boolean;
  objet: string;
}

interface MailRecuRow {
  id: number;
  arrivee_id: number | null;
  objet: string | null;
}

/** The row of a message already taken in, by its Message-ID (checked before downloading a large message). */
export const takenByMessageId = (db: Db, messageId: string): MailRecuRow | undefined =>
  db.prepare('SELECT id, arrivee_id, objet FROM mail_recu WHERE cle = ?').get(cleOf(messageId)) as
    MailRecuRow | undefined;

export async function takeIn(ctx: IntakeCtx, raw: Buffer, from: Provenance): Promise<Taken> {
  const parsed = isMsg(raw) ? parseMsg(raw) : await parseEml(raw);
  const messageId = parsed.messageId ?? `sha256:${sha256(raw)}`;
  const seen = takenByMessageId(ctx.db, messageId);
  if (seen) return { mailRecuId: seen.id, arriveeId: seen.arrivee_id, created: false, objet: seen.objet ?? '' };

  // files first (content-addressed: a crash leaves at most an unreferenced file), then one transaction
  const emlSha256 = ctx.docs.put(raw).sha256;
  const pieces = parsed.pieces.map((p) => ({
    nom: p.nom,
    type: p.type,
    taille: p.content.length,
    sha256: ctx.docs.put(p.content).sha256,
  }));
  const now = ctx.now();
  const recuLe = from.recuLe ?? (from.source === 'depot' ? parsed.recuParServeur : null) ?? now;
  const input: MailArrivee = {
    messageId,
    canal: 'email',
    recuLe: recuLe.toISOString(),
    dateCourrier: parsed.date?.toISOString() ?? null,
    expediteur: parsed.expediteur,
    objet: parsed.objet,
    corps: parsed.corps,
    pieces,
    emlSha256,
  };
  return ctx.db.transaction((): Taken => {
    const again = takenByMessageId(ctx.db, messageId); // another window dropped the same file meanwhile
    if (again) return { mailRecuId: again.id, arriveeId: again.arrivee_id, created: false, objet: again.objet ?? '' };
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO mail_recu (cle, source, dossier, uid, message_id, expediteur, objet, date_message, eml_sha256, pieces, recu_le)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          cleOf(messageId),
          from.source,
          from.dossier ?? null,
          from.uid ?? null,
          parsed.messageId,
          parsed.expediteur.email,
          parsed.objet,
          input.dateCourrier,
          emlSha256,
          JSON.stringify(pieces),
          input.recuLe,
        ).lastInsertRowid,
    );
    const r = ctx.sink(input);
    ctx.db.prepare('UPDATE mail_recu SET arrivee_id = ? WHERE id = ?').run(r.id, id);
    const who = parsed.expediteur.email ?? parsed.expediteur.nom ?? 'expéditeur inconnu';
    const n = pieces.length;
    record(ctx.db, now, MAIL_ACTOR, {
      action: from.source === 'imap' ? 'courrier.mail.recu' : 'courrier.mail.depose',
      summary: `Courriel de ${who} enregistré : ${parsed.objet}${n ? ` (${n} pièce${n > 1 ? 's' : ''} jointe${n > 1 ? 's' : ''})` : ''}`,
      objectType: 'mail_recu',
      objectId: id,
    });
    return { mailRecuId: id, arriveeId: r.id, created: r.created, objet: parsed.objet };
  })();
}
