/**
 * PKCS#11 return values → French errors the élu can act on (signing.md §2). The `reason` is stable for the
 * batch logic and the tests; `code` stays within the contract's ErrorCode list.
 */
import { AppError, type ErrorCode } from '../kernel/errors'; // not the index: no zod on the signing path (issue 10)

export type TokenFailure =
  | 'PIN_INCORRECT'
  | 'PIN_LOCKED'
  | 'TOKEN_REMOVED'
  | 'MODULE_MISSING'
  | 'MODULE_FAILED'
  | 'NOT_LOGGED_IN'
  | 'KEY_NOT_FOUND'
  | 'TOKEN_ERROR';

/** The contract's code for each failure, so that the window can react (ask the PIN again, say « rebranchez »…). */
const CODE_OF: Partial<Record<TokenFailure, ErrorCode>> = {
  PIN_INCORRECT: 'TOKEN_PIN',
  NOT_LOGGED_IN: 'TOKEN_PIN',
  PIN_LOCKED: 'TOKEN_LOCKED',
  TOKEN_REMOVED: 'TOKEN_ABSENT',
  MODULE_MISSING: 'TOKEN_MODULE',
  MODULE_FAILED: 'TOKEN_MODULE',
};

export class TokenError extends AppError {
  constructor(
    readonly reason: TokenFailure,
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
  ) {
    super(CODE_OF[reason] ?? code, message, fields);
  }
}

export const isTokenError = (e: unknown, reason?: TokenFailure): e is TokenError =>
  e instanceof TokenError && (!reason || e.reason === reason);

// PKCS#11 v2.40 return values we explain.
const CKR = {
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_NOT_LOGGED_IN: 0x101,
  CRYPTOKI_NOT_INITIALIZED: 0x190,
  SLOT_ID_INVALID: 0x03,
} as const;

export const pinLockedMessage =
  "La clé est bloquée : seul l'administrateur de la clé (code PUK, auprès de l'autorité de certification ou du support) peut la débloquer. Clocher n'essaiera plus de code PIN sur cette clé.";

export const tokenRemoved = () =>
  new TokenError(
    'TOKEN_REMOVED',
    'NOT_FOUND',
    'La clé de signature a été retirée ou ne répond plus. Rebranchez-la puis cliquez sur « Rechercher la clé ».',
  );

/** The tries left, as the token's flags tell them (CKF_USER_PIN_FINAL_TRY / COUNT_LOW); never a guess. */
export function wrongPin(flags: { pinFinalTry: boolean; pinCountLow: boolean; pinLocked: boolean } | null): TokenError {
  if (flags?.pinLocked) return new TokenError('PIN_LOCKED', 'FORBIDDEN', pinLockedMessage);
  const rest = flags?.pinFinalTry
    ? 'Il reste 1 essai avant le blocage de la clé : vérifiez bien le code avant de le saisir.'
    : flags?.pinCountLow
      ? "Il reste peu d'essais avant le blocage de la clé."
      : 'Après plusieurs erreurs, la clé se bloque : vérifiez le code avant de recommencer.';
  const message = `Code PIN incorrect. ${rest}`;
  return new TokenError('PIN_INCORRECT', 'BAD_CREDENTIALS', message, { pin: message });
}

const pkcs11Code = (e: unknown): number | null => {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'number' ? c : null;
};

/** Any other failure of a PKCS#11 call. `what` says what we were doing, for the support. */
export function fromPkcs11(e: unknown, what: string): TokenError {
  if (e instanceof TokenError) return e;
  const code = pkcs11Code(e);
  switch (code) {
    case CKR.PIN_LOCKED:
      return new TokenError('PIN_LOCKED', 'FORBIDDEN', pinLockedMessage);
    case CKR.PIN_INCORRECT:
      return wrongPin(null);
    case CKR.PIN_INVALID:
    case CKR.PIN_LEN_RANGE:
      return new TokenError(
        'PIN_INCORRECT',
        'BAD_CREDENTIALS',
        "Ce code PIN n'a pas le format attendu par la clé (longueur ou caractères).",
        { pin: 'Format de code PIN refusé par la clé.' },
      );
    case CKR.PIN_EXPIRED:
      return new TokenError(
        'PIN_LOCKED',
        'FORBIDDEN',
        "Le code PIN de la clé a expiré : changez-le avec l'outil de l'autorité de certification, puis recommencez.",
      );
    case CKR.DEVICE_REMOVED:
    case CKR.TOKEN_NOT_PRESENT:
    case CKR.TOKEN_NOT_RECOGNIZED:
    case CKR.SESSION_HANDLE_INVALID:
    case CKR.SESSION_CLOSED:
    case CKR.SLOT_ID_INVALID:
    case CKR.CRYPTOKI_NOT_INITIALIZED:
    case CKR.DEVICE_ERROR:
      return tokenRemoved();
    case CKR.USER_NOT_LOGGED_IN:
      return new TokenError(
        'NOT_LOGGED_IN',
        'BAD_CREDENTIALS',
        'La clé demande le code PIN pour cette signature : saisissez-le.',
        { pin: 'Code PIN requis pour cette signature.' },
      );
    default:
      return new TokenError(
        'TOKEN_ERROR',
        'INTERNAL',
        `La clé de signature a refusé l'opération (${what}${code !== null ? `, code PKCS#11 0x${code.toString(16)}` : ''}). Débranchez et rebranchez la clé ; si cela se répète, appelez le support.`,
      );
  }
}

/** The module (middleware DLL / .so) cannot be loaded: say which path and what to do. */
export function moduleFailure(modulePath: string, e: unknown): TokenError {
  const missing = /no such file|cannot open|not found|ENOENT|n'existe pas/i.test(String((e as Error)?.message ?? e));
  return missing
    ? new TokenError(
        'MODULE_MISSING',
        'NOT_FOUND',
        `Le pilote de la clé (module PKCS#11) est introuvable à l'emplacement « ${modulePath} ». Installez le logiciel fourni avec la clé (par exemple SafeNet Authentication Client, IDPrime ou OpenSC) ou indiquez le bon chemin dans Paramètres › Signature.`,
      )
    : new TokenError(
        'MODULE_FAILED',
        'INTERNAL',
        `Le pilote de la clé « ${modulePath} » n'a pas pu être chargé (ce n'est pas un module PKCS#11 valide, ou il ne correspond pas à cet ordinateur 64 bits). Réinstallez le logiciel de la clé ou choisissez un autre module dans Paramètres › Signature.`,
      );
}
