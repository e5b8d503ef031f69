/**
 * The mailbox password at rest, sealed like the platform's secrets: AES-256-GCM under one installation key kept
 * OUTSIDE the commune's database (a backup carries neither the secret nor the key). Same format and key file as
 * main/db/secrets.ts of the t8-data branch (« clocher-secret:v1: », cle-secrets.bin in the data folder): at merge,
 * `mailSecretBox(dir)` becomes `secretBoxOf(db) ?? keyFileBox(dir)` and this file goes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SecretBox {
  wrap(clear: string): string;
  unwrap(wrapped: string): string;
}
export class SecretUnreadable extends Error {}

const PREFIX = 'clocher-secret:v1:';
const KEY_FILE = 'cle-secrets.bin';

function keyOf(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, crypto.randomBytes(32), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file); // two processes never end up with two keys
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

export function mailSecretBox(dir: string): SecretBox {
  let key: Buffer | null = null;
  const k = () => (key ??= keyOf(dir));
  return {
    wrap(clear) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', k(), iv);
      const body = Buffer.concat([c.update(clear, 'utf8'), c.final()]);
      return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    unwrap(wrapped) {
      if (!wrapped.startsWith(PREFIX)) throw new SecretUnreadable('not a wrapped secret');
      const raw = Buffer.from(wrapped.slice(PREFIX.length), 'base64');
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', k(), raw.subarray(0, 12));
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('wrong key or altered secret');
      }
    },
  };
}
