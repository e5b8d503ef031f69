import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { checkBackup, createBackup } from '../backup';
import { readSetting, writeSetting } from '../commune';
import { s2lowConfig, savePlateforme } from '../sync/settings';
import { tempDir, testCore, withCommune } from '../../test-support/helpers';
import { aesBox, KEY_FILE, keyFileBox, readOrCreateKeyFile, SecretUnreadable } from './secrets';
import { openKeyed, type DbKey } from './cipher';

const PASSWORD = 'MotDePasse-S2low-Tres-Secret-4821';
const P12_PASSWORD = 'Phrase-PKCS12-Confidentielle-7730';

const hasStrings = (() => {
  try {
    execFileSync('strings', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
/** What `strings` (binutils) finds in a file: the test looks at the file the way an intruder would. */
const stringsOf = (file: string) =>
  execFileSync('strings', ['-n', '6', file], { encoding: 'utf8', maxBuffer: 64 << 20 });

/**
 * The bytes of `file` decrypted page by page (free pages included): a copy rekeyed to no key. The databases are
 * encrypted (cipher.ts); these tests check that a secret is also sealed, and gone from free pages, inside.
 */
function decryptedBytes(file: string, key: DbKey): Buffer {
  const copy = path.join(tempDir(), 'clair.sqlite');
  fs.copyFileSync(file, copy);
  const db = openKeyed(copy, key);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  return fs.readFileSync(copy);
}

describe('secret box (AES-256-GCM, key outside the databases)', () => {
  it('seals and opens; a wrong key is refused, never garbage', () => {
    const box = aesBox(() => Buffer.alloc(32, 1));
    const w = box.wrap(PASSWORD);
    expect(w).not.toContain(PASSWORD);
    expect(box.wrap(PASSWORD)).not.toBe(w); // fresh nonce each time
    expect(box.unwrap(w)).toBe(PASSWORD);
    expect(() => aesBox(() => Buffer.alloc(32, 2)).unwrap(w)).toThrow(SecretUnreadable);
  });

  it('the key file is 32 random bytes, mode 0600, created once', () => {
    const dir = tempDir();
    const k1 = readOrCreateKeyFile(dir);
    expect(k1).toHaveLength(32);
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readOrCreateKeyFile(dir).equals(k1)).toBe(true);
    expect(keyFileBox(dir).unwrap(keyFileBox(dir).wrap('x'))).toBe('x');
  });
});

describe('platform secrets of a commune', () => {
  it('are stored sealed, readable by the connector, and absent from a backup (checked with strings)', async (ctx) => {
    const t = await withCommune();
    const { db, dir } = t.core.communes.get(t.communeId);
    savePlateforme(db, dir, {
      url: 'https://s2low.test',
      login: 'mairie',
      password: PASSWORD,
      p12: Buffer.from('p12'),
      p12Password: P12_PASSWORD,
    });
    const stored = JSON.stringify(readSetting(db, 'plateforme_secrets'));
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(P12_PASSWORD);
    const cfg = s2lowConfig(db, dir);
    expect(
      typeof cfg !== 'string' && [cfg.password, cfg.identity.kind === 'pkcs12' && cfg.identity.passphrase],
    ).toEqual([PASSWORD, P12_PASSWORD]);

    const made = await t.client.call('backup.create');
    if (!made.ok) throw new Error(made.error.message);
    const backup = path.join(t.core.communes.backupDirOf(t.communeId), made.value.file);
    const key = fs.readFileSync(path.join(t.dir, KEY_FILE));
    const bytes = fs.readFileSync(backup);
    expect(bytes.includes(key)).toBe(false);
    expect(bytes.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(bytes.includes(Buffer.from(key.toString('hex')))).toBe(false);
    if (!hasStrings) {
      t.close();
      console.warn('skipped: the `strings` tool (binutils) is not installed');
      ctx.skip();
      return;
    }
    const found = stringsOf(backup);
    expect(found).not.toContain('clocher-secret:v1:'); // the whole file is encrypted (cipher.ts)...
    const inside = decryptedBytes(backup, t.core.communes.key).toString('latin1');
    expect(inside).toContain('clocher-secret:v1:'); // ...and inside it the secrets are sealed
    expect(inside).not.toContain(PASSWORD);
    expect(found).not.toContain(PASSWORD);
    expect(found).not.toContain(P12_PASSWORD);
    t.close();
  });

  it('clear secrets of an earlier Clocher are sealed at opening, and vanish from the file and its older backups', async () => {
    const t = await withCommune();
    const { db, dir } = t.core.communes.get(t.communeId);
    savePlateforme(db, dir, { url: 'https://s2low.test', login: 'mairie', p12: Buffer.from('p12') });
    writeSetting(db, 'plateforme_secrets', { password: PASSWORD, p12Password: P12_PASSWORD }); // as stored before
    const made = createBackup(
      db,
      t.core.communes.backupDirOf(t.communeId),
      'manuelle',
      new Date('2026-11-20T10:00:00Z'),
    ); // a backup of that time
    const backup = path.join(t.core.communes.backupDirOf(t.communeId), made.file);
    t.core.communes.close(t.communeId);
    const key = t.core.communes.key;
    expect(decryptedBytes(t.core.communes.fileOf(t.communeId), key).includes(PASSWORD)).toBe(true);
    expect(decryptedBytes(backup, key).includes(PASSWORD)).toBe(true);

    const reopened = t.core.communes.get(t.communeId);
    // the old backup is sealed too, and still a good, restorable backup
    expect(decryptedBytes(backup, key).includes(PASSWORD)).toBe(false);
    expect(decryptedBytes(backup, key).includes(P12_PASSWORD)).toBe(false);
    expect(checkBackup(backup, communeMigrations, '45270', t.core.communes.key).code_insee).toBe('45270');
    expect(JSON.stringify(readSetting(reopened.db, 'plateforme_secrets'))).not.toContain(PASSWORD);
    const cfg = s2lowConfig(reopened.db, dir);
    expect(typeof cfg !== 'string' && cfg.password).toBe(PASSWORD);
    t.core.communes.close(t.communeId);
    const file = decryptedBytes(t.core.communes.fileOf(t.communeId), key);
    expect(file.includes(PASSWORD)).toBe(false);
    expect(file.includes(P12_PASSWORD)).toBe(false);
    t.close();
  });

  it('another key gives a French message asking to type the passwords again', async () => {
    const t = await withCommune();
    const { db, dir } = t.core.communes.get(t.communeId);
    savePlateforme(db, dir, {
      url: 'https://s2low.test',
      password: PASSWORD,
      p12: Buffer.from('p12'),
      p12Password: P12_PASSWORD,
    });
    // the secrets sealed on another PC (a commune imported from an export): its databases key is this one
    const other = aesBox(() => Buffer.alloc(32, 9));
    writeSetting(db, 'plateforme_secrets', { password: other.wrap(PASSWORD), p12Password: other.wrap(P12_PASSWORD) });
    expect(s2lowConfig(db, dir)).toMatch(
      /ne peuvent plus être lus.*Saisissez-les de nouveau dans Paramètres → Plateforme/,
    );
    t.close();
  });

  it('a lost key file: nothing opens, a French message says why, and no new key is made', async () => {
    const t = await withCommune();
    t.close();
    fs.rmSync(path.join(t.dir, KEY_FILE));
    const before = fs.readFileSync(path.join(t.dir, 'clocher.sqlite'));
    expect(() => testCore(t.dir)).toThrow(
      /clé de chiffrement de cette installation.*introuvable.*Rien n'a été modifié/,
    );
    expect(fs.existsSync(path.join(t.dir, KEY_FILE))).toBe(false);
    expect(fs.readFileSync(path.join(t.dir, 'clocher.sqlite')).equals(before)).toBe(true);
  });
});

describe('data folder', () => {
  it('is created readable by the user only (0700), and an existing 0755 one is tightened', () => {
    const fresh = path.join(tempDir(), 'Clocher');
    const t = testCore(fresh);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    t.close();
    fs.chmodSync(fresh, 0o755);
    const t2 = testCore(fresh);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    t2.close();
  });
});
