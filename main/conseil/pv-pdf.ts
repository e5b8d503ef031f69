import { fullName, readIdentity } from '../commune';
import type { Db } from '../db';
import { accord, count, dateCourte, heureFr, secretairesLabel, PdfWriter } from '../documents';
import { attendanceFor } from './attendance';
import { deliberationsOf } from './deliberations';
import { names, nominatifOf, nominationTours, resultLines, signatureBlocks, sortedIds } from './pdfs';
import { attendanceInput, elusById, openingPresence, pouvoirsFor } from './seance-day';
import { pointsOf, type SeanceRow } from './seances';

/**
 * The procès-verbal with its mandatory content (L2121-15): date and hour, président, members present or
 * represented, secrétaire(s), quorum, ordre du jour, délibérations and votes — a nomination with its rounds,
 * a scrutin public with each élu's vote (L2121-21) —, the arrivals and departures during the séance and the
 * élus who left the room as intéressés (L2131-11), all from the séance's own records, and the discussions.
 */
export async function pvPdf(db: Db, s: SeanceRow, debats: string, arreteLe: string): Promise<Uint8Array> {
  const c = readIdentity(db);
  const elus = elusById(db);
  const w = await PdfWriter.create({
    title: `Procès-verbal — séance du ${dateCourte(s.date)}`,
    commune: `Commune de ${c.nom}`,
    createdAt: new Date(`${arreteLe}T12:00:00Z`),
    header: `Commune de ${c.nom} — Procès-verbal de la séance du ${dateCourte(s.date)}`,
  });
  w.text('RÉPUBLIQUE FRANÇAISE', { align: 'center', bold: true, size: 10, after: 0 });
  w.text(`Département ${c.departement} — Commune de ${c.nom}`, { align: 'center', size: 10, after: 10 });
  w.heading('Procès-verbal de la séance du conseil municipal', 15);
  w.text(`Séance du ${dateCourte(s.date)} à ${heureFr(s.heure)}, ${s.lieu}.`, { bold: true });
  const opening = openingPresence(db, s.id);
  const name = (id: number) => fullName(elus.get(id)!);
  const president = s.president_elu_id ? elus.get(s.president_elu_id) : undefined;
  const present = [...opening].filter(([, st]) => st === 'present').map(([id]) => id);
  const pouvoirs = pouvoirsFor(db, s.id);
  const absent = sortedIds(
    elus,
    [...opening].filter(([, st]) => st === 'absent' || st === 'excuse').map(([id]) => id),
  ).map((id) => `${name(id)}${opening.get(id) === 'excuse' ? ` (${accord('excusé', elus.get(id)!.civilite)})` : ''}`);
  const secretaires = (
    db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(s.id) as { elu_id: number }[]
  ).map((r) => elus.get(r.elu_id)!);
  const first = attendanceFor(attendanceInput(db, s, null), 1);
  w.fields([
    ['Présidence', president ? fullName(president) : '—'],
    ['Présents à l’ouverture', names(elus, present)],
    [
      'Représentés',
      sortedIds(
        elus,
        pouvoirs.map((p) => p.mandant),
      )
        .map((m) => `${name(m)} (pouvoir à ${name(pouvoirs.find((p) => p.mandant === m)!.mandataire)})`)
        .join(', ') || '—',
    ],
    ['Absents', absent.join(', ') || '—'],
    [
      secretairesLabel(secretaires.length),
      names(
        elus,
        secretaires.map((e) => e.id),
      ),
    ],
    [
      'Quorum',
      `${count(first.presents.length, 'présent')} sur ${first.enExercice} membres en exercice ; quorum ${Math.floor(first.enExercice / 2) + 1}${s.reconvocation_de ? ' (reconvocation : sans condition de quorum pour les seuls points reportés faute de quorum, art. L2121-17 al. 2 CGCT)' : ''}`,
    ],
  ]);
  w.heading('Ordre du jour', 12);
  const votes = new Map(
    (
      db
        .prepare('SELECT v.*, o.id AS pid FROM vote v JOIN point_odj o ON o.id = v.point_id WHERE o.seance_id = ?')
        .all(s.id) as { pid: number; message: string; mode: string; pour: number; contre: number; abstention: number }[]
    ).map((v) => [v.pid, v]),
  );
  const delibs = new Map(deliberationsOf(db, s.id).map((d) => [d.point_id, d]));
  const mouvements = db
    .prepare('SELECT elu_id, avant_rang, type FROM mouvement WHERE seance_id = ? ORDER BY avant_rang, id')
    .all(s.id) as { elu_id: number; avant_rang: number; type: 'arrivee' | 'depart' }[];
  for (const p of pointsOf(db, s.id)) {
    // Arrivals and departures recorded before this item (séance data, table mouvement).
    for (const m of mouvements.filter((x) => x.avant_rang === p.rang)) {
      const e = elus.get(m.elu_id)!;
      w.text(
        `${fullName(e)} ${m.type === 'arrivee' ? `est ${accord('arrivé', e.civilite)}` : `a quitté la séance`} avant l’examen du point ${p.rang}.`,
        { size: 9.5, after: 2 },
      );
    }
    w.text(`${p.rang}. ${p.titre}`, { bold: true, after: 2 });
    const interesses = (
      db.prepare('SELECT elu_id FROM interesse WHERE point_id = ?').all(p.id) as { elu_id: number }[]
    ).map((r) => r.elu_id);
    if (interesses.length)
      w.text(
        `${interesses.length > 1 ? 'Intéressés à l’affaire, ont quitté la salle et n’ont pas pris part au vote' : `${accord('Intéressé', elus.get(interesses[0]!)!.civilite)} à l’affaire, a quitté la salle et n’a pas pris part au vote`} (art. L2131-11 CGCT) : ${names(elus, interesses)}.`,
        { indent: 10, size: 9.5, after: 2 },
      );
    const d = delibs.get(p.id);
    const v = votes.get(p.id);
    if (d && v) {
      w.text(`Délibération n° ${d.numero}.`, { indent: 10, after: 2 });
      const nomination = v.mode === 'nomination' ? nominationTours(db, p.id) : null;
      const nominatif = v.mode === 'scrutin_public' ? nominatifOf(db, p.id) : null;
      for (const l of resultLines(elus, {
        pour: v.pour,
        contre: v.contre,
        abstention: v.abstention,
        nomination,
        nominatif,
      }))
        w.text(l.text, { indent: 10, size: 9.5, after: 2 });
      if (!nomination) w.text(v.message, { indent: 10, size: 9.5, after: 2 });
      if (v.mode === 'scrutin_secret') w.text('Vote au scrutin secret (art. L2121-21 CGCT).', { indent: 10, size: 9 });
    } else
      w.text(
        p.statut === 'reporte' ? 'Point reporté.' : p.statut === 'retire' ? "Point retiré de l'ordre du jour." : '—',
        { indent: 10 },
      );
    w.spacer(4);
  }
  w.heading('Teneur des discussions', 12);
  w.text(debats);
  w.text(`Procès-verbal arrêté en séance du ${dateCourte(arreteLe)}.`, { bold: true, after: 6 });
  w.signatures(signatureBlocks(president, secretaires));
  return w.save();
}
