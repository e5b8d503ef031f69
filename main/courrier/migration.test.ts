/** Migration 0300 on a commune that already has courriers (0030 table): numbers kept, filed, searchable. */
import Database from 'better-sqlite3';
import { migrate } from '../db';
import { communeMigrations } from '../../migrations';

it('rebuilds the 0030 courrier table without losing a row, and indexes it for the search', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    communeMigrations.filter((m) => m.version < 300),
    { what: 'test' },
  );
  db.prepare(
    "INSERT INTO courrier (sens, annee, numero, date_courrier, date_enregistrement, correspondant, objet, canal) VALUES ('arrivee', 2019, 7, '2019-03-01', '2019-03-04', 'Préfecture du Loiret', 'Arrêté préfectoral sécheresse', 'prefecture')",
  ).run();
  const r = migrate(db, communeMigrations, { what: 'test' });
  expect(r.applied).toContain(300);
  expect(db.prepare('SELECT sens, annee, numero, statut, canal FROM courrier').all()).toEqual([
    { sens: 'arrivee', annee: 2019, numero: 7, statut: 'classe', canal: 'prefecture' },
  ]);
  expect(db.prepare('SELECT rowid FROM courrier_fts WHERE courrier_fts MATCH \'"secheresse"*\'').all()).toHaveLength(1);
  expect(() =>
    db
      .prepare(
        "INSERT INTO courrier (sens, annee, numero, date_courrier, date_enregistrement, correspondant, objet, canal) VALUES ('arrivee', 2019, 7, '2019-03-01', '2019-03-04', 'X', 'Y', 'papier')",
      )
      .run(),
  ).toThrow(/UNIQUE/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});
