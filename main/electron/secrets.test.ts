import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEY_FILE } from '../db';
import { answerSecretsRequests, OS_KEY_FILE, osWrappedKey, type OsWrapper } from './secrets';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-oskey-'));
/** A stand-in for safeStorage: reversible, marked, and never the clear text. */
const fakeOs = (available = true): OsWrapper => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.concat([Buffer.from('OS:'), Buffer.from(s).map((b) => b ^ 0x5a)]),
  decryptString: (b) => {
    if (b.subarray(0, 3).toString() !== 'OS:') throw new Error('decrypt failed');
    return Buffer.from(b.subarray(3).map((x) => x ^ 0x5a)).toString();
  },
});
const quiet = () => undefined;

describe('OS-wrapped secrets key (Electron safeStorage)', () => {
  it('creates a random key once, stores only its wrapped form, mode 0600, in a 0700 data folder', () => {
    const dir = path.join(tmp(), 'Clocher');
    const k = osWrappedKey(dir, fakeOs(), quiet)!;
    expect(k).toHaveLength(32);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const file = path.join(dir, OS_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).includes(Buffer.from(k.toString('base64')))).toBe(false);
    expect(osWrappedKey(dir, fakeOs(), quiet)!.equals(k)).toBe(true);
  });

  it('adopts the key file of the loopback host (so its secrets stay readable) and removes the clear file', () => {
    const dir = tmp();
    const old = crypto.randomBytes(32);
    fs.writeFileSync(path.join(dir, KEY_FILE), old, { mode: 0o600 });
    expect(osWrappedKey(dir, fakeOs(), quiet)!.equals(old)).toBe(true);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
  });

  it('no OS encryption, or a wrapped key this account cannot open: null (the core falls back), file untouched', () => {
    const dir = tmp();
    expect(osWrappedKey(dir, fakeOs(false), quiet)).toBeNull();
    expect(fs.existsSync(path.join(dir, OS_KEY_FILE))).toBe(false);
    fs.writeFileSync(path.join(dir, OS_KEY_FILE), 'from another Windows profile');
    const logs: string[] = [];
    expect(osWrappedKey(dir, fakeOs(), (m) => logs.push(m))).toBeNull();
    expect(fs.readFileSync(path.join(dir, OS_KEY_FILE), 'utf8')).toBe('from another Windows profile');
    expect(logs[0]).toMatch(/illisible/);
  });

  it('answers only need-secrets, on the child’s own channel', () => {
    const listeners: ((m: unknown) => void)[] = [];
    const posted: unknown[] = [];
    const key = crypto.randomBytes(32);
    answerSecretsRequests({ on: (_e, l) => listeners.push(l), postMessage: (m) => posted.push(m) }, () => key);
    listeners[0]!({ type: 'call' });
    expect(posted).toEqual([]);
    listeners[0]!({ type: 'need-secrets' });
    expect(posted).toEqual([{ type: 'secrets', key: key.toString('base64') }]);
  });
});
