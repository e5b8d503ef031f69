import { fullName, readElus, readIdentity, type EluRow } from '../commune';
import type { Db } from '../db';
import {
  compareFr,
  dateCourte,
  fonctionTitre,
  heureFr,
  presidentDeSeance,
  secretaireDeSeance,
  secretairesLabel,
  type Civilite,
  PdfWriter,
} from '../documents';
import type { Attendance } from './attendance';
import type { ConvocationRule } from './rules/convocation';
import { designationLine, nominatifLines, tourLines, voteLine, type Choix, type TourImprime } from './rules/resultat';
import { pointsOf, type PointRow, type SeanceRow } from './seances';

/** « Adjointe », « Conseiller municipal »: agreed with the élu's civilité. */
export const qualite = (e: EluRow): string => fonctionTitre(e.fonction, e.civilite);
const heure = heureFr;
/** Élus by name in French collation (Lécuyer before Leroux), as « Mme Prénom Nom ». */
export const sortedIds = (elus: Map<number, EluRow>, ids: readonly number[]): number[] =>
  [...ids].sort(
    (a, b) => compareFr(elus.get(a)!.nom, elus.get(b)!.nom) || compareFr(elus.get(a)!.prenom, elus.get(b)!.prenom),
  );
export const names = (elus: Map<number, EluRow>, ids: readonly number[]): string =>
  sortedIds(elus, ids)
    .map((id) => fullName(elus.get(id)!))
    .join(', ') || '—';

/** Signature blocks of the séance's acts, in signing order: the président, then the secrétaire(s) (L2121-15, R2121-9). */
export const signatureBlocks = (
  president: EluRow | undefined,
  secretaires: readonly EluRow[],
  presidentTitle?: string,
) => [
  { title: presidentTitle ?? presidentDeSeance(president?.civilite), name: president ? fullName(president) : '' },
  ...secretaires.slice(0, 2).map((e) => ({ title: secretaireDeSeance(e.civilite), name: fullName(e) })),
];

/** The rounds of a nomination, as recorded (nomination_tour), for the registre and the PV. */
export const nominationTours = (db: Db, pointId: number): TourImprime[] =>
  (
    db.prepare('SELECT resultat FROM nomination_tour WHERE point_id = ? ORDER BY tour').all(pointId) as {
      resultat: string;
    }[]
  ).map((r) => JSON.parse(r.resultat) as TourImprime);

/** Scrutin public: each élu's vote, as recorded (vote_nominatif). */
export const nominatifOf = (db: Db, pointId: number): { eluId: number; choix: Choix }[] =>
  db.prepare('SELECT elu_id AS eluId, choix FROM vote_nominatif WHERE point_id = ?').all(pointId) as {
    eluId: number;
    choix: Choix;
  }[];

/** A candidate's civilité: the élu's, or the one written before an outside candidate's name. */
export const civiliteOfCandidate =
  (elus: Map<number, EluRow>) =>
  (c: { eluId: number | null; nom: string }): Civilite | null =>
    (c.eluId ? elus.get(c.eluId)?.civilite : undefined) ??
    (/^Mme\b/.test(c.nom) ? 'Mme' : /^M\./.test(c.nom) ? 'M.' : null);

/** The result as the law prints it: a nomination's rounds and désignation, or the vote (with names at a scrutin public). */
export function resultLines(
  elus: Map<number, EluRow>,
  r: {
    nomination?: TourImprime[] | null;
    nominatif?: { eluId: number; choix: Choix }[] | null;
    pour: number;
    contre: number;
    abstention: number;
  },
): { text: string; bold?: boolean }[] {
  if (r.nomination?.length)
    return [
      { text: 'Élection au scrutin secret (art. L2121-21 CGCT).', bold: true },
      ...r.nomination.flatMap((t) => tourLines(t).map((text) => ({ text }))),
      { text: designationLine(r.nomination, civiliteOfCandidate(elus)), bold: true },
    ];
  const lines = [{ text: voteLine(r.pour, r.contre, r.abstention), bold: true }];
  if (r.nominatif?.length)
    lines.push(
      { text: 'Scrutin public : nom des votants et sens de leur vote (art. L2121-21 CGCT).', bold: false },
      ...nominatifLines(
        r.nominatif.map((n) => ({
          nom: fullName(elus.get(n.eluId)!),
          tri: `${elus.get(n.eluId)!.nom} ${elus.get(n.eluId)!.prenom}`,
          choix: n.choix,
        })),
      ).map((text) => ({ text, bold: false })),
    );
  return lines;
}

function seanceLine(s: SeanceRow): string {
  const nature =
    s.nature === 'urgence'
      ? ' (séance convoquée en urgence)'
      : s.reconvocation_de
        ? ' (reconvocation, art. L2121-17 al. 2 CGCT)'
        : '';
  return `Séance du ${dateCourte(s.date)} à ${heure(s.heure)}, ${s.lieu}${nature}`;
}

async function writerFor(
  db: Db,
  title: string,
  s: SeanceRow | null,
  extra: Partial<Parameters<typeof PdfWriter.create>[0]> = {},
) {
  const c = readIdentity(db);
  return PdfWriter.create({
    title,
    commune: `Commune de ${c.nom}`,
    createdAt: new Date(s ? `${s.date}T12:00:00Z` : Date.now()),
    header: `Commune de ${c.nom} (${c.code_postal}) — ${s ? `Conseil municipal, séance du ${dateCourte(s.date)}` : title}`,
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
  (db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(seanceId) as { elu_id: number }[]).map(
    (r) => r.elu_id,
  );

export async function convocationPdf(
  db: Db,
  s: SeanceRow,
  elu: EluRow,
  date: string,
  rule: ConvocationRule,
): Promise<Uint8Array> {
  const c = readIdentity(db);
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  const maire = readElus(db).find(
    (e) => e.fonction === 'maire' && e.mandat_debut <= date && (!e.mandat_fin || e.mandat_fin >= date),
  );
  const points = pointsOf(db, s.id).filter((p) => p.statut !== 'retire');
  const w = await writerFor(db, `Convocation au conseil municipal du ${dateCourte(s.date)}`, s);
  entete(w, db, 'Convocation du conseil municipal');
  w.text(`${fullName(elu)}, ${qualite(elu).toLowerCase()}`, { bold: true });
  w.text(
    `J'ai l'honneur de vous convoquer à la séance du conseil municipal qui se tiendra le ${dateCourte(s.date)} à ${heure(s.heure)}, ${s.lieu}.`,
    { after: 8 },
  );
  if (s.nature === 'urgence')
    w.text(
      `Séance convoquée en urgence (art. ${rule.article} CGCT) : ${s.urgence_motif ?? ''}. Le maire en rendra compte à l'ouverture de la séance ; le conseil se prononcera sur l'urgence.`,
      { after: 8 },
    );
  w.heading('Ordre du jour', 12);
  for (const p of points)
    w.text(
      `${p.rang}. ${p.titre}${p.rapporteur_elu_id ? ` — rapporteur : ${fullName(elus.get(p.rapporteur_elu_id)!)}` : ''}`,
      { indent: 10, after: 3 },
    );
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
  w.text(`Fait à ${c.nom}, le ${dateCourte(date)}.`);
  w.signatures([{ title: 'Le maire', name: maire ? fullName(maire) : '' }]);
  return w.save();
}

export interface DeliberationPdfInput {
  numero: string;
  seance: SeanceRow;
  point: PointRow;
  attendance: Attendance;
  vote: { pour: number; contre: number; abstention: number; adopted: boolean; message: string };
  /** a nomination: its rounds, printed instead of « pour / contre » (L2121-21) */
  nomination?: TourImprime[] | null;
  /** a scrutin public: each votant's vote, printed with the names (L2121-21) */
  nominatif?: { eluId: number; choix: Choix }[] | null;
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
  const absents = sortedIds(
    elus,
    [...elus.values()]
      .filter(
        (e) =>
          e.mandat_debut <= d.seance.date &&
          (!e.mandat_fin || e.mandat_fin >= d.seance.date) &&
          !present.has(e.id) &&
          !represented.has(e.id),
      )
      .map((e) => e.id),
  ).map((id) => elus.get(id)!);
  const president = d.seance.president_elu_id ? elus.get(d.seance.president_elu_id) : undefined;
  const w = await writerFor(db, `Délibération n° ${d.numero}`, d.seance, { subject: d.point.titre });
  entete(w, db, 'Extrait du registre des délibérations du conseil municipal');
  w.text(seanceLine(d.seance), { bold: true });
  w.fields([
    ['Délibération n°', d.numero],
    ['Objet', d.point.titre],
    ['Matière (classification ACTES)', `${d.point.matiere} — ${d.matiereChemin}`],
    ['Date de la convocation', d.convocationLe ? dateCourte(d.convocationLe) : '—'],
    ['Conseillers en exercice', String(a.enExercice)],
    [
      'Présents',
      `${a.presents.length + a.retires.length}${a.retires.length ? ` (dont ${a.retires.length} ne prenant pas part au vote)` : ''}`,
    ],
    ['Votants', `${a.votants}${a.representes.length ? ` (dont ${a.representes.length} par pouvoir)` : ''}`],
  ]);
  w.text(`Présidence : ${president ? fullName(president) : '—'}`, { after: 2 });
  w.text(`Présents : ${names(elus, [...a.presents, ...a.retires])}`, { after: 2 });
  if (a.representes.length)
    w.text(
      `Représentés : ${[...a.representes]
        .sort((x, y) => compareFr(elus.get(x.mandant)!.nom, elus.get(y.mandant)!.nom))
        .map((r) => `${fullName(elus.get(r.mandant)!)} (pouvoir à ${fullName(elus.get(r.mandataire)!)})`)
        .join(', ')}`,
      { after: 2 },
    );
  w.text(`Absents ou excusés : ${absents.map(fullName).join(', ') || '—'}`, { after: 2 });
  if (a.retires.length)
    w.text(`Ne prennent pas part au vote (art. L2131-11 CGCT) : ${names(elus, a.retires)}`, { after: 2 });
  const secretaires = secretairesOf(db, d.seance.id).map((id) => elus.get(id)!);
  w.text(
    `${secretairesLabel(secretaires.length)} : ${names(
      elus,
      secretaires.map((e) => e.id),
    )}`,
    { after: 10 },
  );
  w.heading(d.point.titre, 12);
  w.text(d.point.projet || '—', { after: 10 });
  for (const l of resultLines(elus, { ...d.vote, nomination: d.nomination ?? null, nominatif: d.nominatif ?? null }))
    w.text(l.text, { bold: l.bold ?? false, after: 2 });
  if (!d.nomination?.length) w.text(d.vote.message, { after: 2 });
  w.spacer(10);
  w.text('Pour extrait conforme.', { bold: true });
  w.text(`Fait à ${c.nom}, le ${dateCourte(d.seance.date)}.`, { after: 6 });
  w.signatures(signatureBlocks(president, secretaires));
  w.text(
    "Acte certifié exécutoire après sa publication et, le cas échéant, sa transmission au représentant de l'État (art. L2131-1 CGCT).",
    { size: 8.5 },
  );
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
  const w = await writerFor(db, `Liste des délibérations — séance du ${dateCourte(s.date)}`, s);
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
  w.text(
    `Liste affichée à la mairie et mise en ligne sur le site internet de la commune lorsqu'il existe, dans la semaine qui suit la séance (art. L2121-25 CGCT).`,
    { size: 9 },
  );
  w.text(`${c.nom}, le ${dateCourte(s.date)}.`);
  return w.save();
}
