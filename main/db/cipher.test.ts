/**
 * Encryption at rest (issue 11): a stolen commune file, installation file or backup reveals nothing; a wrong key
 * is refused in French and changes nothing; a plain file of an earlier Clocher is migrated with all its data.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { recoverAccount } from '../host/recover';
import { tempDir, testCore, withCommune, type TestCore } from '../../test-support/helpers';
import { deriveDbKey, isPlainFile, openKeyed, type DbKey } from './cipher';
import { openDatabase } from './sqlite';
import { KEY_FILE, OS_KEY_FILE } from './secrets';
import { Core } from '../host/core';

const NOM = 'Vauquelin-Marbeuf';
const PRENOM = 'Aristide';

const hasStrings = (() => {
  try {
    execFileSync('strings', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
/** What `strings` (binutils) prints of a file: the way a thief would look at it. */
const stringsOf = (file: string) =>
  execFileSync('strings', ['-n', '6', file], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** A commune with a seeded élu and a manual backup, closed: every file is on disk, complete. */
async function seeded(): Promise<TestCore & { communeId: string; backup: string }> {
  const t = await withCommune();
  const r = await t.client.call('commune.saveElu', {
    id: null,
    elu: { civilite: 'M.', nom: NOM, prenom: PRENOM, fonction: 'conseiller', mandat_debut: '2026-04-01' },
  });
  if (!r.ok) throw new Error(r.error.message);
  const made = await t.client.call('backup.create');
  if (!made.ok) throw new Error(made.error.message);
  t.core.communes.close(t.communeId);
  return { ...t, backup: path.join(t.core.communes.backupDirOf(t.communeId), made.value.file) };
}

/** Decrypt `file` in place (rekey to no key), as an earlier Clocher would have left it. */
function makePlain(file: string, key: DbKey): void {
  const db = openKeyed(file, key);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
}

const eluNames = (file: string, key: DbKey | null) => {
  const db = openKeyed(file, key, { readonly: true });
  try {
    return (db.prepare('SELECT nom FROM elu ORDER BY nom').pluck().all() as string[]).join(',');
  } finally {
    db.close();
  }
};

describe('a stolen file reveals nothing', () => {
  it('no name of the commune file, its backup or the installation file is readable with strings', async (ctx) => {
    const t = await seeded();
    const files = [t.core.communes.fileOf(t.communeId), t.backup, path.join(t.dir, 'clocher.sqlite')];
    t.close();
    for (const f of files) {
      expect(isPlainFile(f), f).toBe(false);
      const bytes = fs.readFileSync(f);
      for (const word of [NOM, PRENOM, 'Martine Roux', 'secretaire'])
        expect(bytes.includes(Buffer.from(word)), `${word} in ${f}`).toBe(false);
    }
    // the name is in the data indeed: a decrypted copy shows it (the test looks for something that is there)
    const plain = path.join(tempDir(), 'clair.sqlite');
    fs.copyFileSync(files[1]!, plain);
    makePlain(plain, t.core.communes.key);
    expect(fs.readFileSync(plain).includes(Buffer.from(NOM))).toBe(true);
    if (!hasStrings) {
      console.warn('skipped: the `strings` tool (binutils) is not installed');
      return ctx.skip();
    }
    expect(stringsOf(plain)).toContain(NOM);
    for (const f of files) {
      const found = stringsOf(f);
      expect(found).not.toContain(NOM);
      expect(found).not.toContain(PRENOM);
      expect(found).not.toContain('SQLite format');
    }
  });
});

describe('a wrong key', () => {
  it('is refused with a French message, and the file is left untouched', async () => {
    const t = await seeded();
    const file = t.core.communes.fileOf(t.communeId);
    t.close();
    const before = fs.readFileSync(file);
    const other = deriveDbKey(crypto.randomBytes(32));
    expect(() =>
      openDatabase(file, { migrations: communeMigrations, what: 'Le dossier de la commune', key: other }),
    ).toThrow(
      expect.objectContaining({
        code: 'DB_WRONG_KEY',
        message: expect.stringMatching(/chiffré et la clé de cet ordinateur ne l'ouvre pas.*Rien n'a été modifié/),
      }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('another key file in the data folder: the installation refuses to start, in French', async () => {
    const t = await seeded();
    t.close();
    fs.writeFileSync(path.join(t.dir, KEY_FILE), crypto.randomBytes(32), { mode: 0o600 });
    expect(() => testCore(t.dir)).toThrow(
      /fichier d'installation de Clocher est chiffré et la clé de cet ordinateur ne l'ouvre pas/,
    );
  });

  it('a commune file from another PC leads to the restore screen (DB_CORRUPT), not to a crash', async () => {
    const t = await seeded();
    const foreign = await seeded();
    foreign.close();
    t.core.communes.closeAll();
    fs.copyFileSync(foreign.core.communes.fileOf(foreign.communeId), t.core.communes.fileOf(t.communeId));
    expect(() => t.core.communes.get(t.communeId)).toThrow(
      expect.objectContaining({
        code: 'DB_CORRUPT',
        message: expect.stringMatching(/ne s'ouvre pas avec la clé de chiffrement de cet ordinateur/),
      }),
    );
    t.close();
  });
});

describe('files of an earlier Clocher, in clear', () => {
  it('are encrypted at the first opening, the commune file and its backups, with all their data', async () => {
    const t = await seeded();
    const key = t.core.communes.key;
    const file = t.core.communes.fileOf(t.communeId);
    t.close();
    for (const f of [file, t.backup, path.join(t.dir, 'clocher.sqlite')]) makePlain(f, key);
    expect(isPlainFile(file) && isPlainFile(t.backup)).toBe(true);
    const names = eluNames(file, null);

    const again = testCore(t.dir);
    expect(isPlainFile(path.join(t.dir, 'clocher.sqlite'))).toBe(false); // the installation file at start
    const { db } = again.core.communes.get(t.communeId);
    expect((db.prepare('SELECT nom FROM elu ORDER BY nom').pluck().all() as string[]).join(',')).toBe(names);
    again.close();
    expect(isPlainFile(file)).toBe(false);
    expect(isPlainFile(t.backup)).toBe(false);
    expect(eluNames(t.backup, key)).toContain(NOM); // the backup keeps its data, under the key
    // nothing in clear is left anywhere in the commune's folder (no copy kept aside)
    const left = fs.readdirSync(t.core.communes.dirOf(t.communeId), { recursive: true, encoding: 'utf8' });
    for (const f of left
      .map((n) => path.join(t.core.communes.dirOf(t.communeId), n))
      .filter((p) => fs.statSync(p).isFile()))
      expect(fs.readFileSync(f).includes(Buffer.from(NOM)), f).toBe(false);
  });
});

describe('the recovery tool (support)', () => {
  it('still works on the encrypted installation file, with the key of the data folder', async () => {
    const t = await seeded();
    t.close();
    expect(isPlainFile(path.join(t.dir, 'clocher.sqlite'))).toBe(false);
    const temporary = await recoverAccount(t.dir, 'secretaire');
    expect(temporary.length).toBeGreaterThan(8);
    const again = testCore(t.dir);
    const r = await again.client.call('auth.login', { login: 'secretaire', password: temporary });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    again.close();
  });
});

describe('the recovery tool with a key wrapped by the OS (Electron shell)', () => {
  it('opens the installation with the key the shell hands over, and says in French why not without it', async () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const t = testCore(dir);
    t.close();
    // as in the shell: no key file, the key comes from safeStorage (cle-secrets.protegee)
    fs.rmSync(path.join(dir, KEY_FILE));
    fs.writeFileSync(path.join(dir, OS_KEY_FILE), 'wrapped by the OS');
    fs.rmSync(path.join(dir, 'clocher.sqlite'));
    new Core({ dataDir: dir, installationKey: key, logError: () => undefined }).close();
    await expect(recoverAccount(dir, 'personne', key)).rejects.toThrow(/Aucun compte « personne »/); // opened: it read the accounts
    await expect(recoverAccount(dir, 'personne')).rejects.toThrow(/protégée par Windows.*Rien n'a été modifié/);
  });
});
