/**
 * « Tester la connexion » (Paramètres → Messagerie): log in to the IMAP server and open the folder to read, then
 * log in to the SMTP server — without sending anything. Each step says in French what failed.
 */
import type { Diagnostic } from '../../sync/index';
import { mailFailure } from './errors';
import { imapClient } from './imap';
import type { MailConfig } from './settings';
import { smtpTransport } from './smtp';

export async function testMailbox(cfg: MailConfig, timeoutMs = 15_000): Promise<Diagnostic> {
  const steps: Diagnostic['steps'] = [];
  const imap = imapClient(cfg, cfg.imap, timeoutMs);
  imap.on('error', () => undefined);
  try {
    await imap.connect();
    steps.push({
      label: `Connexion au serveur de réception ${cfg.imap.hote}:${cfg.imap.port}`,
      ok: true,
      detail: 'identifiant et mot de passe acceptés',
    });
    const box = await imap.status(cfg.dossier, { messages: true });
    if (!box) throw new Error('no such folder');
    steps.push({ label: `Dossier « ${cfg.dossier} »`, ok: true, detail: `${box.messages ?? 0} message(s)` });
    await imap.logout();
  } catch (e) {
    imap.close();
    const failed =
      steps.length === 0
        ? `Connexion au serveur de réception ${cfg.imap.hote}:${cfg.imap.port}`
        : `Dossier « ${cfg.dossier} »`;
    const detail =
      steps.length === 0
        ? mailFailure(e, 'imap').message
        : 'ce dossier n’existe pas sur le serveur (vérifiez son nom, par exemple INBOX)';
    steps.push({ label: failed, ok: false, detail });
  }
  const smtp = smtpTransport(cfg, timeoutMs);
  try {
    await smtp.verify();
    steps.push({
      label: `Connexion au serveur d'envoi ${cfg.smtp.hote}:${cfg.smtp.port}`,
      ok: true,
      detail: 'identifiant et mot de passe acceptés',
    });
  } catch (e) {
    steps.push({
      label: `Connexion au serveur d'envoi ${cfg.smtp.hote}:${cfg.smtp.port}`,
      ok: false,
      detail: mailFailure(e, 'smtp').message,
    });
  } finally {
    smtp.close();
  }
  const ko = steps.find((s) => !s.ok);
  return {
    ok: !ko,
    message: ko
      ? `La messagerie ne répond pas comme prévu : ${ko.detail}.`
      : 'La messagerie fonctionne : réception et envoi acceptés.',
    steps,
  };
}
