import path from 'node:path';
import Database from 'better-sqlite3';
import { communeMigrations, workspaceMigrations } from '../../migrations';
import { tempDir } from '../../test-support/helpers';
import { migrate, type Migration } from './migrate';
import { closeDatabase, openDatabase, type Db } from './sqlite';

/**
 * `INSERT OR REPLACE` deletes the conflicting row and inserts a new one; SQLite fires no DELETE trigger for that
 * unless recursive_triggers is on. Each append-only table must refuse it, both through openDatabase (the pragma)
 * and on a file opened raw, by another tool (the BEFORE INSERT triggers of commune 0090 / workspace 0030).
 */
function seedCommune(db: Db): void {
  db.pragma('foreign_keys = OFF'); // only the refusals are under test, not the references
  db.prepare("INSERT INTO journal (id, at, action, summary) VALUES (1, '2026-11-23', 'x', 'ligne d''origine')").run();
  db.prepare(
    `INSERT INTO signature_record (id, document_id, format, signataire, qualite, fondement, cert_holder, cert_issuer, cert_serial, cert_sha256, signed_at, before_sha256, after_sha256)
     VALUES (1, 1, 'PAdES-B-B', 'Hélène Lefèvre', 'maire', 'L2122-22', 'h', 'i', '01', 'c', '2026-11-23', 'a', 'b')`,
  ).run();
  db.prepare(
    "INSERT INTO deliberation (id, seance_id, numero, objet, matiere, adoptee) VALUES (1, 1, '2026-001', 'Budget', '7.1', 1)",
  ).run();
}

const REPLACES: Array<[string, string, RegExp]> = [
  [
    'journal',
    "INSERT OR REPLACE INTO journal (id, at, action, summary) VALUES (1, '2026-11-23', 'x', 'réécrite')",
    /journal_append_only/,
  ],
  [
    'signature_record',
    `INSERT OR REPLACE INTO signature_record (id, document_id, format, signataire, qualite, fondement, cert_holder, cert_issuer, cert_serial, cert_sha256, signed_at, before_sha256, after_sha256)
     VALUES (1, 1, 'PAdES-B-B', 'Faussaire', 'maire', 'L2122-22', 'h', 'i', '01', 'c', '2026-11-23', 'a', 'b')`,
    /signature_append_only/,
  ],
  [
    'deliberation (same id)',
    "REPLACE INTO deliberation (id, seance_id, numero, objet, matiere, adoptee) VALUES (1, 1, '2026-001', 'Autre', '7.1', 0)",
    /deliberation_immuable/,
  ],
  [
    'deliberation (same numéro)',
    "INSERT OR REPLACE INTO deliberation (seance_id, numero, objet, matiere, adoptee) VALUES (1, '2026-001', 'Autre', '7.1', 0)",
    /deliberation_immuable/,
  ],
];

function expectUntouched(db: Db): void {
  expect(db.prepare('SELECT summary FROM journal WHERE id = 1').pluck().get()).toBe("ligne d'origine");
  expect(db.prepare('SELECT signataire FROM signature_record WHERE id = 1').pluck().get()).toBe('Hélène Lefèvre');
  expect(db.prepare('SELECT objet || adoptee FROM deliberation').pluck().all()).toEqual(['Budget1']);
}

describe('append-only tables refuse INSERT OR REPLACE', () => {
  it.each(REPLACES)('commune %s, opened by Clocher', (_what, sql, error) => {
    const { db } = openDatabase(path.join(tempDir(), 'commune.sqlite'), {
      migrations: communeMigrations,
      what: 'test',
    });
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(1);
    seedCommune(db);
    expect(() => db.prepare(sql).run()).toThrow(error);
    expectUntouched(db);
    closeDatabase(db);
  });

  it.each(REPLACES)('commune %s, file opened raw without recursive_triggers', (_what, sql, error) => {
    const db = new Database(':memory:');
    migrate(db, communeMigrations, { what: 'test' });
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(0);
    seedCommune(db);
    expect(() => db.prepare(sql).run()).toThrow(error);
    expectUntouched(db);
  });

  it('the pragma alone protects a base not yet migrated to 0090', () => {
    const before0090: Migration[] = communeMigrations.filter((m) => m.version < 90);
    const { db } = openDatabase(path.join(tempDir(), 'commune.sqlite'), { migrations: before0090, what: 'test' });
    seedCommune(db);
    for (const [, sql, error] of REPLACES) expect(() => db.prepare(sql).run()).toThrow(error);
    expectUntouched(db);
    closeDatabase(db);
  });

  it('installation journal, opened by Clocher and raw', () => {
    const { db } = openDatabase(path.join(tempDir(), 'clocher.sqlite'), {
      migrations: workspaceMigrations,
      what: 'test',
    });
    const raw = new Database(':memory:');
    migrate(raw, workspaceMigrations, { what: 'test' });
    for (const d of [db, raw]) {
      d.prepare(
        "INSERT INTO journal (id, at, action, summary) VALUES (1, '2026-11-23', 'restauration', 'ligne d''origine')",
      ).run();
      expect(() =>
        d
          .prepare("INSERT OR REPLACE INTO journal (id, at, action, summary) VALUES (1, '2026-11-23', 'x', 'réécrite')")
          .run(),
      ).toThrow(/journal_append_only/);
      expect(d.prepare('SELECT summary FROM journal').pluck().all()).toEqual(["ligne d'origine"]);
      // appending stays possible
      d.prepare("INSERT INTO journal (at, action, summary) VALUES ('2026-11-23', 'y', 'suite')").run();
    }
    closeDatabase(db);
  });

  it('normal appends still work', () => {
    const db = new Database(':memory:');
    migrate(db, communeMigrations, { what: 'test' });
    seedCommune(db);
    db.prepare("INSERT INTO journal (at, action, summary) VALUES ('2026-11-23', 'x', 'deuxième')").run();
    db.prepare(
      "INSERT INTO deliberation (seance_id, numero, objet, matiere, adoptee) VALUES (1, '2026-002', 'Voirie', '8.3', 1)",
    ).run();
    expect(db.prepare('SELECT count(*) FROM deliberation').pluck().get()).toBe(2);
  });
});
