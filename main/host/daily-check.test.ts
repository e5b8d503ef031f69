/**
 * Issue 9: « Se connecter » no longer waits for `quick_check` and the day's backup; they run after the reply, in a
 * worker thread (the real bundle, test-support/check-worker.ts), on real encrypted files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { api } from '../api/schemas';
import Database from 'better-sqlite3';
import { checkBackup, listBackups, runDailyCheck } from '../backup';
import { openKeyed } from '../db';
import { checkWorkerScript } from '../../test-support/check-worker';
import { tempDir, validAccount, withCommune } from '../../test-support/helpers';
import { Core } from './core';
import { writesCommune } from './damage';
import { inProcessClient } from './inprocess';

const NEXT_DAY = '2026-11-24T08:30:00Z'; // the commune was made on TEST_NOW (2026-11-23): a new opening day

/** A commune made through the wizard, its core stopped, `prepare` run on the stopped files, then a new core on `iso`. */
async function restarted(iso: string, prepare?: (file: string, key: Buffer, id: string) => void) {
  const t = await withCommune();
  const key = t.core.communes.key;
  t.close();
  prepare?.(t.core.communes.fileOf(t.communeId), key, t.communeId);
  return coreOn(t.dir, t.communeId, iso);
}

function coreOn(dir: string, id: string, iso: string) {
  const now = new Date(iso);
  const core = new Core({
    dataDir: dir,
    clock: () => now,
    logError: () => undefined,
    checkScript: checkWorkerScript(),
  });
  const client = inProcessClient(core);
  const close = () => {
    client.close();
    core.close();
  };
  return { core, client, dir, id, close };
}

const login = (c: ReturnType<typeof coreOn>) =>
  c.client.call('auth.login', { login: validAccount.login, password: validAccount.password });
const daily = (c: ReturnType<typeof coreOn>) => c.core.communes.backups(c.id).filter((b) => b.kind === 'quotidienne');

describe('the day’s check and backup run after « Se connecter », in a worker thread', () => {
  it('login replies before the check has even started; then quick_check and the backup run in another thread', async () => {
    const c = await restarted(NEXT_DAY);
    const r = await login(c);
    expect(r.ok).toBe(true);
    // the reply is here and the job has not run: a check done inside the login would have left its outcome
    expect(c.core.communes.checkState(c.id)).toMatchObject({ running: true, last: null });
    expect(daily(c)).toHaveLength(1); // only the creation day's
    await c.core.communes.checksSettled();
    const { last } = c.core.communes.checkState(c.id);
    expect(last?.result).toMatchObject({ pages: 'ok', backup: 'made' });
    expect(last?.threadId).not.toBe(0); // not the core's thread
    expect(daily(c)).toHaveLength(2);
    expect(c.client.events.map((e) => e.event)).toContain('commune.changed'); // the window asks app.status again
    c.close();
  });

  it('a clean base gets exactly one backup a day; the same day, a new login re-checks nothing, a restart only checks', async () => {
    const c = await restarted(NEXT_DAY);
    await login(c);
    await c.core.communes.checksSettled();
    expect(daily(c)).toHaveLength(2);
    const first = c.core.communes.checkState(c.id).last;
    await c.client.call('auth.logout');
    await login(c); // the handle is cached: nothing scheduled again the same day
    expect(c.core.communes.checkState(c.id)).toMatchObject({ running: false, last: first });
    c.close();

    // a restart the same day: quick_check again at this opening of the file (off the core's thread), no 2nd backup
    const again = coreOn(c.dir, c.id, '2026-11-24T13:30:00Z');
    await login(again);
    await again.core.communes.checksSettled();
    expect(again.core.communes.checkState(c.id).last?.result).toEqual({ pages: 'ok', backup: 'already' });
    expect(daily(again)).toHaveLength(2);
    again.close();
  });

  it('a damaged page found after login: commune marked damaged, writes refused in French, reads go on, no backup', async () => {
    const c = await restarted(NEXT_DAY, (file, key) => {
      // scramble one page of the élus' table, which logging in does not read: only the full check meets it
      const db = openKeyed(file, key, { readonly: true });
      const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'elu'").get() as { rootpage: number })
        .rootpage;
      const size = db.pragma('page_size', { simple: true }) as number;
      db.close();
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * size + 512);
      fs.closeSync(fd);
    });
    expect((await login(c)).ok).toBe(true);
    await c.core.communes.checksSettled();
    expect(c.core.communes.checkState(c.id).last?.result).toEqual({ pages: 'damaged', backup: 'none' });

    const status = await c.client.call('app.status');
    if (!status.ok || status.value.phase !== 'ready') throw new Error('not ready');
    expect(status.value.problem).toBeNull(); // not the restore screen at once: reads go on
    expect(status.value.damage).toMatchObject({
      code: 'DB_CORRUPT',
      message: expect.stringMatching(/est endommagé.*restaurez une sauvegarde.*ou appelez le support/),
    });
    // still open for reading: the message must not say it cannot be opened
    expect(status.value.damage?.message).toContain('Vous pouvez encore consulter les dossiers');
    expect(status.value.damage?.message).not.toContain('ne peut pas être ouvert');
    expect(status.value.permissions).not.toContain('commune.write');
    expect(status.value.permissions).toContain('backup.manage'); // the way out: Paramètres → Sauvegardes

    const write = await c.client.call('commune.saveElu', {
      id: null,
      elu: { civilite: 'M.', nom: 'Nouveau', prenom: 'Benoît', fonction: 'conseiller', mandat_debut: '2026-04-01' },
    });
    expect(!write.ok && write.error).toEqual(status.value.damage);
    const manual = await c.client.call('backup.create');
    expect(!manual.ok && manual.error.code).toBe('DB_CORRUPT');
    expect((await c.client.call('journal.list', {})).ok).toBe(true);
    expect(daily(c)).toHaveLength(1); // no copy of damaged pages rotating good backups out

    const lines = c.core.workspace
      .prepare("SELECT user_login, summary FROM journal WHERE action = 'commune.endommagee'")
      .all() as { user_login: string | null; summary: string }[];
    expect(lines).toHaveLength(1);
    expect(lines[0]?.user_login).toBeNull();
    expect(lines[0]?.summary).toMatch(/^Commune 45270-[a-z-]+ : la vérification du fichier/);
    expect(lines[0]?.summary).not.toMatch(/Lefèvre|Roux|secretaire/); // no personal data
    c.close();
  });

  it('a failed backup (`sauvegardes` replaced by a file) is reported in French, without blocking', async () => {
    const c = await restarted(NEXT_DAY, (file) => {
      const dir = path.join(path.dirname(file), 'sauvegardes');
      fs.rmSync(dir, { recursive: true });
      fs.writeFileSync(dir, 'pas un dossier');
    });
    expect((await login(c)).ok).toBe(true);
    await c.core.communes.checksSettled();
    expect(c.core.communes.checkState(c.id).last?.result).toMatchObject({ pages: 'ok', backup: 'failed' });
    const dash = await c.client.call('dashboard.get');
    expect(dash.ok && dash.value.todos[0]?.title).toMatch(
      /^La sauvegarde automatique du jour n'a pas pu être faite : le dossier « sauvegardes » .* Clocher fonctionne normalement/,
    );
    const journal = await c.client.call('journal.list', { text: 'sauvegarde automatique' });
    expect(journal.ok && journal.value.rows.map((r) => r.action)).toContain('sauvegarde.echec');
    c.close();
  });

  it('closing the core waits for the worker: its connection closed, no half-written backup under a good name', async () => {
    // ballast (random, so incompressible) so that the worker's check and backup take a while
    const c = await restarted(NEXT_DAY, (file, key) => {
      const db = openKeyed(file, key);
      db.exec('CREATE TABLE lest (x BLOB)');
      const insert = db.prepare('INSERT INTO lest VALUES (randomblob(4000))');
      db.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run();
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    });
    await login(c);
    await vi.waitFor(() => expect(c.core.communes.checkState(c.id).reading).toBe(true), { timeout: 10_000 });
    const file = c.core.communes.fileOf(c.id);
    const dir = c.core.communes.backupDirOf(c.id);
    const key = c.core.communes.key;
    c.close();
    expect(c.core.communes.checkState(c.id).stopped).toBe('fini'); // the worker had closed its connection
    // the WAL is folded and removed only when no other connection reads the file: the worker's was closed first
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    for (const f of fs.readdirSync(dir)) {
      expect(f).toMatch(/\.sqlite$/);
      expect(() => checkBackup(path.join(dir, f), communeMigrations, '45270', key)).not.toThrow();
    }
  });
});

it('a backup a killed core never finished (`.partiel`) is never listed, and the next backup removes it', async () => {
  const partial = '2026-11-23T10-00-00-000Z_quotidienne.sqlite.partiel';
  const c = await restarted(NEXT_DAY, (file) =>
    fs.writeFileSync(path.join(path.dirname(file), 'sauvegardes', partial), 'x'),
  );
  expect(c.core.communes.backups(c.id).map((b) => b.file)).not.toContain(partial);
  await login(c);
  await c.core.communes.checksSettled();
  expect(fs.readdirSync(c.core.communes.backupDirOf(c.id))).not.toContain(partial);
  c.close();
});

it('a base whose pages do not add up is not backed up (quick_check finds what VACUUM INTO would copy)', () => {
  const dir = tempDir();
  const file = path.join(dir, 'commune.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
  db.close();
  const bytes = fs.readFileSync(file);
  bytes.writeUInt32BE(7, 36); // the header's count of free pages: wrong, read only by a check
  fs.writeFileSync(file, bytes);
  const backupDir = path.join(dir, 'sauvegardes');
  const r = runDailyCheck({ file, keyHex: null, backupDir, at: NEXT_DAY, check: true });
  expect(r).toEqual({ pages: 'damaged', backup: 'none' });
  expect(listBackups(backupDir)).toEqual([]);
});

describe('which handlers a damaged commune refuses (main/host/damage.ts)', () => {
  it('every commune.write handler and signing are refused; reads, restore and ending a séance de signature are not', () => {
    const names = Object.keys(api) as (keyof typeof api)[];
    for (const n of names.filter((n) => api[n].access === 'commune.write'))
      expect(writesCommune(n, 'commune.write')).toBe(true);
    for (const n of names.filter((n) => api[n].access === 'commune.read'))
      expect(writesCommune(n, 'commune.read')).toBe(false);
    expect(writesCommune('parapheur.signer', 'parapheur.sign')).toBe(true);
    expect(writesCommune('users.create', 'users.manage')).toBe(true);
    expect(writesCommune('backup.create', 'backup.manage')).toBe(true);
    expect(writesCommune('parapheur.sessionEnd', 'parapheur.sign')).toBe(false);
    expect(writesCommune('backup.restore', 'backup.manage')).toBe(false);
    expect(writesCommune('backup.list', 'backup.manage')).toBe(false);
  });
});
