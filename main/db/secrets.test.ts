import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { checkBackup, createBackup } from '../backup/backups';
import { readSetting, writeSetting } from '../commune/commune';
import { s2lowConfig, savePlateforme } from '../sync/settings';
import { tempDir, testCore, withCommune } from '../../test-support/helpers';
import { aesBox, KEY_FILE, keyFileBox, readOrCreateKeyFile, SecretUnreadable } from './secrets';

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
const stringsOf = (file: string) => execFileSync('strings', ['-n', '6', file], { encoding: 'utf8', maxBuffer: 64 << 20 });

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
    savePlateforme(db, dir, { url: 'https://s2low.test', login: 'mairie', password: PASSWORD, p12: Buffer.from('p12'), p12Password: P12_PASSWORD });
    const stored = JSON.stringify(readSetting(db, 'plateforme_secrets'));
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(P12_PASSWORD);
    const cfg = s2lowConfig(db, dir);
    expect(typeof cfg !== 'string' && [cfg.password, cfg.identity.kind === 'pkcs12' && cfg.identity.passphrase]).toEqual([PASSWORD, P12_PASSWORD]);

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
    expect(found).toContain('clocher-secret:v1:'); // the sealed form is there: we looked at the right file
    expect(found).not.toContain(PASSWORD);
    expect(found).not.toContain(P12_PASSWORD);
    t.close();
  });

  it('clear secrets of an earlier Clocher are sealed at opening, and vanish from the file and its older backups', async () => {
    const t = await withCommune();
    const { db, dir } = t.core.communes.get(t.communeId);
    savePlateforme(db, dir, { url: 'https://s2low.test', login: 'mairie', p12: Buffer.from('p12') });
    writeSetting(db, 'plateforme_secrets', { password: PASSWORD, p12Password: P12_PASSWORD }); // as stored before
    const made = createBackup(db, t.core.communes.backupDirOf(t.communeId), 'manuelle', new Date('2026-11-20T10:00:00Z')); // a backup of that time
    const backup = path.join(t.core.communes.backupDirOf(t.communeId), made.file);
    t.core.communes.close(t.communeId);
    expect(fs.readFileSync(t.core.communes.fileOf(t.communeId)).includes(PASSWORD)).toBe(true);
    expect(fs.readFileSync(backup).includes(PASSWORD)).toBe(true);

    const reopened = t.core.communes.get(t.communeId);
    // the old backup is sealed too, and still a good, restorable backup
    expect(fs.readFileSync(backup).includes(PASSWORD)).toBe(false);
    expect(fs.readFileSync(backup).includes(P12_PASSWORD)).toBe(false);
    expect(checkBackup(backup, communeMigrations, '45270').code_insee).toBe('45270');
    expect(JSON.stringify(readSetting(reopened.db, 'plateforme_secrets'))).not.toContain(PASSWORD);
    const cfg = s2lowConfig(reopened.db, dir);
    expect(typeof cfg !== 'string' && cfg.password).toBe(PASSWORD);
    t.core.communes.close(t.communeId);
    const file = fs.readFileSync(t.core.communes.fileOf(t.communeId));
    expect(file.includes(PASSWORD)).toBe(false);
    expect(file.includes(P12_PASSWORD)).toBe(false);
    t.close();
  });

  it('a lost key gives a French message asking to type the passwords again', async () => {
    const t = await withCommune();
    const { db, dir } = t.core.communes.get(t.communeId);
    savePlateforme(db, dir, { url: 'https://s2low.test', password: PASSWORD, p12: Buffer.from('p12'), p12Password: P12_PASSWORD });
    t.close();
    fs.rmSync(path.join(t.dir, KEY_FILE));
    const again = testCore(t.dir);
    const c = again.core.communes.get(t.communeId);
    expect(s2lowConfig(c.db, c.dir)).toMatch(/ne peuvent plus être lus.*Saisissez-les de nouveau dans Paramètres → Plateforme/);
    again.close();
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
