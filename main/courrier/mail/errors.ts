/** What went wrong with the mail servers, in plain French for the secrétaire (never a stack trace). */

export interface MailFailure {
  /** permanent: the server refused THIS message for good (SMTP 5xx on the envelope or the data) */
  permanent: boolean;
  message: string;
  code: number | null;
}

const OFFLINE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ETIMEOUT',
  'EDNS',
]);
const CUT = new Set([
  'ECONNRESET',
  'EPIPE',
  'ESOCKET',
  'ECONNECTION',
  'ClosedAfterConnectText',
  'NoConnection',
  'EConnectionClosed',
]);

export function mailFailure(e: unknown, side: 'imap' | 'smtp'): MailFailure {
  const err = (e ?? {}) as {
    code?: string;
    responseCode?: number;
    response?: string;
    authenticationFailed?: boolean;
    message?: string;
    serverResponseCode?: string;
  };
  const code = String(err.code ?? '');
  const server = side === 'imap' ? 'le serveur de réception (IMAP)' : "le serveur d'envoi (SMTP)";
  const reply = err.response ? ` : « ${err.response.replace(/\s+/g, ' ').slice(0, 160)} »` : '';
  if (err.authenticationFailed && err.serverResponseCode === 'UNAVAILABLE')
    // RFC 5530: the server's own trouble
    return {
      permanent: false,
      code: null,
      message: `${server} est momentanément indisponible (il n'a pas pu vérifier le mot de passe)`,
    };
  if (err.authenticationFailed || code === 'EAUTH')
    return {
      permanent: false,
      code: err.responseCode ?? null,
      message: `${server} refuse l'identifiant ou le mot de passe de la messagerie (Paramètres → Messagerie)`,
    };
  if (side === 'smtp' && typeof err.responseCode === 'number' && (code === 'EENVELOPE' || code === 'EMESSAGE')) {
    if (err.responseCode >= 500)
      return {
        permanent: true,
        code: err.responseCode,
        message: `${server} a refusé ce courriel (${err.responseCode})${reply}`,
      };
    if (err.responseCode >= 400)
      return {
        permanent: false,
        code: err.responseCode,
        message: `${server} a refusé l'envoi pour l'instant (${err.responseCode})${reply}`,
      };
  }
  if (OFFLINE.has(code))
    return {
      permanent: false,
      code: null,
      message: `${server} est injoignable (pas de connexion internet, ou adresse incorrecte)`,
    };
  if (CUT.has(code)) return { permanent: false, code: null, message: `la connexion avec ${server} a été coupée` };
  if (/certificate|self[- ]signed|TLS|SSL/i.test(`${code} ${err.message ?? ''}`))
    return {
      permanent: false,
      code: null,
      message: `la connexion sécurisée avec ${server} a été refusée (${code || 'certificat'})`,
    };
  return {
    permanent: false,
    code: err.responseCode ?? null,
    message: `échec avec ${server} (${code || err.message || 'erreur inconnue'})`,
  };
}

/** An error carrying its French message, for the synchronisation's report. */
export class MailError extends Error {
  constructor(readonly failure: MailFailure) {
    super(failure.message);
  }
}
