/**
 * Errors cross the boundary as values (architecture §2): a stable `code` for tests and a French `message`
 * for the user. A stack trace or an SQL error never reaches the screen.
 */
export type ErrorCode =
  | 'INVALID' // arguments fail validation; `fields` says which and why
  | 'UNKNOWN_HANDLER'
  | 'FORBIDDEN_ORIGIN'
  | 'NOT_AUTHENTICATED'
  | 'SESSION_LOCKED'
  | 'FORBIDDEN' // role does not allow it
  | 'BAD_CREDENTIALS'
  | 'THROTTLED'
  | 'NO_COMMUNE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE' // a rule the law fixes refuses it; the message names the article
  | 'CONFIRM' // a rule warns (message names the article): the same call with an explicit confirmation goes on
  | 'TOO_LARGE'
  | 'TOKEN_PIN' // wrong PIN, or a PIN needed for this signature
  | 'TOKEN_LOCKED' // PIN locked or expired: only the PUK holder can unlock
  | 'TOKEN_ABSENT' // token removed or not answering
  | 'TOKEN_MODULE' // the token's middleware is missing or failing
  | 'DB_CORRUPT'
  | 'DB_TOO_NEW'
  | 'DB_WRONG_KEY' // an encrypted file (base, backup, export) that this key or passphrase does not open
  | 'BACKUP_INVALID'
  | 'DISK_FULL'
  | 'READ_ONLY' // the data folder or a commune file cannot be written (not damaged)
  | 'PROVISIONING_INVALID'
  | 'CORE_RESTARTED'
  | 'INTERNAL';

export interface ErrorValue {
  code: ErrorCode;
  message: string;
  /** field path (dot-joined) → French message, for forms */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toValue(): ErrorValue {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Map low-level failures we know how to explain; everything else becomes INTERNAL. */
export function toErrorValue(e: unknown): ErrorValue {
  if (isAppError(e)) return e.toValue();
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return {
      code: 'DISK_FULL',
      message:
        "Le disque de l'ordinateur est plein : rien n'a été enregistré. Libérez de la place (ou appelez le support) puis recommencez.",
    };
  }
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'EROFS')) {
    return {
      code: 'READ_ONLY',
      message:
        "Le dossier de données de Clocher est en lecture seule : rien n'a été enregistré, et rien n'est endommagé. Vérifiez le disque ou appelez le support.",
    };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return {
      code: 'DB_CORRUPT',
      message: 'Le dossier de la commune est endommagé. Clocher vous propose de restaurer une sauvegarde.',
    };
  }
  return {
    code: 'INTERNAL',
    message: "Une erreur inattendue s'est produite ; rien n'a été modifié. Si elle se répète, appelez le support.",
  };
}
