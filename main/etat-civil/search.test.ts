/** Both search strategies give the same answer: newest acts first, filters applied (search.ts). */
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { closeDatabase, openDatabase } from '../db';
import { tempDir } from '../../test-support/helpers';
import { searchActes } from './search';

describe('search over thousands of matches', () => {
  it('walks the date index when a prefix matches more than 2,000 acts, and sorts when it matches few', () => {
    const { db } = openDatabase(path.join(tempDir(), 'c.sqlite'), { migrations: communeMigrations, what: 'test' });
    const ins = db.prepare(
      "INSERT INTO acte_etat_civil (type, annee, numero, date_acte, nom, prenoms) VALUES (?, ?, ?, ?, ?, 'Jean')",
    );
    db.transaction(() => {
      // ids in an order unrelated to dates, as an import leaves them
      for (let i = 0; i < 3000; i++) {
        const y = 1950 + ((i * 37) % 70);
        ins.run(
          i % 2 ? 'deces' : 'naissance',
          y,
          i + 1,
          `${y}-0${1 + (i % 9)}-1${i % 10}`,
          i % 1000 === 0 ? 'Rare' : 'Martin',
        );
      }
    })();
    const newest = db
      .prepare("SELECT id FROM acte_etat_civil WHERE nom = 'Martin' ORDER BY date_acte DESC, id DESC LIMIT 5")
      .all()
      .map((r) => (r as { id: number }).id);
    const many = searchActes(db, 'mar', 5);
    expect(many.rows.map((r) => r.id)).toEqual(newest);
    expect(many.more).toBe(true);
    const deces = searchActes(db, 'mart décès 1960-1969', 3000).rows;
    expect(deces.length).toBe(
      db
        .prepare(
          "SELECT count(*) AS n FROM acte_etat_civil WHERE nom = 'Martin' AND type = 'deces' AND annee BETWEEN 1960 AND 1969",
        )
        .pluck()
        .get(),
    );
    expect(deces.every((r) => r.type === 'deces' && r.annee >= 1960 && r.annee <= 1969)).toBe(true);
    expect(searchActes(db, 'rar', 10).rows.map((r) => r.date_acte)).toEqual(
      db.prepare("SELECT date_acte FROM acte_etat_civil WHERE nom = 'Rare' ORDER BY date_acte DESC").pluck().all(),
    );
    closeDatabase(db);
  });
});

describe('the reply holds only what the list shows', () => {
  it('id, kind, date, titulaire, numéro/année, status — not the name parts it is built from (10,000 rows cross to the window)', () => {
    const { db } = openDatabase(path.join(tempDir(), 'c.sqlite'), { migrations: communeMigrations, what: 'test' });
    db.prepare(
      "INSERT INTO acte_etat_civil (type, annee, numero, date_acte, nom, prenoms, nom_conjoint, prenoms_conjoint) VALUES ('mariage', 2001, 4, '2001-06-16', 'Girard', 'Luc', 'Œuvrard', 'Zoé')",
    ).run();
    const { rows } = searchActes(db, 'gir', 10);
    expect(rows).toEqual([
      {
        id: 1,
        type: 'mariage',
        annee: 2001,
        numero: 4,
        date_acte: '2001-06-16',
        titulaire: 'Luc GIRARD et Zoé ŒUVRARD',
        statut: 'indexe',
      },
    ]);
    expect(searchActes(db, 'mariage 2001', 10).rows[0]).toEqual(rows[0]); // the filter-only query gives the same shape
    closeDatabase(db);
  });
});
