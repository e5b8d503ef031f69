import { fullName, readIdentity, readSetting } from '../commune';
import type { Db } from '../db';
import { compareFr, dateCourte, heureFr, secretaireDeSeance, PdfWriter } from '../documents';
import type { DeliberationRow } from './deliberations';
import { names, nominatifOf, nominationTours, resultLines } from './pdfs';
import { reliureDeadline } from './rules/publicite';
import { elusById, openingPresence, pouvoirsFor } from './seance-day';
import type { SeanceRow } from './seances';

/**
 * The registre des délibérations for one year (R2121-9): délibérations by date, each with its order number
 * in the séance; after each séance a closing sheet with the numbers, the members present and the signature
 * blocks of the maire and the secrétaire(s); numbered sheets with the commune's name and the séance date;
 * tables by date and by subject; the binding date. Paper stays the register of record (signed by hand).
 */
type Elus = ReturnType<typeof elusById>;
type Writer = Awaited<ReturnType<typeof PdfWriter.create>>;
type RegistreRow = DeliberationRow & { date: string; rang: number | null };

export async function registrePdf(
  db: Db,
  annee: number,
  today: string,
): Promise<{ pdf: Uint8Array; deliberations: number; seances: number }> {
  const c = readIdentity(db);
  const elus = elusById(db);
  const seances = db
    .prepare("SELECT * FROM seance WHERE date LIKE ? AND statut = 'close' ORDER BY date, heure")
    .all(`${annee}-%`) as SeanceRow[];
  const all: RegistreRow[] = [];
  const w = await PdfWriter.create({
    title: `Registre des délibérations ${annee}`,
    commune: `Commune de ${c.nom}`,
    createdAt: new Date(`${today}T12:00:00Z`),
    header: `Commune de ${c.nom} — Registre des délibérations du conseil municipal — ${annee}`,
    numbering: 'feuillets',
    firstPageNumber: readSetting<number>(db, `registre_premier_feuillet_${annee}`) ?? 1,
  });
  w.heading(`Registre des délibérations du conseil municipal — année ${annee}`, 15);
  w.text(
    `Commune de ${c.nom} (${c.departement}). Feuillets numérotés, cotés et paraphés par le maire (art. R2121-9 CGCT).`,
    { after: 10 },
  );
  for (const s of seances) {
    const delibs = db
      .prepare(
        'SELECT d.*, p.rang FROM deliberation d LEFT JOIN point_odj p ON p.id = d.point_id WHERE d.seance_id = ? ORDER BY p.rang, d.numero',
      )
      .all(s.id) as (DeliberationRow & { rang: number | null })[];
    if (!delibs.length) continue;
    w.heading(`Séance du ${dateCourte(s.date)} à ${heureFr(s.heure)}`, 13);
    delibs.forEach((d, i) => {
      all.push({ ...d, date: s.date });
      printDeliberation(w, db, elus, d, i);
    });
    printFeuilletCloture(w, db, elus, c.nom, s, delibs);
  }
  printTables(w, all);
  const deadline = reliureDeadline(c.population, readSetting<number>(db, 'registre_derniere_reliure') ?? null, today);
  w.text(
    `Les feuillets sont reliés au plus tard le ${dateCourte(deadline)} (art. R2121-9 CGCT : reliure annuelle${c.population < 1000 ? ', ou tous les cinq ans dans les communes de moins de 1 000 habitants' : ''}). Le collage est interdit ; papier permanent, encre stable.`,
    { size: 9 },
  );
  return { pdf: await w.save(), deliberations: all.length, seances: seances.length };
}

/** One délibération of the registre: its number, object, matière, result and text. */
function printDeliberation(
  w: Writer,
  db: Db,
  elus: Elus,
  d: DeliberationRow & { rang: number | null },
  i: number,
): void {
  const modeOf = (pointId: number | null) =>
    pointId === null
      ? null
      : ((db.prepare('SELECT mode FROM vote WHERE point_id = ?').get(pointId) as { mode: string } | undefined)?.mode ??
        null);
  w.text(`N° d'ordre ${d.rang ?? i + 1} — Délibération n° ${d.numero} — ${d.objet}`, { bold: true, after: 2 });
  // A nomination prints its rounds and désignation, a scrutin public its names (L2121-21), never « pour / contre » for a nomination.
  const mode = modeOf(d.point_id);
  const nomination = mode === 'nomination' && d.point_id !== null ? nominationTours(db, d.point_id) : null;
  const nominatif = mode === 'scrutin_public' && d.point_id !== null ? nominatifOf(db, d.point_id) : null;
  w.text(`Matière ${d.matiere}.${nomination ? '' : ` ${d.adoptee ? 'Adoptée' : 'Rejetée'}.`}`, { size: 9.5, after: 2 });
  for (const l of resultLines(elus, {
    pour: d.pour,
    contre: d.contre,
    abstention: d.abstention,
    nomination,
    nominatif,
  }))
    w.text(l.text, { size: 9.5, after: 2 });
  if (d.texte) w.text(d.texte, { size: 9.5 });
  w.spacer(4);
}

/** Closing sheet of the séance (art. R2121-9 CGCT): its délibérations, who was there, the signatures. */
function printFeuilletCloture(
  w: Writer,
  db: Db,
  elus: Elus,
  commune: string,
  s: SeanceRow,
  delibs: (DeliberationRow & { rang: number | null })[],
): void {
  const name = (id: number) => fullName(elus.get(id)!);
  w.newPage();
  w.heading(`Feuillet de clôture — séance du ${dateCourte(s.date)}`, 13);
  w.text(
    `Commune de ${commune}. Délibérations prises au cours de la séance : ${delibs.map((d, i) => `n° d'ordre ${d.rang ?? i + 1} (${d.numero})`).join(', ')}.`,
  );
  const opening = openingPresence(db, s.id);
  w.text(
    `Membres présents : ${names(
      elus,
      [...opening].filter(([, st]) => st === 'present').map(([id]) => id),
    )}.`,
  );
  const pouvoirs = pouvoirsFor(db, s.id);
  if (pouvoirs.length)
    w.text(
      `Représentés : ${[...pouvoirs]
        .sort((a, b) => compareFr(elus.get(a.mandant)!.nom, elus.get(b.mandant)!.nom))
        .map((p) => `${name(p.mandant)} (pouvoir à ${name(p.mandataire)})`)
        .join(', ')}.`,
    );
  const secretaires = (
    db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(s.id) as { elu_id: number }[]
  ).map((r) => elus.get(r.elu_id)!);
  w.spacer(10);
  // R2121-9: the closing sheet bears the signatures of the maire and of the secrétaire(s).
  w.signatures([
    { title: 'Le maire', name: s.president_elu_id ? name(s.president_elu_id) : '' },
    ...secretaires.slice(0, 2).map((e) => ({ title: secretaireDeSeance(e.civilite), name: fullName(e) })),
  ]);
  w.newPage();
}

/** The registre's two tables: chronological, and by object. */
function printTables(w: Writer, all: RegistreRow[]): void {
  w.heading('Table chronologique', 13);
  w.table(
    [
      { title: 'Date', width: 0.16 },
      { title: 'N°', width: 0.16 },
      { title: 'Objet', width: 0.68 },
    ],
    all.map((d) => [dateCourte(d.date), d.numero, d.objet]),
  );
  w.heading('Table par objet', 13);
  w.table(
    [
      { title: 'Objet', width: 0.68 },
      { title: 'N°', width: 0.16 },
      { title: 'Date', width: 0.16 },
    ],
    [...all].sort((a, b) => compareFr(a.objet, b.objet)).map((d) => [d.objet, d.numero, dateCourte(d.date)]),
  );
}
