/**
 * Import of tables décennales / existing indexes from a CSV: a preview with the guessed mapping and every
 * refused line with its reason, then the accepted lines written in ONE transaction (nothing half-imported),
 * with progress events. Each act goes to its year's register, created when missing.
 */
import type { Db } from '../db';
import type { EcCtx } from './context';
import { checkLine, guessMapping, parseCsv, type ImportRow, type Mapping } from './rules/csv';
import type { Kind } from './rules/kinds';

export interface Refus {
  ligne: number;
  motif: string;
}

function check(db: Db, rows: string[][], mapping: Mapping, defaultType: Kind | null) {
  const ok: { ligne: number; row: ImportRow }[] = [];
  const refus: Refus[] = [];
  const exists = db.prepare('SELECT 1 FROM acte_etat_civil WHERE type = ? AND annee = ? AND numero = ?');
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const ligne = i + 2; // line 1 is the header
    const r = checkLine(cells, mapping, defaultType);
    if ('reason' in r) return void refus.push({ ligne, motif: r.reason });
    const key = `${r.row.type}/${r.row.annee}/${r.row.numero}`;
    if (seen.has(key))
      return void refus.push({
        ligne,
        motif: `même acte que la ligne ${seen.get(key)} (${r.row.type} n° ${r.row.numero} de ${r.row.annee})`,
      });
    if (exists.get(r.row.type, r.row.annee, r.row.numero))
      return void refus.push({
        ligne,
        motif: `déjà dans l’index (${r.row.type} n° ${r.row.numero} de ${r.row.annee})`,
      });
    seen.set(key, ligne);
    ok.push({ ligne, row: r.row });
  });
  return { ok, refus };
}

export function previewCsv(db: Db, csv: string, mapping: Mapping | null, defaultType: Kind | null) {
  const [header = [], ...rows] = parseCsv(csv);
  const m = mapping ?? guessMapping(header);
  const { ok, refus } = check(db, rows, m, defaultType);
  return {
    entetes: header,
    mapping: m,
    lignes: rows.length,
    acceptees: ok.length,
    apercu: ok.slice(0, 20).map((o) => o.row),
    refus,
  };
}

export function importCsv(
  c: EcCtx,
  csv: string,
  mapping: Mapping,
  defaultType: Kind | null,
  nom: string,
  progress: (done: number, total: number) => void,
) {
  const [, ...rows] = parseCsv(csv);
  const { ok, refus } = check(c.db, rows, mapping, defaultType);
  const registre = c.db.prepare(
    "SELECT id FROM ec_registre WHERE annee = ? AND type IN (?, 'unique') ORDER BY type = 'unique'",
  );
  const newRegistre = c.db.prepare('INSERT INTO ec_registre (annee, type, created_at) VALUES (?, ?, ?)');
  const ins = c.db.prepare(
    `INSERT INTO acte_etat_civil (type, annee, numero, date_acte, nom, prenoms, nom_usage, nom_conjoint, prenoms_conjoint, date_evenement, lieu_evenement, registre_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  c.db.transaction(() => {
    ok.forEach(({ row: r }, i) => {
      const reg =
        (registre.get(r.annee, r.type) as { id: number } | undefined)?.id ??
        Number(newRegistre.run(r.annee, r.type, c.now.toISOString()).lastInsertRowid);
      ins.run(
        r.type,
        r.annee,
        r.numero,
        r.date_acte,
        r.nom,
        r.prenoms,
        r.nom_usage,
        r.nom_conjoint,
        r.prenoms_conjoint,
        r.date_evenement,
        r.lieu_evenement,
        reg,
        c.now.toISOString(),
      );
      if ((i + 1) % 500 === 0) progress(i + 1, ok.length);
    });
    c.audit({
      action: 'etat-civil.import',
      summary: `Import de « ${nom} » : ${ok.length} acte(s) indexé(s), ${refus.length} ligne(s) refusée(s)`,
      details: { lignes: rows.length, importees: ok.length, refusees: refus.length },
    });
  })();
  progress(ok.length, ok.length);
  return { importees: ok.length, refus };
}
