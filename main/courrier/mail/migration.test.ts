/** Migration 0120 rebuilds sync_outbox to accept the kind 'mail': every row, id and reference survives. */
import Database from 'better-sqlite3';
import { communeMigrations } from '../../../migrations';
import { migrate } from '../../db';

it("0120 keeps the outbox and the platform messages that point at it, and accepts kind 'mail'", () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    communeMigrations.filter((m) => m.version < 120),
    { what: 'test' },
  );
  const at = '2026-11-23T09:00:00.000Z';
  db.prepare(
    "INSERT INTO sync_outbox (id, idem_key, kind, label, payload, state, next_attempt_at, created_at, updated_at) VALUES (7, 'acte:2026_001', 'acte', 'Délibération', '{}', 'recu', ?, ?, ?)",
  ).run(at, at, at);
  db.prepare(
    "INSERT INTO sync_inbound (platform_key, kind, outbox_id, remote_id, title, received_at) VALUES ('actes:1', 'CourrierSimple', 7, '1', 'Courrier', ?)",
  ).run(at);
  expect(() =>
    db
      .prepare(
        "INSERT INTO sync_outbox (idem_key, kind, label, payload, next_attempt_at, created_at, updated_at) VALUES ('m', 'mail', 'x', '{}', ?, ?, ?)",
      )
      .run(at, at, at),
  ).toThrow(/CHECK/);
  migrate(db, communeMigrations, { what: 'test' });
  expect(db.prepare('SELECT id, idem_key, state FROM sync_outbox').all()).toEqual([
    { id: 7, idem_key: 'acte:2026_001', state: 'recu' },
  ]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'sync_inbound'").get()).toEqual({
    sql: expect.stringContaining('REFERENCES sync_outbox (id)'),
  });
  db.prepare(
    "INSERT INTO sync_outbox (idem_key, kind, label, payload, next_attempt_at, created_at, updated_at) VALUES ('m', 'mail', 'x', '{}', ?, ?, ?)",
  ).run(at, at, at);
  expect(() => db.prepare('DELETE FROM sync_outbox WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
});
