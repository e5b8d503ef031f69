/**
 * The mairie's mailbox read at each synchronisation: every message of the chosen folder not yet marked is taken
 * in (intake.ts), THEN marked on the server — a keyword or a move to another folder, never a deletion. A crash
 * between the two leaves the message unmarked: the next run finds its key in mail_recu and only marks it.
 */
import { ImapFlow } from 'imapflow';
import { mailFailure, MailError } from './errors';
import { takeIn, takenByMessageId, type IntakeCtx } from './intake';
import { normalizeMessageId } from './parse';
import { KEYWORD, type MailConfig, type Serveur } from './settings';

export interface ReadReport {
  lus: number;
  enregistres: number;
  dejaEnregistres: number;
  marques: number;
}

export interface ReadHooks {
  /** test seam: runs after the registration committed and before the mark (a crash there) */
  afterRegister?: (uid: number) => void;
  timeoutMs?: number;
}

export function imapClient(cfg: MailConfig, s: Serveur = cfg.imap, timeoutMs = 30_000): ImapFlow {
  return new ImapFlow({
    host: s.hote,
    port: s.port,
    secure: s.securite === 'tls',
    doSTARTTLS: s.securite === 'starttls' ? true : s.securite === 'aucune' ? false : undefined,
    auth: { user: cfg.identifiant, pass: cfg.motDePasse },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 4,
  });
}

async function mark(client: ImapFlow, cfg: MailConfig, uid: number): Promise<void> {
  if (cfg.marquage.mode === 'dossier') await client.messageMove(String(uid), cfg.marquage.dossier, { uid: true });
  else await client.messageFlagsAdd(String(uid), [KEYWORD], { uid: true });
}

export async function readMailbox(cfg: MailConfig, ctx: IntakeCtx, hooks: ReadHooks = {}): Promise<ReadReport> {
  const rep: ReadReport = { lus: 0, enregistres: 0, dejaEnregistres: 0, marques: 0 };
  const client = imapClient(cfg, cfg.imap, hooks.timeoutMs);
  client.on('error', () => undefined); // socket errors also reject the pending command, handled below
  try {
    await client.connect();
    if (cfg.marquage.mode === 'dossier') await ensureFolder(client, cfg.marquage.dossier);
    const lock = await client.getMailboxLock(cfg.dossier);
    try {
      const box = client.mailbox;
      if (cfg.marquage.mode === 'mot_cle' && box && !box.permanentFlags?.has('\\*'))
        throw new MailError({
          permanent: false,
          code: null,
          message: `le serveur ne permet pas de marquer les messages du dossier « ${cfg.dossier} » : choisissez « ranger dans un dossier » (Paramètres → Messagerie)`,
        });
      const uids =
        (await client.search(cfg.marquage.mode === 'mot_cle' ? { unKeyword: KEYWORD } : { all: true }, {
          uid: true,
        })) || [];
      for (const uid of uids) {
        const head = await client.fetchOne(String(uid), { envelope: true, internalDate: true }, { uid: true });
        if (!head) continue; // expunged by another client meanwhile
        rep.lus++;
        const mid = normalizeMessageId(head.envelope?.messageId);
        // known by its Message-ID: only the mark is missing (a crash after registering): no download
        let created = false;
        let recuId = mid ? takenByMessageId(ctx.db, mid)?.id : undefined;
        if (recuId === undefined) {
          const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!full || !full.source) continue;
          const internal = head.internalDate ? new Date(head.internalDate) : null;
          const t = await takeIn(ctx, full.source, { source: 'imap', dossier: cfg.dossier, uid, recuLe: internal });
          created = t.created;
          recuId = t.mailRecuId;
        }
        if (created) rep.enregistres++;
        else rep.dejaEnregistres++;
        hooks.afterRegister?.(uid);
        await mark(client, cfg, uid);
        ctx.db
          .prepare('UPDATE mail_recu SET marque_le = ? WHERE id = ? AND marque_le IS NULL')
          .run(ctx.now().toISOString(), recuId);
        rep.marques++;
      }
    } finally {
      lock.release();
    }
    await client.logout();
  } catch (e) {
    client.close();
    if (e instanceof MailError) throw e;
    throw new MailError(mailFailure(e, 'imap'));
  }
  return rep;
}

async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const list = await client.list();
  if (!list.some((m) => m.path.toLowerCase() === path.toLowerCase())) await client.mailboxCreate(path);
}
