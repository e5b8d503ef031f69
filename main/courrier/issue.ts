/**
 * Issue a CRPA document: the PDF is generated and kept (content-addressed), the courrier records that the
 * acknowledgement was issued, and for an electronic submission the e-mail is queued in the same transaction.
 */
import { record, type Actor } from '../audit';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import type { CourrierCtx } from './context';
import { crpaOf, getCourrier } from './courrier';
import { letter, letterPdf, letterText, type DocumentKind } from './documents';
import { ELECTRONIC, recordOutgoingEmail } from './register';
import { mayWrite } from './rights';
import { readIdentity } from '../commune';
import { parisDay } from './rules/days';
import { addWorkingDays } from './rules/working-days';
import { noteSansAccuse } from './abus';

const SENT_COLUMN: Partial<Record<DocumentKind, 'ar_le' | 'aee_le'>> = { ar: 'ar_le', are: 'ar_le', aee: 'aee_le' };

export async function issueDocument(ctx: CourrierCtx, id: number, kind: DocumentKind) {
  mayWrite(ctx.role);
  const c = getCourrier(ctx.db, id);
  const l = letter(ctx, c, kind); // throws the rule's French message when the document is not due
  const bytes = await letterPdf(ctx, c, l);
  const { sha256, size } = ctx.docs.put(bytes);
  const nom = `${kind}-${c.annee}-${c.numero}.pdf`;
  const email =
    (ctx.db.prepare('SELECT email FROM contact WHERE id = ?').get(c.contact_id) as { email: string | null } | undefined)
      ?.email ?? null;
  const byMail = ELECTRONIC.includes(c.canal) && email !== null;
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        "INSERT INTO courrier_piece (courrier_id, nom, sha256, mime, taille, role) VALUES (?, ?, ?, 'application/pdf', ?, 'document')",
      )
      .run(id, nom, sha256, size);
    const col = SENT_COLUMN[kind];
    if (col) ctx.db.prepare(`UPDATE courrier SET ${col} = coalesce(${col}, ?) WHERE id = ?`).run(ctx.today, id);
    if (byMail)
      recordOutgoingEmail(
        ctx.db,
        {
          courrierId: id,
          kind: kind === 'ar' ? 'are' : kind,
          destinataire: email,
          sujet: `${l.title} — courrier n° ${c.annee}-${c.numero}`,
          corps: letterText(ctx, l),
          pieces: [{ nom, sha256, mime: 'application/pdf' }],
        },
        ctx.actor,
        ctx.now,
      );
    ctx.audit({
      action: `courrier.document.${kind}`,
      summary: `${l.title} du courrier arrivée n° ${c.annee}-${c.numero}${byMail ? ` (courriel à ${email})` : ' (à imprimer)'}`,
      objectType: 'courrier',
      objectId: id,
    });
  })();
  return {
    nom,
    mime: 'application/pdf' as const,
    base64: Buffer.from(bytes).toString('base64'),
    courriel: byMail ? email : null,
  };
}

/**
 * For the e-mail reader (main/courrier/mail): issue the AEE (or the ARE) of a message it just registered, as
 * the service's agent named in the commune's settings by the caller (L111-2), outside any user session.
 */
export function acknowledgeAs(
  db: Db,
  docs: DocumentStore,
  courrierId: number,
  kind: 'aee' | 'are',
  agent: { nom: string; qualite: string },
  actor: Actor,
  now: Date,
) {
  const ctx: CourrierCtx = {
    db,
    docs,
    now,
    today: parisDay(now),
    actor,
    role: 'secretaire',
    agent,
    audit: (e) => record(db, now, actor, e),
  };
  return issueDocument(ctx, courrierId, kind);
}

/**
 * Once the secrétaire classified an electronic submission, its ARE can say what silence will mean and when
 * (R112-11-1): it is issued at once and leaves by SMTP (R112-11-2: within ten working days of receipt), so
 * classifying is enough and the ARE cannot be forgotten. Returns the address it goes to, or null when none is
 * owed (not a request, paper, already sent) or the sender gave no address (then the deadlines view shows it).
 */
export async function areAfterClassify(ctx: CourrierCtx, id: number): Promise<string | null> {
  const c = getCourrier(ctx.db, id);
  if (!ELECTRONIC.includes(c.canal) || !crpaOf(ctx.db, c).acks.some((a) => a.kind === 'are')) return null;
  const email =
    (ctx.db.prepare('SELECT email FROM contact WHERE id = ?').get(c.contact_id) as { email: string | null } | undefined)
      ?.email ?? null;
  if (!email) return null;
  // a sender marked for abusive sends (CRPA L112-11 last paragraph), whatever way his message was registered
  if (c.sans_accuse_motif || noteSansAccuse(ctx.db, id, email)) return null;
  return (await issueDocument(ctx, id, 'are')).courriel;
}

/** R112-11-2: the ARE's ten working days bound the window in which the AEE is still sent automatically. */
const AUTO_AEE_WORKING_DAYS = 10;

/**
 * Arrivées taken in from the mailbox (mail_recu) still owed their AEE, received within that window (mail/acknowledge.ts).
 * A sender marked « envois abusifs » since the message was registered is noted here, before anything leaves
 * (CRPA L112-11 last paragraph): the row says why no acknowledgement left.
 */
export function aeeOwedFromMailbox(db: Db, now: Date): number[] {
  const today = parisDay(now);
  const dep = readIdentity(db).departement;
  const rows = db
    .prepare(
      `SELECT c.id, c.date_enregistrement, k.email FROM courrier c JOIN mail_recu m ON m.arrivee_id = c.id JOIN contact k ON k.id = c.contact_id
       WHERE c.sens = 'arrivee' AND c.canal IN ('courriel', 'sve') AND c.aee_le IS NULL AND c.transmis_le IS NULL
         AND c.sans_accuse_motif IS NULL AND c.statut IN ('a_traiter', 'en_cours') AND k.email IS NOT NULL ORDER BY c.id`,
    )
    .all() as { id: number; date_enregistrement: string; email: string }[];
  return rows
    .filter((c) => addWorkingDays(c.date_enregistrement, AUTO_AEE_WORKING_DAYS, dep) >= today)
    .filter((c) => !noteSansAccuse(db, c.id, c.email))
    .map((c) => c.id);
}
