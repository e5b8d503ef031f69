/**
 * What other domains may use of the mailbox (architecture §2). The courrier register queues acknowledgements
 * and replies with `enqueueMail` (inside its own transaction); the synchronisation joins the mailbox to the
 * platform with `withMail(platform, mailSideFor(...))`.
 */
import type { Db } from '../../db';
import type { DocumentStore } from '../../documents';
import { acknowledgeReceived } from './acknowledge';
import { registerSink } from './arrivee';
import { withMail, type MailSide } from './connector';
import type { SyncSide } from '../../sync/index';
import { MAIL_ACTOR, type IntakeCtx } from './intake';
import { mailSecretBox } from './secret-box';
import { mailConfig, readMessagerie } from './settings';

export { enqueueMail, type MailAttachment, type NewMail } from './outbox';
export { withMail, type MailSide } from './connector';
export type { ArriveeSink, MailArrivee, PieceJointe } from './arrivee';
export { readMessagerie } from './settings';
export { acknowledgeReceived, saveMailAgent } from './acknowledge';

/** Every message read or dropped in becomes an arrivée of the register, once (idempotent on its Message-ID). */
export function mailIntakeFor(db: Db, docs: DocumentStore, now: () => Date): IntakeCtx {
  return { db, docs, now, sink: registerSink(db, docs, MAIL_ACTOR, now) };
}

/** The mailbox side of a synchronisation run, or a French reason why it is not configured. */
export function mailSideFor(db: Db, docs: DocumentStore, dataDir: string, now: () => Date): MailSide | string {
  const config = mailConfig(db, mailSecretBox(db, dataDir));
  if (typeof config === 'string') return config;
  return { config, intake: mailIntakeFor(db, docs, now), afterRead: () => acknowledgeReceived(db, docs, now) };
}

/** The mailbox rides along every synchronisation run (registered by the host, main/host/registry.ts). */
export const mailSyncSide: SyncSide = {
  wrap: (platform, c) => withMail(platform, mailSideFor(c.db, c.docs, c.dataDir, c.now)),
  configured: (db) => readMessagerie(db) !== null,
};
