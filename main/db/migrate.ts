import type Database from 'better-sqlite3';
import { AppError } from '../kernel';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Build the ordered migration list from bundled files named `NNNN_name.sql`. Numbers have gaps (0010, 0020…)
 * so that a fix can be slotted in between without renumbering.
 */
export function migrationsFromFiles(files: Record<string, string>): Migration[] {
  const list = Object.entries(files).map(([file, sql]) => {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file.split('/').pop() ?? '');
    if (!m) throw new Error(`migration file name must look like 0010_name.sql: ${file}`);
    return { version: Number(m[1]), name: m[2] ?? '', sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (i > 0 && list[i - 1]?.version === m.version) throw new Error(`duplicate migration number ${m.version}`);
  });
  return list;
}

export const latestVersion = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function refuseFutureVersion(version: number, migrations: readonly Migration[], what: string): void {
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `${what} a été enregistré par une version plus récente de Clocher (schéma ${version}, cette version connaît le schéma ${latest}). ` +
        "Il n'a pas été ouvert, pour ne rien abîmer : installez la dernière version de Clocher ou appelez le support.",
    );
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Apply every pending migration in ONE transaction: either the database is at the latest version afterwards
 * or it is exactly as before. `beforeMigrate` runs first (a file backup) and only when something is pending
 * on an existing database.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  opts: { what: string; beforeMigrate?: (from: number, to: number) => void },
): MigrationResult {
  const from = schemaVersion(db);
  refuseFutureVersion(from, migrations, opts.what);
  const pending = migrations.filter((m) => m.version > from);
  const to = latestVersion(migrations);
  if (pending.length === 0) return { from, to: from, applied: [] };
  if (from > 0) opts.beforeMigrate?.(from, to);
  const run = db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    // foreign keys are off while migrating (below): checked here, before the commit
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`migration left ${broken.length} broken foreign key(s)`);
    db.pragma(`user_version = ${to}`);
  });
  // SQLite's procedure to rebuild a table (lang_altertable.html §7, e.g. 0120 changing a CHECK): foreign keys
  // off around the transaction (the pragma does nothing inside one), checked before it commits
  const fk = db.pragma('foreign_keys', { simple: true }) === 1;
  if (fk) db.pragma('foreign_keys = OFF');
  try {
    run();
  } finally {
    if (fk) db.pragma('foreign_keys = ON');
  }
  return { from, to, applied: pending.map((m) => m.version) };
}
