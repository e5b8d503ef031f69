/**
 * Platform secrets at rest (the S²LOW PKCS#12 and Basic passwords): never stored in clear. They are sealed with
 * AES-256-GCM under one installation key kept OUTSIDE every database, so that a backup (a copy of commune.sqlite)
 * carries neither the secret nor the key:
 * - in the Electron shell the key is itself wrapped by the OS (safeStorage: DPAPI on Windows, Keychain, libsecret)
 *   in main/electron/secrets.ts and handed to the core over the utility-process channel (main/host/utility.ts);
 * - elsewhere (loopback host, tests) it is a random 32-byte file, mode 0600, in the data folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './sqlite';

export interface SecretBox {
  wrap(clear: string): string;
  /** throws SecretUnreadable when the key is missing or another one */
  unwrap(wrapped: string): string;
}

export class SecretUnreadable extends Error {}

const PREFIX = 'clocher-secret:v1:';
export const KEY_FILE = 'cle-secrets.bin';
/** the same key wrapped by the OS (main/electron/secrets.ts); it also opens the encrypted databases (cipher.ts) */
export const OS_KEY_FILE = 'cle-secrets.protegee';

export const isWrapped = (v: string): boolean => v.startsWith(PREFIX);

/** AES-256-GCM under `key`: a fresh 12-byte nonce per secret, the tag refuses a wrong key or a changed value. */
export function aesBox(key: () => Buffer): SecretBox {
  return {
    wrap(clear) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([c.update(clear, 'utf8'), c.final()]);
      return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    unwrap(wrapped) {
      if (!isWrapped(wrapped)) throw new SecretUnreadable('not a wrapped secret');
      const raw = Buffer.from(wrapped.slice(PREFIX.length), 'base64');
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('wrong key or altered secret');
      }
    },
  };
}

/**
 * The key file of the data folder, created on first use: written under a temporary name with mode 0600, then
 * hard-linked into place, so that two processes never end up with two keys and a crash never leaves half a key.
 */
export function readOrCreateKeyFile(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, crypto.randomBytes(32), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const key = fs.readFileSync(file);
  if (key.length !== 32) throw new SecretUnreadable(`${KEY_FILE} is not a 32-byte key`);
  return key;
}

/** The plain Node implementation: key file in `dir` (the data folder), read once, created lazily. */
export function keyFileBox(dir: string): SecretBox {
  let key: Buffer | null = null;
  return aesBox(() => (key ??= readOrCreateKeyFile(dir)));
}

/** Which box seals the secrets of a base opened by the CommuneStore (see settings.ts). */
const boxes = new WeakMap<Db, SecretBox>();
export const attachSecretBox = (db: Db, box: SecretBox): void => void boxes.set(db, box);
export const secretBoxOf = (db: Db): SecretBox | undefined => boxes.get(db);
