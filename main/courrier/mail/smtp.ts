/**
 * One outbox item of kind 'mail' sent over SMTP (nodemailer). The outcome, for the synchronisation engine:
 * accepted (250) → 'recu' (final: the mairie's server took it); refused for good (5xx) → 'refuse' with the
 * server's reason in French; anything else (4xx, cut, unreachable) → thrown, retried with backoff.
 */
import nodemailer from 'nodemailer';
import { type OutboxRow, TransportError, type PushIO, type PushStep } from '../../sync/index';
import { mailFailure } from './errors';
import type { MailPayload } from './outbox';
import type { MailConfig } from './settings';

export function smtpTransport(cfg: MailConfig, timeoutMs = 30_000) {
  const s = cfg.smtp;
  return nodemailer.createTransport({
    host: s.hote,
    port: s.port,
    secure: s.securite === 'tls',
    requireTLS: s.securite === 'starttls',
    ignoreTLS: s.securite === 'aucune',
    auth: { user: cfg.identifiant, pass: cfg.motDePasse },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
    disableFileAccess: true, // a payload never names a file or URL: attachments come from the DocumentStore
    disableUrlAccess: true,
  });
}

export async function sendMail(cfg: MailConfig, item: OutboxRow, io: PushIO, timeoutMs?: number): Promise<PushStep> {
  const p = JSON.parse(item.payload) as MailPayload;
  const attachments = p.attachments.map((a) => ({ filename: a.nom, content: io.read(a.sha256), contentType: a.type }));
  const transport = smtpTransport(cfg, timeoutMs);
  try {
    io.beforePost(); // from here the server may have the message: a retry re-sends the SAME Message-ID
    const info = (await transport.sendMail({
      messageId: `<${p.messageId}>`,
      // the date the acknowledgement was issued, the one R112-11-2 measures (not this attempt's: a retry keeps it)
      ...(p.date ? { date: new Date(p.date) } : {}),
      from: { name: cfg.nomExpediteur ?? cfg.adresse, address: cfg.adresse },
      to: p.to,
      subject: p.subject,
      text: p.text,
      attachments,
      ...(p.inReplyTo ? { inReplyTo: `<${p.inReplyTo}>`, references: [`<${p.inReplyTo}>`] } : {}),
    })) as { response?: string; accepted?: unknown[]; rejected?: unknown[] };
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length && !(info.accepted ?? []).length)
      return {
        state: 'refuse',
        motif: `le serveur d'envoi (SMTP) a refusé tous les destinataires (${rejected.join(', ')})`,
      };
    return {
      state: 'recu',
      remoteStatus: 250,
      result: {
        date: io.today,
        envoyeLe: io.now().toISOString(),
        messageId: p.messageId,
        destinataires: p.to,
        refuses: rejected,
        reponse: info.response ?? null,
      },
    };
  } catch (e) {
    const f = mailFailure(e, 'smtp');
    if (f.permanent) return { state: 'refuse', motif: f.message, result: { code: f.code } };
    throw new TransportError('reset', f.message, f.code ? String(f.code) : undefined, f.code ?? undefined);
  } finally {
    transport.close();
  }
}
