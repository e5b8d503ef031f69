/**
 * Outgoing e-mail (acknowledgements, replies) goes through the synchronisation's outbox (kind 'mail'): the row is
 * written in the caller's transaction, with the change that needs sending (architecture §4). Its Message-ID is
 * fixed HERE, once: a retry after a cut connection carries the same one, so the recipient's mail software
 * recognises the duplicate SMTP cannot always avoid (RFC 5322 §3.6.4: one Message-ID per message, ever).
 */
import crypto from 'node:crypto';
import { AppError } from '../../kernel';
import type { Db } from '../../db';
import { enqueue } from '../../sync/index';
import { readMessagerie } from './settings';

export interface MailAttachment {
  nom: string;
  sha256: string;
  type: string;
}

export interface MailPayload {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  attachments: MailAttachment[];
  inReplyTo: string | null;
  /** when the mairie wrote it (the core's clock): the Date header, the same on a retry (RFC 5322 §3.6.1) */
  date?: string;
}

export interface NewMail {
  /** one outbox item per thing to send, ever: e.g. `mail:aee:<arrivée id>` */
  idemKey: string;
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** Message-ID (without brackets) of the message answered: the reply threads under it */
  inReplyTo?: string | null;
  refType?: string | null;
  refId?: string | number | null;
  /** what the secrétaire reads in the synchronisation list; the subject by default */
  label?: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Call INSIDE the caller's transaction. Idempotent on idemKey: the second call returns the first item. */
export function enqueueMail(db: Db, m: NewMail, now: Date): { outboxId: number; messageId: string } {
  const bad = m.to.find((a) => !EMAIL.test(a));
  if (!m.to.length || bad !== undefined)
    throw new AppError('INVALID', `Adresse électronique du destinataire invalide : « ${bad ?? ''} ».`, {
      to: 'Adresse invalide.',
    });
  const existing = db
    .prepare("SELECT id, payload FROM sync_outbox WHERE idem_key = ? AND kind = 'mail'")
    .get(m.idemKey) as { id: number; payload: string } | undefined;
  if (existing) return { outboxId: existing.id, messageId: (JSON.parse(existing.payload) as MailPayload).messageId };
  const domain = readMessagerie(db)?.adresse.split('@')[1] ?? 'clocher.invalid';
  const payload: MailPayload = {
    messageId: `${crypto.randomUUID()}@${domain}`,
    to: m.to,
    subject: m.subject,
    text: m.text,
    attachments: m.attachments ?? [],
    inReplyTo: m.inReplyTo ?? null,
    date: now.toISOString(),
  };
  const outboxId = enqueue(
    db,
    {
      idemKey: m.idemKey,
      kind: 'mail',
      refType: m.refType ?? null,
      refId: m.refId ?? null,
      label: m.label ?? `Courriel : ${m.subject}`,
      payload,
    },
    now,
  );
  return { outboxId, messageId: payload.messageId };
}
