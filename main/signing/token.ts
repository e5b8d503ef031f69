/**
 * The élu's USB token over PKCS#11 (pkcs11js, signing.md §2). The private key never leaves the token: we send
 * it a DigestInfo(SHA-256) for CKM_RSA_PKCS (51 bytes; some tokens lack CKM_SHA256_RSA_PKCS).
 * Every native call goes through `call()`, which turns a PKCS#11 error into a French TokenError. A real
 * segfault in a vendor middleware would still kill the core host process; Electron's main restarts it.
 * A PIN is never retried automatically.
 */
// kernel/errors, not the kernel's index: the signing path loads no validation library (zod), issue 10
import { AppError } from '../kernel/errors';
import * as pkcs11js from 'pkcs11js';
import { fromPkcs11, moduleFailure, wrongPin, TokenError } from './token-errors';

const DIGEST_INFO_SHA256 = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface TokenFlags {
  loginRequired: boolean;
  pinCountLow: boolean;
  pinFinalTry: boolean;
  pinLocked: boolean;
  /** PIN-pad reader: C_Login with a null PIN blocks until typed on the reader */
  protectedAuthPath: boolean;
}

export interface TokenSlot {
  slotId: string; // hex, as pkcs11js gives the handle
  label: string;
  serial: string;
  model: string;
  manufacturer: string;
  flags: TokenFlags;
}

export interface TokenCertificate {
  id: string; // CKA_ID, hex
  label: string;
  der: Buffer;
}

const trim = (s: string) => s.replace(/\0/g, '').trim();

function flagsOf(f: number): TokenFlags {
  return {
    loginRequired: (f & pkcs11js.CKF_LOGIN_REQUIRED) !== 0,
    pinCountLow: (f & pkcs11js.CKF_USER_PIN_COUNT_LOW) !== 0,
    pinFinalTry: (f & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0,
    pinLocked: (f & pkcs11js.CKF_USER_PIN_LOCKED) !== 0,
    protectedAuthPath: (f & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0,
  };
}

/** One loaded middleware. Opened once per module path and kept: some modules cannot be re-initialised. */
export class Token {
  private closed = false;
  private constructor(
    readonly modulePath: string,
    private readonly p11: pkcs11js.PKCS11,
  ) {}

  static open(modulePath: string): Token {
    const p11 = new pkcs11js.PKCS11();
    try {
      p11.load(modulePath);
    } catch (e) {
      throw moduleFailure(modulePath, e);
    }
    try {
      p11.C_Initialize();
    } catch (e) {
      // another owner in this process already initialised it (CKR_CRYPTOKI_ALREADY_INITIALIZED)
      if ((e as { code?: number }).code !== pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        try {
          p11.close();
        } catch {
          /* already broken */
        }
        throw moduleFailure(modulePath, e);
      }
    }
    return new Token(modulePath, p11);
  }

  /** Run one native call; PKCS#11 failures become French TokenErrors. */
  call<T>(what: string, fn: (p: pkcs11js.PKCS11) => T): T {
    if (this.closed) throw fromPkcs11({ code: 0x190 }, what);
    try {
      return fn(this.p11);
    } catch (e) {
      throw fromPkcs11(e, what);
    }
  }

  slots(): TokenSlot[] {
    return this.call('liste des lecteurs', (p) =>
      p.C_GetSlotList(true).flatMap((slot) => {
        const t = p.C_GetTokenInfo(slot);
        if (!(t.flags & pkcs11js.CKF_TOKEN_INITIALIZED)) return []; // a blank token (SoftHSM keeps a free slot)
        return [
          {
            slotId: slot.toString('hex'),
            label: trim(t.label),
            serial: trim(t.serialNumber),
            model: trim(t.model),
            manufacturer: trim(t.manufacturerID),
            flags: flagsOf(t.flags),
          },
        ];
      }),
    );
  }

  flags(slotId: string): TokenFlags {
    return this.call('état de la clé', (p) => flagsOf(p.C_GetTokenInfo(Buffer.from(slotId, 'hex')).flags));
  }

  /** Certificates are public objects: readable before the PIN, so they are checked before anyone types it. */
  certificates(slotId: string): TokenCertificate[] {
    return this.withSession(slotId, (s) =>
      this.find(s, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]).map((h) => {
        const [id, label, value] = this.call('lecture du certificat', (p) =>
          p.C_GetAttributeValue(s, h, [
            { type: pkcs11js.CKA_ID },
            { type: pkcs11js.CKA_LABEL },
            { type: pkcs11js.CKA_VALUE },
          ]),
        );
        return {
          id: (id?.value as Buffer).toString('hex'),
          label: String(label?.value ?? ''),
          der: Buffer.from(value?.value as Buffer),
        };
      }),
    );
  }

  /** C_Login(CKU_USER). On a wrong PIN the token's flags say how many tries remain. */
  login(slotId: string, pin: string): TokenSession {
    const slot = Buffer.from(slotId, 'hex');
    const before = this.flags(slotId);
    if (before.pinLocked) throw wrongPin(before);
    const session = this.call('ouverture de session', (p) =>
      p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION),
    );
    try {
      this.p11.C_Login(session, pkcs11js.CKU_USER, pin);
    } catch (e) {
      this.closeQuietly(session);
      const code = (e as { code?: number }).code;
      if (code === pkcs11js.CKR_PIN_INCORRECT) throw wrongPin(this.flagsOrNull(slotId));
      // PKCS#11 keeps the login per application and token: another séance of this core (another window) has it
      // open, and C_Login answers without checking this PIN. Never treat that as a login (PIN not verified).
      if (code === pkcs11js.CKR_USER_ALREADY_LOGGED_IN)
        throw new AppError(
          'CONFLICT',
          'Cette clé est déjà ouverte dans une autre séance de signature (une autre fenêtre de Clocher) : terminez cette séance-là, puis ouvrez la vôtre avec votre code PIN.',
        );
      throw fromPkcs11(e, 'saisie du code PIN');
    }
    return new TokenSession(this, slotId, session);
  }

  withSession<T>(slotId: string, fn: (s: Buffer) => T): T {
    const s = this.call('ouverture de session', (p) =>
      p.C_OpenSession(Buffer.from(slotId, 'hex'), pkcs11js.CKF_SERIAL_SESSION),
    );
    try {
      return fn(s);
    } finally {
      this.closeQuietly(s);
    }
  }

  find(session: Buffer, template: pkcs11js.Template): Buffer[] {
    return this.call('recherche sur la clé', (p) => {
      p.C_FindObjectsInit(session, template);
      try {
        return p.C_FindObjects(session, 64);
      } finally {
        p.C_FindObjectsFinal(session);
      }
    });
  }

  closeQuietly(session: Buffer): void {
    try {
      this.p11.C_CloseSession(session);
    } catch {
      /* the token may be gone: nothing left to close */
    }
  }

  private flagsOrNull(slotId: string): TokenFlags | null {
    try {
      return this.flags(slotId);
    } catch {
      return null;
    }
  }

  /** C_Finalize and unload. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.p11.C_Finalize();
    } catch {
      /* ignore */
    }
    try {
      this.p11.close();
    } catch {
      /* ignore */
    }
  }
}

/** A logged-in session on one slot. */
export class TokenSession {
  private open = true;
  constructor(
    readonly token: Token,
    readonly slotId: string,
    private readonly handle: Buffer,
  ) {}

  /** The private key with the certificate's CKA_ID, and whether it wants the PIN for every signature. */
  key(id: string): { handle: Buffer; alwaysAuthenticate: boolean } {
    const found = this.token.find(this.handle, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: Buffer.from(id, 'hex') },
    ]);
    const handle = found[0];
    if (!handle)
      throw new TokenError(
        'KEY_NOT_FOUND',
        'NOT_FOUND',
        'La clé privée associée à ce certificat est introuvable sur la clé USB : ce certificat ne peut pas signer.',
      );
    let always = false;
    try {
      const [a] = this.token.call('lecture de la clé', (p) =>
        p.C_GetAttributeValue(this.handle, handle, [{ type: pkcs11js.CKA_ALWAYS_AUTHENTICATE }]),
      );
      always = Buffer.isBuffer(a?.value) ? a.value[0] === 1 : Boolean(a?.value);
    } catch {
      always = false; // attribute unknown to older middlewares
    }
    return { handle, alwaysAuthenticate: always };
  }

  /**
   * Sign a SHA-256 digest: C_SignInit(CKM_RSA_PKCS), then for always-authenticate keys the context-specific
   * login (CKU_CONTEXT_SPECIFIC) with the PIN typed for this very signature, then C_Sign (async, libuv pool).
   */
  async signDigest(keyHandle: Buffer, digest: Buffer, contextPin?: string): Promise<Buffer> {
    if (digest.length !== 32) throw new Error('SHA-256 digest expected');
    const data = Buffer.concat([DIGEST_INFO_SHA256, digest]);
    this.token.call('préparation de la signature', (p) =>
      p.C_SignInit(this.handle, { mechanism: pkcs11js.CKM_RSA_PKCS }, keyHandle),
    );
    if (contextPin !== undefined) {
      try {
        this.token.call('code PIN de signature', (p) =>
          p.C_Login(this.handle, pkcs11js.CKU_CONTEXT_SPECIFIC, contextPin),
        );
      } catch (e) {
        if (e instanceof TokenError && e.reason === 'PIN_INCORRECT') throw wrongPin(this.flagsOrNull());
        throw e;
      }
    }
    try {
      return await this.p11Sign(data);
    } catch (e) {
      throw fromPkcs11(e, 'signature');
    }
  }

  private p11Sign(data: Buffer): Promise<Buffer> {
    return this.token.call('signature', (p) => p.C_SignAsync(this.handle, data, Buffer.alloc(1024)));
  }

  private flagsOrNull(): TokenFlags | null {
    try {
      return this.token.flags(this.slotId);
    } catch {
      return null;
    }
  }

  get isOpen(): boolean {
    return this.open;
  }

  logout(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.token.call('fin de session', (p) => p.C_Logout(this.handle));
    } catch {
      /* token gone or already logged out */
    }
    this.token.closeQuietly(this.handle);
  }
}
