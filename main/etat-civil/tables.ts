/**
 * Tables annuelles and décennales, generated from the index as PDFs in French alphabetical order. Since
 * décret n° 2017-890 the annual table is a register of its own, apart from the acts (tables are communicable
 * at once, registers are not: domain-rules §2.3, §2.6); the decennial table is drawn up in the first six
 * months of the eleventh year.
 */
import { AppError } from '../kernel';
import { readIdentity } from '../commune';
import { PdfWriter } from '../documents';
import type { EcCtx } from './context';
import { dateCourte } from './rules/dates';
import { KIND_LABELS, type Kind } from './rules/kinds';
import { frenchCompare } from './rules/search-query';

interface Row {
  nom: string;
  prenoms: string;
  nom_conjoint: string | null;
  prenoms_conjoint: string | null;
  date_acte: string;
  numero: number;
  annee: number;
}

export async function tablePdf(
  c: EcCtx,
  table: 'annuelle' | 'decennale',
  annee: number,
  type: Kind,
): Promise<{ pdf: Uint8Array; nom: string; actes: number }> {
  const last = table === 'annuelle' ? annee : annee + 9;
  const rows = c.db
    .prepare(
      'SELECT nom, prenoms, nom_conjoint, prenoms_conjoint, date_acte, numero, annee FROM acte_etat_civil WHERE type = ? AND annee BETWEEN ? AND ?',
    )
    .all(type, annee, last) as Row[];
  if (!rows.length)
    throw new AppError(
      'NOT_FOUND',
      `Aucun acte de ${KIND_LABELS[type].toLowerCase()} indexé pour ${annee === last ? annee : `${annee}-${last}`}.`,
    );
  rows.sort(
    (a, b) =>
      frenchCompare(a.nom, b.nom) || frenchCompare(a.prenoms, b.prenoms) || a.date_acte.localeCompare(b.date_acte),
  );
  const id = readIdentity(c.db);
  const periode = table === 'annuelle' ? `${annee}` : `${annee} à ${last}`;
  const title = `Table ${table === 'annuelle' ? 'annuelle' : 'décennale'} des actes de ${KIND_LABELS[type].toLowerCase()} — ${periode}`;
  const w = await PdfWriter.create({
    title,
    commune: id.nom,
    createdAt: c.now,
    header: `Commune de ${id.nom} — ${title}`,
  });
  w.heading(title);
  w.text(`Commune de ${id.nom} (${id.code_insee}). ${rows.length} acte(s), par ordre alphabétique des noms.`, {
    size: 10,
    after: 8,
  });
  const conjoint = type === 'mariage';
  w.table(
    [
      { title: 'Nom', width: conjoint ? 0.22 : 0.32 },
      { title: 'Prénoms', width: conjoint ? 0.22 : 0.36 },
      ...(conjoint ? [{ title: 'Conjoint', width: 0.26 }] : []),
      { title: 'Date de l’acte', width: 0.17 },
      { title: 'N°', width: conjoint ? 0.13 : 0.15 },
    ],
    rows.map((r) => [
      r.nom.toLocaleUpperCase('fr-FR'),
      r.prenoms,
      ...(conjoint ? [`${r.prenoms_conjoint ?? ''} ${(r.nom_conjoint ?? '').toLocaleUpperCase('fr-FR')}`.trim()] : []),
      dateCourte(r.date_acte),
      table === 'annuelle' ? String(r.numero) : `${r.numero}/${r.annee}`,
    ]),
  );
  w.spacer(16);
  w.signatures([
    { title: `Arrêtée à ${id.nom}, le ${dateCourte(c.today)}`, name: `${c.actor.name ?? ''}, ${c.qualite}` },
  ]);
  return { pdf: await w.save(), nom: `table-${table}-${type}-${annee}.pdf`, actes: rows.length };
}
