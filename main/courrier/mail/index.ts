/**
 * What other domains may use of the mailbox (architecture §2). The courrier register queues acknowledgements
 * and replies with `enqueueMail` (inside its own transaction); the synchronisation joins the mailbox to the
 * platform with `withMail(platform, mailSideFor(...))`.
 */
import type { Db } from '../../db/sqlite';
import type { DocumentStore } from '../../documents/store';
import { dashboardSink } from './arrivee';
import type { MailSide } from './connector';
import type { IntakeCtx } from './intake';
import { mailSecretBox } from './secret-box';
import { mailConfig } from './settings';

export { enqueueMail, type MailAttachment, type NewMail } from './outbox';
export { withMail, type MailSide } from './connector';
export type { ArriveeSink, MailArrivee, PieceJointe } from './arrivee';
export { readMessagerie } from './settings';

/**
 * The sink every message goes to. MERGE (issue 13, register branch): replace `dashboardSink(db, now)` with
 *   (input) => registerArrivee(db, docs, input, MAIL_ACTOR, now())      // main/courrier/index.ts, idempotent on messageId
 */
export function mailIntakeFor(db: Db, docs: DocumentStore, now: () => Date): IntakeCtx {
  return { db, docs, now, sink: dashboardSink(db, now) };
}

/** The mailbox side of a synchronisation run, or a French reason why it is not configured. */
export function mailSideFor(db: Db, docs: DocumentStore, dataDir: string, now: () => Date): MailSide | string {
  const config = mailConfig(db, mailSecretBox(dataDir));
  if (typeof config === 'string') return config;
  return { config, intake: mailIntakeFor(db, docs, now) };
}
