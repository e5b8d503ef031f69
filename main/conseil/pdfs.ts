import { fullName, readElus, readIdentity, type EluRow } from '../commune/commune';
import type { Db } from '../db/sqlite';
import { PdfWriter } from '../documents/pdf';
import type { Attendance } from './attendance';
import type { ConvocationRule } from './rules/convocation';
import { formatDateFr } from './rules/dates';
import { pointsOf, type PointRow, type SeanceRow } from './seances';

const QUALITE: Record<EluRow['fonction'], [string, string]> = { maire: ['Maire', 'Maire'], adjoint: ['Adjoint', 'Adjointe'], conseiller: ['Conseiller municipal', 'Conseillère municipale'] };
export const qualite = (e: EluRow): string => QUALITE[e.fonction][e.civilite === 'Mme' ? 1 : 0];
const heure = (h: string) => h.replace(':', ' h ');
const names = (elus: Map<number, EluRow>, ids: number[]) => ids.map((id) => fullName(elus.get(id)!)).join(', ') || '—';

function seanceLine(s: SeanceRow): string {
  const nature = s.nature === 'urgence' ? ' (séance convoquée en urgence)' : s.reconvocation_de ? ' (reconvocation, art. L2121-17 al. 2 CGCT)' : '';
  return `Séance du ${formatDateFr(s.date)} à ${heure(s.heure)}, ${s.lieu}${nature}`;
}

async function writerFor(db: Db, title: string, s: SeanceRow | null, extra: Partial<Parameters<typeof PdfWriter.create>[0]> = {}) {
  const c = readIdentity(db);
  return PdfWriter.create({
    title,
    commune: `Commune de ${c.nom}`,
    createdAt: new Date(s ? `${s.date}T12:00:00Z` : Date.now()),
    header: `Commune de ${c.nom} (${c.code_postal}) — ${s ? `Conseil municipal, séance du ${s.date.split('-').reverse().join('/')}` : title}`,
    ...extra,
  });
}

function entete(w: PdfWriter, db: Db, title: string): void {
  const c = readIdentity(db);
  w.text('RÉPUBLIQUE FRANÇAISE', { align: 'center', bold: true, size: 10, after: 0 });
  w.text(`Département ${c.departement} — Commune de ${c.nom}`, { align: 'center', size: 10, after: 10 });
  w.heading(title, 15);
}

const secretairesOf = (db: Db, seanceId: number): number[] =>
  (db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(seanceId) as { elu_id: number }[]).map((r) => r.elu_id);

export async function convocationPdf(db: Db, s: SeanceRow, elu: EluRow, date: string, rule: ConvocationRule): Promise<Uint8Array> {
  const c = readIdentity(db);
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  const maire = readElus(db).find((e) => e.fonction === 'maire' && e.mandat_debut <= date && (!e.mandat_fin || e.mandat_fin >= date));
  const points = pointsOf(db, s.id).filter((p) => p.statut !== 'retire');
  const w = await writerFor(db, `Convocation au conseil municipal du ${s.date.split('-').reverse().join('/')}`, s);
  entete(w, db, 'Convocation du conseil municipal');
  w.text(`${fullName(elu)}, ${qualite(elu).toLowerCase()}`, { bold: true });
  w.text(
    `J'ai l'honneur de vous convoquer à la séance du conseil municipal qui se tiendra le ${formatDateFr(s.date)} à ${heure(s.heure)}, ${s.lieu}.`,
    { after: 8 },
  );
  if (s.nature === 'urgence')
    w.text(`Séance convoquée en urgence (art. ${rule.article} CGCT) : ${s.urgence_motif ?? ''}. Le maire en rendra compte à l'ouverture de la séance ; le conseil se prononcera sur l'urgence.`, { after: 8 });
  w.heading('Ordre du jour', 12);
  for (const p of points) w.text(`${p.rang}. ${p.titre}${p.rapporteur_elu_id ? ` — rapporteur : ${fullName(elus.get(p.rapporteur_elu_id)!)}` : ''}`, { indent: 10, after: 3 });
  w.spacer(6);
  if (rule.noteDeSynthese) {
    w.heading('Note explicative de synthèse (art. L2121-12 CGCT)', 12);
    for (const p of points) {
      w.text(`${p.rang}. ${p.titre}`, { bold: true, after: 2 });
      w.text(p.projet || '(projet de délibération joint)', { indent: 10 });
    }
  }
  w.text(
    `Les dossiers peuvent être consultés à la mairie aux heures d'ouverture (art. L2121-13 CGCT). Un conseiller empêché peut donner un pouvoir écrit à un collègue de son choix ; un conseiller ne peut porter qu'un seul pouvoir (art. L2121-20 CGCT).`,
    { size: 9.5, after: 10 },
  );
  w.text(`Fait à ${c.nom}, le ${formatDateFr(date)}.`);
  w.signatures([{ title: 'Le maire', name: maire ? fullName(maire) : '' }]);
  return w.save();
}

export interface DeliberationPdfInput {
  numero: string;
  seance: SeanceRow;
  point: PointRow;
  attendance: Attendance;
  vote: { pour: number; contre: number; abstention: number; adopted: boolean; message: string };
  convocationLe: string | null;
  /** the matière's label path in the commune's own classification */
  matiereChemin: string;
}

export async function deliberationPdf(db: Db, d: DeliberationPdfInput): Promise<Uint8Array> {
  const c = readIdentity(db);
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  const a = d.attendance;
  const present = new Set([...a.presents, ...a.retires]);
  const represented = new Set(a.representes.map((r) => r.mandant));
  const absents = [...elus.values()].filter((e) => e.mandat_debut <= d.seance.date && (!e.mandat_fin || e.mandat_fin >= d.seance.date) && !present.has(e.id) && !represented.has(e.id));
  const president = d.seance.president_elu_id ? elus.get(d.seance.president_elu_id) : undefined;
  const w = await writerFor(db, `Délibération n° ${d.numero}`, d.seance, { subject: d.point.titre });
  entete(w, db, 'Extrait du registre des délibérations du conseil municipal');
  w.text(seanceLine(d.seance), { bold: true });
  w.fields([
    ['Délibération n°', d.numero],
    ['Objet', d.point.titre],
    ['Matière (classification ACTES)', `${d.point.matiere} — ${d.matiereChemin}`],
    ['Date de la convocation', d.convocationLe ? formatDateFr(d.convocationLe) : '—'],
    ['Conseillers en exercice', String(a.enExercice)],
    ['Présents', `${a.presents.length + a.retires.length}${a.retires.length ? ` (dont ${a.retires.length} ne prenant pas part au vote)` : ''}`],
    ['Votants', `${a.votants} (dont ${a.representes.length} par pouvoir)`],
  ]);
  w.text(`Présidence : ${president ? fullName(president) : '—'}`, { after: 2 });
  w.text(`Présents : ${names(elus, [...a.presents, ...a.retires])}`, { after: 2 });
  if (a.representes.length) w.text(`Représentés : ${a.representes.map((r) => `${fullName(elus.get(r.mandant)!)} (pouvoir à ${fullName(elus.get(r.mandataire)!)})`).join(', ')}`, { after: 2 });
  w.text(`Absents ou excusés : ${absents.map(fullName).join(', ') || '—'}`, { after: 2 });
  if (a.retires.length) w.text(`Ne prennent pas part au vote (art. L2131-11 CGCT) : ${names(elus, a.retires)}`, { after: 2 });
  w.text(`Secrétaire(s) de séance : ${names(elus, secretairesOf(db, d.seance.id))}`, { after: 10 });
  w.heading(d.point.titre, 12);
  w.text(d.point.projet || '—', { after: 10 });
  w.text(`Vote : ${d.vote.pour} pour, ${d.vote.contre} contre, ${d.vote.abstention} abstention${d.vote.abstention > 1 ? 's' : ''}.`, { bold: true, after: 2 });
  w.text(d.vote.message, { after: 12 });
  w.text('Pour extrait conforme.', { bold: true });
  w.text(`Fait à ${c.nom}, le ${formatDateFr(d.seance.date)}.`, { after: 6 });
  const secretaires = secretairesOf(db, d.seance.id).map((id) => elus.get(id)!);
  w.signatures([{ title: 'Le président de séance', name: president ? fullName(president) : '' }, ...secretaires.slice(0, 2).map((e) => ({ title: 'Le secrétaire de séance', name: fullName(e) }))]);
  w.text("Acte certifié exécutoire après sa publication et, le cas échéant, sa transmission au représentant de l'État (art. L2131-1 CGCT).", { size: 8.5 });
  return w.save();
}

export interface ListeRow {
  numero: string;
  objet: string;
  adoptee: number;
}

/** Liste des délibérations examinées (L2121-25): date of the séance and the subject of each, adopted or not. */
export async function listePdf(db: Db, s: SeanceRow, rows: ListeRow[]): Promise<Uint8Array> {
  const c = readIdentity(db);
  const w = await writerFor(db, `Liste des délibérations — séance du ${s.date.split('-').reverse().join('/')}`, s);
  entete(w, db, 'Liste des délibérations examinées');
  w.text(seanceLine(s), { bold: true, after: 8 });
  w.table(
    [
      { title: 'N°', width: 0.16 },
      { title: 'Objet', width: 0.64 },
      { title: 'Décision', width: 0.2 },
    ],
    rows.map((r) => [r.numero, r.objet, r.adoptee ? 'Adoptée' : 'Rejetée']),
  );
  w.text(`Liste affichée à la mairie et mise en ligne sur le site internet de la commune lorsqu'il existe, dans la semaine qui suit la séance (art. L2121-25 CGCT).`, { size: 9 });
  w.text(`${c.nom}, le ${formatDateFr(s.date)}.`);
  return w.save();
}
