import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { communeMigrations, workspaceMigrations } from '../../migrations';
import { AppError } from '../kernel/errors';
import { listBackups } from '../backup';
import { CommuneStore } from '../host/communes';
import { tempDir, withCommune } from '../../test-support/helpers';
import { latestVersion, migrate, migrationsFromFiles, schemaVersion } from './migrate';
import { openDatabase } from './sqlite';
import { openKeyed } from './cipher';

/** The schema as SQLite sees it, to compare databases built by different paths. */
function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as {
      type: string;
      name: string;
      sql: string;
    }[]
  ).map((r) => `${r.type} ${r.name}: ${r.sql?.replace(/\s+/g, ' ')}`);
}

describe('migration files', () => {
  it('every .sql file is bundled, numbered with gaps, in order', () => {
    for (const [folder, list] of [
      ['commune', communeMigrations],
      ['workspace', workspaceMigrations],
    ] as const) {
      const files = fs.readdirSync(path.join(__dirname, '../../migrations', folder)).filter((f) => f.endsWith('.sql'));
      expect(list.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`)).toEqual(files.sort());
      for (const m of list) expect(m.version % 10).toBe(0);
    }
  });
  it('refuses badly named or duplicated files', () => {
    expect(() => migrationsFromFiles({ 'init.sql': '' })).toThrow(/0010_name/);
    expect(() => migrationsFromFiles({ '0010_a.sql': '', 'x/0010_b.sql': '' })).toThrow(/duplicate/);
  });
});

describe('migration runner', () => {
  it('from every intermediate version, migrating gives exactly the fresh schema', () => {
    const fresh = new Database(':memory:');
    migrate(fresh, communeMigrations, { what: 'test' });
    const expected = schemaOf(fresh);
    expect(schemaVersion(fresh)).toBe(latestVersion(communeMigrations));
    for (let step = 0; step < communeMigrations.length; step++) {
      const db = new Database(':memory:');
      migrate(db, communeMigrations.slice(0, step + 1), { what: 'test' });
      expect(schemaVersion(db)).toBe(communeMigrations[step]?.version);
      const r = migrate(db, communeMigrations, { what: 'test' });
      expect(r.applied).toEqual(communeMigrations.slice(step + 1).map((m) => m.version));
      expect(schemaOf(db)).toEqual(expected);
      const recorded = (
        db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
      ).map((x) => x.version);
      expect(recorded).toEqual(communeMigrations.map((m) => m.version));
    }
  });

  it('is all or nothing: a failing migration leaves the database as it was', () => {
    const db = new Database(':memory:');
    migrate(db, communeMigrations.slice(0, 1), { what: 'test' });
    const before = schemaOf(db);
    const broken = [
      ...communeMigrations.slice(0, 1),
      { version: 20, name: 'ok', sql: 'CREATE TABLE t1 (a)' },
      { version: 30, name: 'bad', sql: 'CREATE TABLE oops (' },
    ];
    expect(() => migrate(db, broken, { what: 'test' })).toThrow();
    expect(schemaOf(db)).toEqual(before);
    expect(schemaVersion(db)).toBe(10);
  });

  it('refuses a database written by a newer version, without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 9990');
    db.close();
    const bytes = fs.readFileSync(file);
    try {
      openDatabase(file, { migrations: communeMigrations, what: 'Le dossier de la commune' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('DB_TOO_NEW');
      expect((e as AppError).message).toMatch(/version plus récente de Clocher/);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('backs up the file before migrating an existing commune', async () => {
    const t = await withCommune();
    const file = t.core.communes.fileOf(t.communeId);
    t.close();
    // Rebuild the commune as an older Clocher (schema 20) would have written it.
    fs.rmSync(file);
    fs.rmSync(`${file}-wal`, { force: true });
    const old = new Database(file);
    migrate(old, communeMigrations.slice(0, 2), { what: 'test' });
    old
      .prepare(
        `INSERT INTO commune VALUES (1, 'Saint-Benoît-sur-Loire', '45270', '214502494', '45', '3', 'place', '45730', '0238357000', 'm@x.fr', 2048, 'x', 'x')`,
      )
      .run();
    old.close();
    const store = new CommuneStore(path.dirname(path.dirname(file)), () => new Date('2026-11-24T08:00:00Z'));
    const opened = store.get(t.communeId);
    expect(schemaVersion(opened.db)).toBe(latestVersion(communeMigrations));
    const pre = listBackups(store.backupDirOf(t.communeId)).find((b) => b.kind === 'avant-migration');
    expect(pre).toBeDefined();
    const backup = openKeyed(path.join(store.backupDirOf(t.communeId), pre!.file), store.key, { readonly: true });
    expect(schemaVersion(backup)).toBe(20);
    expect((backup.prepare('SELECT nom FROM commune').get() as { nom: string }).nom).toBe('Saint-Benoît-sur-Loire');
    backup.close();
    store.closeAll();
  });
});
