/**
 * Issue 9: opening a base can leave `quick_check` for later (header checks only, `deferCheck`), except when
 * migrations are pending: then the full check still runs first, before the backup and the update.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../test-support/helpers';
import type { Migration } from './migrate';
import { closeDatabase, openDatabase } from './sqlite';

const migrations: Migration[] = [
  { version: 10, name: 'a', sql: 'CREATE TABLE a (x);' },
  { version: 20, name: 'b', sql: 'CREATE TABLE b (y);' },
];

/** A plain base at `version` whose header counts free pages wrongly: only a page check notices it. */
function damagedAt(version: number): string {
  const file = path.join(tempDir(), 'base.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE a (x); INSERT INTO a VALUES (1);');
  db.pragma(`user_version = ${version}`);
  db.close();
  const bytes = fs.readFileSync(file);
  bytes.writeUInt32BE(7, 36);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('openDatabase with deferCheck', () => {
  it('no migration pending: opens after the header checks only, and says the pages were not checked', () => {
    const file = damagedAt(20);
    const { db, checked } = openDatabase(file, { migrations, what: 'La base', deferCheck: true });
    expect(checked).toBe(false);
    closeDatabase(db);
    expect(() => openDatabase(file, { migrations, what: 'La base' })).toThrow(/La base est endommagé/);
  });

  it('migrations pending: the full check runs first, and a damaged base is neither backed up nor updated', () => {
    const file = damagedAt(10);
    const beforeMigrate = vi.fn();
    expect(() => openDatabase(file, { migrations, what: 'La base', deferCheck: true, beforeMigrate })).toThrow(
      expect.objectContaining({ code: 'DB_CORRUPT' }),
    );
    expect(beforeMigrate).not.toHaveBeenCalled();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    db.close();
  });

  it('refuses a newer schema at once (DB_TOO_NEW), checks deferred or not', () => {
    const file = damagedAt(9990);
    expect(() => openDatabase(file, { migrations, what: 'La base', deferCheck: true })).toThrow(
      expect.objectContaining({ code: 'DB_TOO_NEW' }),
    );
  });
});
