import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { communeMigrations } from '../../migrations';
import { toErrorValue } from '../kernel/errors';
import { CommuneStore } from '../host/communes';
import { migrate, openKeyed } from '../db';
import { tempDir, testCore, withCommune } from '../../test-support/helpers';
import { createBackup, listBackups } from './backups';

/** Mount a tmpfs (we run as root in CI); null with the reason when the machine does not allow it. */
function mountTmpfs(dir: string, size: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `mount -t tmpfs impossible ici (${(e as Error).message.split('\n')[0]}): il faut être root`;
  }
}
const umount = (dir: string) => execFileSync('umount', [dir], { stdio: 'pipe' });

describe('a failed daily backup warns and never blocks the commune', () => {
  it('`sauvegardes` replaced by a file: the commune opens, reads and writes; dashboard and journal say why', async () => {
    const t = await withCommune();
    const dir = t.core.communes.backupDirOf(t.communeId);
    t.core.communes.close(t.communeId);
    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'pas un dossier');
    t.setNow('2026-11-24T08:30:00Z'); // next opening day: a daily backup is due

    const status = await t.client.call('app.status');
    expect(status.ok && status.value.phase === 'ready' && status.value.problem).toBeNull();
    await t.core.communes.checksSettled(); // the backup runs after the reply (main/host/daily-check.ts)
    const dash = await t.client.call('dashboard.get');
    if (!dash.ok) throw new Error(dash.error.message);
    expect(dash.value.todos[0]?.title).toMatch(
      /sauvegarde automatique du jour n'a pas pu être faite.*« sauvegardes ».*ne peut pas être écrit.*Clocher fonctionne normalement/,
    );
    const saved = await t.client.call('commune.saveElu', {
      id: null,
      elu: { civilite: 'M.', nom: 'Nouveau', prenom: 'Benoît', fonction: 'conseiller', mandat_debut: '2026-04-01' },
    });
    expect(saved.ok).toBe(true);
    const journal = await t.client.call('journal.list', { text: 'sauvegarde automatique' });
    expect(journal.ok && journal.value.rows.map((r) => r.action)).toContain('sauvegarde.echec');
    const list = await t.client.call('backup.list');
    expect(list.ok && list.value).toEqual([]);

    const manual = await t.client.call('backup.create');
    expect(!manual.ok && manual.error).toMatchObject({
      code: 'READ_ONLY',
      message: expect.stringMatching(/^La sauvegarde n'a pas pu être faite : le dossier « sauvegardes »/),
    });

    // once `sauvegardes` is a folder again, a manual backup clears the warning
    fs.rmSync(dir);
    expect((await t.client.call('backup.create')).ok).toBe(true);
    const after = await t.client.call('dashboard.get');
    expect(after.ok && after.value.todos.some((x) => /sauvegarde/.test(x.title))).toBe(false);
    t.close();
  });

  it('a full disk under `sauvegardes` (tiny tmpfs): the commune still opens, with the « disque plein » warning', async (ctx) => {
    const t = await withCommune();
    const dir = t.core.communes.backupDirOf(t.communeId);
    t.core.communes.close(t.communeId);
    fs.rmSync(dir, { recursive: true });
    const cannot = mountTmpfs(dir, '16k');
    if (cannot) {
      t.close();
      console.warn(`skipped: ${cannot}`);
      ctx.skip();
      return;
    }
    try {
      t.setNow('2026-11-24T08:30:00Z');
      expect((await t.client.call('commune.get')).ok).toBe(true); // opens it; the backup runs after the reply
      await t.core.communes.checksSettled();
      const dash = await t.client.call('dashboard.get');
      if (!dash.ok) throw new Error(dash.error.message);
      expect(dash.value.todos[0]?.title).toMatch(/disque de l'ordinateur est plein/);
      expect(fs.readdirSync(dir)).toEqual([]); // no half-written backup left behind
      expect((await t.client.call('commune.get')).ok).toBe(true);
    } finally {
      t.close();
      umount(dir);
    }
  });
});

describe('the backup before a schema update', () => {
  it('when it cannot be made, the update is not run and the message says why', async () => {
    const t = await withCommune();
    const file = t.core.communes.fileOf(t.communeId);
    const backups = t.core.communes.backupDirOf(t.communeId);
    t.close();
    // the commune as an older Clocher (schema 20) wrote it, and `sauvegardes` replaced by a file
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const old = new Database(file);
    migrate(old, communeMigrations.slice(0, 2), { what: 'test' });
    old.close();
    fs.rmSync(backups, { recursive: true });
    fs.writeFileSync(backups, 'pas un dossier');
    const store = new CommuneStore(path.dirname(path.dirname(file)), () => new Date('2026-11-24T08:00:00Z'));
    let err: unknown;
    try {
      store.get(t.communeId);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'READ_ONLY',
      message: expect.stringMatching(/mettre à jour.*sauvegarde.*« sauvegardes ».*Rien n'a été modifié/),
    });
    store.closeAll();
    const after = openKeyed(file, store.key, { readonly: true }); // encrypted at this first opening (main/db/encrypt-plain.ts)
    expect(after.pragma('user_version', { simple: true })).toBe(20); // not migrated
    after.close();
  });
});

describe('a read-only data folder is named as such, never « endommagé »', () => {
  it('commune folder on a read-only mount: READ_ONLY « lecture seule », not DB_CORRUPT', async (ctx) => {
    const t = await withCommune();
    const communeDir = t.core.communes.dirOf(t.communeId);
    t.core.communes.close(t.communeId);
    const copy = tempDir();
    fs.cpSync(communeDir, copy, { recursive: true });
    const cannot = mountTmpfs(communeDir, '64m');
    if (cannot) {
      t.close();
      console.warn(`skipped: ${cannot}`);
      ctx.skip();
      return;
    }
    try {
      fs.cpSync(copy, communeDir, { recursive: true });
      execFileSync('mount', ['-o', 'remount,ro', communeDir], { stdio: 'pipe' });
      const status = await t.client.call('app.status');
      const problem = status.ok && status.value.phase === 'ready' ? status.value.problem : null;
      expect(problem?.code).toBe('READ_ONLY');
      expect(problem?.message).toMatch(/Le dossier de données de Clocher est en lecture seule/);
      expect(problem?.message).not.toMatch(/restaurez une sauvegarde|est endommagé/);
    } finally {
      t.close();
      umount(communeDir);
    }
  });

  it('the whole data folder on a read-only mount: the core says « lecture seule » at start', async (ctx) => {
    const t = await withCommune();
    t.close();
    const copy = tempDir();
    fs.cpSync(t.dir, copy, { recursive: true });
    fs.chmodSync(copy, 0o755); // an older Clocher's folder: tightening it must not be what fails
    const cannot = mountTmpfs(t.dir, '64m');
    if (cannot) {
      console.warn(`skipped: ${cannot}`);
      ctx.skip();
      return;
    }
    try {
      fs.cpSync(copy, t.dir, { recursive: true });
      fs.chmodSync(t.dir, 0o755);
      execFileSync('mount', ['-o', 'remount,ro', t.dir], { stdio: 'pipe' });
      let err: unknown;
      try {
        testCore(t.dir).close();
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/lecture seule/) });
      expect(toErrorValue(err).message).not.toMatch(/restaurez une sauvegarde|est endommagé/);
    } finally {
      umount(t.dir);
    }
  });

  it('SQLite read-only errors map to READ_ONLY', () => {
    expect(
      toErrorValue(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' })),
    ).toMatchObject({
      code: 'READ_ONLY',
      message: expect.stringMatching(/lecture seule/),
    });
  });
});

describe('restores are journaled for the installation and their copies kept', () => {
  it('every restore is in the installation journal; « avant-restauration » copies are never rotated', async () => {
    const t = await withCommune();
    const made = await t.client.call('backup.create');
    if (!made.ok) throw new Error(made.error.message);
    for (let i = 0; i < 7; i++) {
      t.setNow(`2026-11-23T1${i}:00:00Z`);
      const r = await t.client.call('backup.restore', { file: made.value.file });
      expect(r.ok).toBe(true);
    }
    const dir = t.core.communes.backupDirOf(t.communeId);
    expect(listBackups(dir).filter((b) => b.kind === 'avant-restauration')).toHaveLength(7);
    // other kinds rotating does not touch them either
    const { db } = t.core.communes.get(t.communeId);
    for (let i = 0; i < 25; i++) createBackup(db, dir, 'quotidienne', new Date(Date.UTC(2026, 0, 1 + i)));
    expect(listBackups(dir).filter((b) => b.kind === 'avant-restauration')).toHaveLength(7);

    const lines = t.core.workspace
      .prepare("SELECT user_login, summary FROM journal WHERE action = 'sauvegarde.restauree' ORDER BY id")
      .all() as { user_login: string; summary: string }[];
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({
      user_login: 'secretaire',
      summary: expect.stringContaining(
        `${t.communeId} : sauvegarde ${made.value.file} restaurée ; l'ancienne base est conservée sous `,
      ),
    });
    t.close();
  });
});

describe('backup files', () => {
  it('a path that is not a folder lists no backup instead of throwing', () => {
    const file = path.join(tempDir(), 'sauvegardes');
    fs.writeFileSync(file, 'x');
    expect(listBackups(file)).toEqual([]);
  });
});
