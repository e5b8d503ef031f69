/**
 * Paramètres → Messagerie: the mairie's mailbox (IMAP to read, SMTP to send), one login for both as hosted
 * mailboxes have. The password is stored sealed (secret-box.ts); the window never reads it back.
 */
import { AppError } from '../../kernel';
import { readSetting, writeSetting } from '../../commune';
import type { Db } from '../../db';
import { SecretUnreadable, type SecretBox } from './secret-box';

export type Securite = 'tls' | 'starttls' | 'aucune';
export interface Serveur {
  hote: string;
  port: number;
  securite: Securite;
}
/** How a message read is marked « pris en compte » on the server: never deleted. */
export type Marquage = { mode: 'mot_cle' } | { mode: 'dossier'; dossier: string };

export interface Messagerie {
  adresse: string;
  nomExpediteur: string | null;
  identifiant: string;
  imap: Serveur;
  smtp: Serveur;
  /** the folder read at each synchronisation */
  dossier: string;
  marquage: Marquage;
}
export interface MailConfig extends Messagerie {
  motDePasse: string;
}

const KEY = 'messagerie';
const SECRET_KEY = 'messagerie_secret';
/** IMAP keyword set on a message once registered (RFC 3501 §2.3.2: a keyword, not a system flag). */
export const KEYWORD = '$ClocherEnregistre';

export const readMessagerie = (db: Db): Messagerie | null => readSetting<Messagerie>(db, KEY) ?? null;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** The core's own checks (the window's are only a convenience). */
function check(m: Messagerie): void {
  for (const [nom, s] of [
    ['réception (IMAP)', m.imap],
    ['envoi (SMTP)', m.smtp],
  ] as const) {
    // a password never crosses the network in clear: without TLS only a server on this very computer is accepted
    if (s.securite === 'aucune' && !LOOPBACK.test(s.hote))
      throw new AppError(
        'INVALID',
        `Serveur de ${nom} : une connexion sans chiffrement n'est permise qu'avec un serveur sur cet ordinateur. Choisissez « TLS » ou « STARTTLS ».`,
        {
          [s === m.imap ? 'imapSecurite' : 'smtpSecurite']: 'Chiffrement obligatoire.',
        },
      );
  }
  if (m.marquage.mode === 'dossier' && m.marquage.dossier.trim().toLowerCase() === m.dossier.trim().toLowerCase())
    throw new AppError('INVALID', 'Le dossier où ranger les messages enregistrés doit être différent du dossier lu.', {
      marquageDossier: 'Choisissez un autre dossier.',
    });
}

/** Save; `motDePasse` null or absent keeps the stored one. Call inside a transaction. */
export function saveMessagerie(db: Db, box: SecretBox, m: Messagerie, motDePasse: string | null | undefined): void {
  check(m);
  const stored = readSetting<{ motDePasse?: string }>(db, SECRET_KEY);
  if (!motDePasse && !stored?.motDePasse)
    throw new AppError('INVALID', 'Le mot de passe de la messagerie est obligatoire.', { motDePasse: 'Obligatoire.' });
  writeSetting(db, KEY, m);
  if (motDePasse) writeSetting(db, SECRET_KEY, { motDePasse: box.wrap(motDePasse) });
}

export const UNREADABLE =
  "Le mot de passe de la messagerie enregistré sur cet ordinateur ne peut plus être lu (clé de protection absente ou d'un autre ordinateur, par exemple après une restauration). Saisissez-le de nouveau dans Paramètres → Messagerie.";

/** The full configuration, or a French reason why the mailbox cannot be used yet. */
export function mailConfig(db: Db, box: SecretBox): MailConfig | string {
  const m = readMessagerie(db);
  if (!m) return "La messagerie de la mairie n'est pas configurée (Paramètres → Messagerie).";
  const s = readSetting<{ motDePasse?: string }>(db, SECRET_KEY);
  if (!s?.motDePasse) return 'Le mot de passe de la messagerie n’est pas renseigné (Paramètres → Messagerie).';
  try {
    return { ...m, motDePasse: box.unwrap(s.motDePasse) };
  } catch (e) {
    if (e instanceof SecretUnreadable) return UNREADABLE;
    throw e;
  }
}
