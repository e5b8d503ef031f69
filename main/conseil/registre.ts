import { fullName, readIdentity, readSetting } from '../commune/commune';
import type { Db } from '../db/sqlite';
import { PdfWriter } from '../documents/pdf';
import type { DeliberationRow } from './deliberations';
import { formatDateFr } from './rules/dates';
import { reliureDeadline } from './rules/publicite';
import { elusById, openingPresence, pouvoirsFor } from './seance-day';
import type { SeanceRow } from './seances';

/**
 * The registre des délibérations for one year (R2121-9): délibérations by date, each with its order number
 * in the séance; after each séance a closing sheet with the numbers, the members present and the signature
 * blocks of the maire and the secrétaire(s); numbered sheets with the commune's name and the séance date;
 * tables by date and by subject; the binding date. Paper stays the register of record (signed by hand).
 */
export async function registrePdf(db: Db, annee: number, today: string): Promise<{ pdf: Uint8Array; deliberations: number; seances: number }> {
  const c = readIdentity(db);
  const elus = elusById(db);
  const name = (id: number) => fullName(elus.get(id)!);
  const seances = db.prepare("SELECT * FROM seance WHERE date LIKE ? AND statut = 'close' ORDER BY date, heure").all(`${annee}-%`) as SeanceRow[];
  const all: (DeliberationRow & { date: string; rang: number | null })[] = [];
  const w = await PdfWriter.create({
    title: `Registre des délibérations ${annee}`,
    commune: `Commune de ${c.nom}`,
    createdAt: new Date(`${today}T12:00:00Z`),
    header: `Commune de ${c.nom} — Registre des délibérations du conseil municipal — ${annee}`,
    numbering: 'feuillets',
    firstPageNumber: readSetting<number>(db, `registre_premier_feuillet_${annee}`) ?? 1,
  });
  w.heading(`Registre des délibérations du conseil municipal — année ${annee}`, 15);
  w.text(`Commune de ${c.nom} (${c.departement}). Feuillets numérotés, cotés et paraphés par le maire (art. R2121-9 CGCT).`, { after: 10 });
  for (const s of seances) {
    const delibs = db
      .prepare('SELECT d.*, p.rang FROM deliberation d LEFT JOIN point_odj p ON p.id = d.point_id WHERE d.seance_id = ? ORDER BY p.rang, d.numero')
      .all(s.id) as (DeliberationRow & { rang: number | null })[];
    if (!delibs.length) continue;
    w.heading(`Séance du ${formatDateFr(s.date)} à ${s.heure.replace(':', ' h ')}`, 13);
    delibs.forEach((d, i) => {
      all.push({ ...d, date: s.date });
      w.text(`N° d'ordre ${d.rang ?? i + 1} — Délibération n° ${d.numero} — ${d.objet}`, { bold: true, after: 2 });
      w.text(`Matière ${d.matiere}. Vote : ${d.pour} pour, ${d.contre} contre, ${d.abstention} abstention(s) — ${d.adoptee ? 'adoptée' : 'rejetée'}.`, { size: 9.5, after: 2 });
      if (d.texte) w.text(d.texte, { size: 9.5 });
      w.spacer(4);
    });
    // Closing sheet of the séance (R2121-9).
    w.newPage();
    w.heading(`Feuillet de clôture — séance du ${formatDateFr(s.date)}`, 13);
    w.text(`Commune de ${c.nom}. Délibérations prises au cours de la séance : ${delibs.map((d, i) => `n° d'ordre ${d.rang ?? i + 1} (${d.numero})`).join(', ')}.`);
    const opening = openingPresence(db, s.id);
    w.text(`Membres présents : ${[...opening].filter(([, st]) => st === 'present').map(([id]) => name(id)).join(', ') || '—'}.`);
    const pouvoirs = pouvoirsFor(db, s.id);
    if (pouvoirs.length) w.text(`Représentés : ${pouvoirs.map((p) => `${name(p.mandant)} (pouvoir à ${name(p.mandataire)})`).join(', ')}.`);
    const secretaires = (db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(s.id) as { elu_id: number }[]).map((r) => name(r.elu_id));
    w.spacer(10);
    w.signatures([{ title: 'Le maire', name: s.president_elu_id ? name(s.president_elu_id) : '' }, ...secretaires.slice(0, 2).map((n) => ({ title: 'Le secrétaire de séance', name: n }))]);
    w.newPage();
  }
  w.heading('Table chronologique', 13);
  w.table(
    [
      { title: 'Date', width: 0.16 },
      { title: 'N°', width: 0.16 },
      { title: 'Objet', width: 0.68 },
    ],
    all.map((d) => [d.date.split('-').reverse().join('/'), d.numero, d.objet]),
  );
  w.heading('Table par objet', 13);
  w.table(
    [
      { title: 'Objet', width: 0.68 },
      { title: 'N°', width: 0.16 },
      { title: 'Date', width: 0.16 },
    ],
    [...all].sort((a, b) => a.objet.localeCompare(b.objet, 'fr')).map((d) => [d.objet, d.numero, d.date.split('-').reverse().join('/')]),
  );
  const deadline = reliureDeadline(c.population, readSetting<number>(db, 'registre_derniere_reliure') ?? null, today);
  w.text(
    `Les feuillets sont reliés au plus tard le ${formatDateFr(deadline)} (art. R2121-9 CGCT : reliure annuelle${c.population < 1000 ? ', ou tous les cinq ans dans les communes de moins de 1 000 habitants' : ''}). Le collage est interdit ; papier permanent, encre stable.`,
    { size: 9 },
  );
  return { pdf: await w.save(), deliberations: all.length, seances: seances.length };
}
