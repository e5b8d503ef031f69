/** Acts: index them, open them (every consultation journaled), key them from their scan. */
import { AppError } from '../kernel';
import type { EcCtx } from './context';
import { getRegistre, registreLabel } from './registres';
import { dateCourte } from './rules/dates';
import { KIND_LABELS, mentionsRequired, missingForSaisi, slotAllowed, SPECS, type Kind } from './rules/kinds';
import type { ActeIndexInput, PersonneInput } from './schemas';
import { titulaireOf } from './search';

export interface ActeRow {
  id: number;
  type: Kind;
  annee: number;
  numero: number;
  date_acte: string;
  nom: string;
  prenoms: string;
  nom_usage: string | null;
  nom_conjoint: string | null;
  prenoms_conjoint: string | null;
  nom_usage_conjoint: string | null;
  date_evenement: string | null;
  heure_evenement: string | null;
  lieu_evenement: string | null;
  sexe: 'M' | 'F' | null;
  statut: 'indexe' | 'saisi';
  officier: string | null;
  registre_id: number | null;
  page: number | null;
  pages: number;
}

/** « acte de naissance n° 12 de 2026 » — no name: it is used in the dashboard and the journal. */
export const acteRef = (a: Pick<ActeRow, 'type' | 'numero' | 'annee'>) =>
  `acte de ${KIND_LABELS[a.type].toLowerCase()} n° ${a.numero} de ${a.annee}`;

export function getActeRow(c: EcCtx, id: number): ActeRow {
  const a = c.db.prepare('SELECT * FROM acte_etat_civil WHERE id = ?').get(id) as ActeRow | undefined;
  if (!a) throw new AppError('NOT_FOUND', 'Acte introuvable.');
  return a;
}

function checkIndex(c: EcCtx, a: ActeIndexInput, selfId: number | null): number {
  const annee = Number(a.date_acte.slice(0, 4));
  if (a.date_evenement && a.date_evenement > a.date_acte)
    throw new AppError('INVALID', 'L’événement ne peut pas être postérieur à l’acte.', {
      date_evenement: 'Au plus tard la date de l’acte.',
    });
  if (a.date_acte > c.today)
    throw new AppError('INVALID', 'Date de l’acte : dans le futur.', { date_acte: 'Dans le futur.' });
  if (a.type === 'mariage' && !a.nom_conjoint)
    throw new AppError('INVALID', 'Mariage : le nom du second époux est obligatoire.', {
      nom_conjoint: 'Obligatoire pour un mariage.',
    });
  if (a.registre_id) {
    const r = getRegistre(c, a.registre_id);
    if (r.annee !== annee || (r.type !== 'unique' && r.type !== a.type))
      throw new AppError(
        'RULE',
        `Cet acte ne peut pas figurer au ${registreLabel(r).toLowerCase()} (année ou type différent).`,
      );
    // a register is closed on the date of its last act (instruction DAF/DPACI/RES/2009/018): nothing dated later
    // may enter it; acts of that date or before still may be indexed (old registers are indexed after closing)
    if (r.clos_le && a.date_acte > r.clos_le)
      throw new AppError(
        'RULE',
        `Le ${registreLabel(r).toLowerCase()} est clos depuis le ${dateCourte(r.clos_le)} : un acte daté du ${dateCourte(a.date_acte)} ne peut pas y figurer (instruction DAF/DPACI/RES/2009/018).`,
        { date_acte: `Au plus tard le ${dateCourte(r.clos_le)}.` },
      );
  }
  const dup = c.db
    .prepare('SELECT id FROM acte_etat_civil WHERE type = ? AND annee = ? AND numero = ?')
    .get(a.type, annee, a.numero) as { id: number } | undefined;
  if (dup && dup.id !== selfId)
    throw new AppError(
      'CONFLICT',
      `Le numéro ${a.numero} est déjà pris pour un acte de ${KIND_LABELS[a.type].toLowerCase()} de ${annee}.`,
      { numero: 'Déjà pris.' },
    );
  return annee;
}

const INDEX_COLS = [
  'type',
  'annee',
  'numero',
  'date_acte',
  'nom',
  'prenoms',
  'nom_usage',
  'nom_conjoint',
  'prenoms_conjoint',
  'nom_usage_conjoint',
  'date_evenement',
  'heure_evenement',
  'lieu_evenement',
  'sexe',
  'officier',
  'registre_id',
  'page',
  'pages',
] as const;
const values = (a: ActeIndexInput, annee: number) => INDEX_COLS.map((k) => (k === 'annee' ? annee : a[k]));

export function createActe(c: EcCtx, a: ActeIndexInput): number {
  const annee = checkIndex(c, a, null);
  const id = Number(
    c.db
      .prepare(
        `INSERT INTO acte_etat_civil (${INDEX_COLS.join(', ')}, updated_at) VALUES (${INDEX_COLS.map(() => '?').join(', ')}, ?)`,
      )
      .run(...values(a, annee), c.now.toISOString()).lastInsertRowid,
  );
  c.audit({
    action: 'etat-civil.acte.indexe',
    summary: `Acte indexé : ${acteRef({ ...a, annee })}`,
    objectType: 'acte_etat_civil',
    objectId: id,
  });
  return id;
}

/** Key the act: its index fields and its persons; `terminer` asks for « saisi », refused while a field the law requires is missing. */
export function saisirActe(
  c: EcCtx,
  id: number,
  a: ActeIndexInput,
  personnes: PersonneInput[],
  terminer: boolean,
): { statut: 'indexe' | 'saisi'; manquants: string[] } {
  const old = getActeRow(c, id);
  if (old.type !== a.type) throw new AppError('RULE', 'Le type d’un acte ne change pas : indexez un nouvel acte.');
  const seen = new Set<string>();
  for (const p of personnes) {
    if (!slotAllowed(a.type, p.role, p.rang))
      throw new AppError(
        'INVALID',
        `Un acte de ${KIND_LABELS[a.type].toLowerCase()} n’a pas de « ${p.role} ${p.rang} » (${SPECS[a.type].article}).`,
      );
    if (seen.has(`${p.role}${p.rang}`)) throw new AppError('INVALID', `« ${p.role} ${p.rang} » est saisi deux fois.`);
    seen.add(`${p.role}${p.rang}`);
  }
  // The index columns follow the titulaires as keyed, so search and tables see the keyed names.
  const t1 = personnes.find((p) => p.role === 'titulaire' && p.rang === 1);
  const t2 = personnes.find((p) => p.role === 'titulaire' && p.rang === 2);
  const merged: ActeIndexInput = {
    ...a,
    ...(t1 ? { nom: t1.nom || a.nom, prenoms: t1.prenoms, nom_usage: t1.nom_usage, sexe: t1.sexe ?? a.sexe } : {}),
    ...(t2
      ? { nom_conjoint: t2.nom || a.nom_conjoint, prenoms_conjoint: t2.prenoms, nom_usage_conjoint: t2.nom_usage }
      : {}),
  };
  const annee = checkIndex(c, merged, id);
  const manquants = missingForSaisi({ ...merged, personnes });
  if (terminer && manquants.length)
    throw new AppError('RULE', `L’acte ne peut pas être marqué saisi, il manque : ${manquants.join(' ; ')}.`);
  const statut = terminer ? 'saisi' : manquants.length ? 'indexe' : old.statut;
  c.db
    .prepare(
      `UPDATE acte_etat_civil SET ${INDEX_COLS.map((k) => `${k} = ?`).join(', ')}, statut = ?, updated_at = ? WHERE id = ?`,
    )
    .run(...values(merged, annee), statut, c.now.toISOString(), id);
  c.db.prepare('DELETE FROM ec_personne WHERE acte_id = ?').run(id);
  const ins = c.db.prepare(
    'INSERT INTO ec_personne (acte_id, role, rang, nom, nom_partie1, nom_partie2, nom_usage, prenoms, sexe, date_naissance, lieu_naissance, profession, domicile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of personnes)
    ins.run(
      id,
      p.role,
      p.rang,
      p.nom,
      p.nom_partie1,
      p.nom_partie2,
      p.nom_usage,
      p.prenoms,
      p.sexe,
      p.date_naissance,
      p.lieu_naissance,
      p.profession,
      p.domicile,
    );
  c.audit({
    action: 'etat-civil.acte.saisi',
    summary: `${statut === 'saisi' ? 'Saisie terminée' : 'Saisie enregistrée'} : ${acteRef(old)}`,
    objectType: 'acte_etat_civil',
    objectId: id,
  });
  return { statut, manquants };
}

/** Open an act: its data, persons, mentions, avis, scanned pages. The consultation is journaled (issue 11). */
export function openActe(c: EcCtx, id: number) {
  const a = getActeRow(c, id);
  const personnes = c.db
    .prepare('SELECT * FROM ec_personne WHERE acte_id = ? ORDER BY role, rang')
    .all(id) as (PersonneInput & { id: number })[];
  const mentions = c.db.prepare('SELECT * FROM ec_mention WHERE acte_id = ? ORDER BY id').all(id);
  const avis = c.db.prepare('SELECT * FROM ec_avis WHERE acte_id = ? ORDER BY id').all(id);
  const planned = c.db
    .prepare(
      `SELECT json_extract(donnees, '$.titulaireRang') AS rang FROM ec_mention WHERE source_acte_id = ? UNION ALL SELECT json_extract(donnees, '$.titulaireRang') FROM ec_avis WHERE sens = 'sortant' AND acte_id = ?`,
    )
    .all(id, id) as { rang: number }[];
  const registre = a.registre_id ? getRegistre(c, a.registre_id) : null;
  const scanned =
    registre && a.page
      ? (
          c.db
            .prepare('SELECT page FROM ec_registre_page WHERE registre_id = ? AND page BETWEEN ? AND ? ORDER BY page')
            .all(registre.id, a.page, a.page + a.pages - 1) as { page: number }[]
        ).map((p) => p.page)
      : [];
  c.audit({
    action: 'etat-civil.acte.consulte',
    summary: `Consultation : ${acteRef(a)}`,
    objectType: 'acte_etat_civil',
    objectId: id,
  });
  return {
    acte: { ...a, libelle: KIND_LABELS[a.type], titulaire: titulaireOf(a), dateActeFr: dateCourte(a.date_acte) },
    registre: registre ? { ...registre, libelle: registreLabel(registre) } : null,
    pages: scanned,
    personnes,
    mentions,
    avis,
    manquants: missingForSaisi({ ...a, personnes }),
    mentionsRequises: mentionsRequired(a.type).map((m) => ({
      ...m,
      prevue: planned.some((p) => p.rang === m.titulaireRang),
    })),
  };
}
