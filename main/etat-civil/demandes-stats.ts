/**
 * The counter on the dashboard and for the élus: requests waiting (« À faire »), those delivered this month,
 * statistics per month and channel. No personal data here: the dashboard and the statistics are read by
 * élus who are not officiers, so a request is named by its number and the act by kind, number and year.
 */
import type { Db } from '../db';
import { acteRef } from './actes';
import type { ActeRow } from './actes';
import { DOCUMENT_LABELS, type DocumentKind } from './copies';
import type { Statut } from './demandes';
import { KIND_LABELS, type Kind } from './rules/kinds';
import { daysBetween } from './rules/dates';

interface Todo {
  due_date: string | null;
  title: string;
  legal_ref: string;
  object_type: string;
  object_id: string;
}
type Row = {
  id: number;
  annee: number;
  numero: number;
  statut: Statut;
  document: DocumentKind;
  acte_type: Kind;
  livraison: string;
  decision_issue: string | null;
  derogation_le: string | null;
  recue_le: string;
  a_numero: number | null;
  a_annee: number | null;
};

const ART_27 = 'Décret 2017-890 art. 27';
const ART_30 = 'Décret 2017-890 art. 30';

/** The counter's « À faire »: complete, produce, hand over or post. */
export function demandeTodos(db: Db): Todo[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.annee, d.numero, d.statut, d.document, d.acte_type, d.livraison, d.decision_issue, d.derogation_le, d.recue_le, a.numero AS a_numero, a.annee AS a_annee
       FROM ec_demande d LEFT JOIN acte_etat_civil a ON a.id = d.acte_id WHERE d.statut IN ('recue', 'incomplete', 'a_produire', 'produite') ORDER BY d.recue_le, d.id`,
    )
    .all() as Row[];
  return rows.flatMap((d): Todo[] => {
    // « la copie intégrale », « l’extrait … »: the article agrees with the document (never « la extrait »)
    const le = d.document === 'copie_integrale' ? 'la ' : 'l’';
    const what = `${le}${DOCUMENT_LABELS[d.document].toLowerCase()} de l’${d.a_numero ? acteRef({ type: d.acte_type, numero: d.a_numero, annee: d.a_annee! } as Pick<ActeRow, 'type' | 'numero' | 'annee'>) : `acte de ${KIND_LABELS[d.acte_type].toLowerCase()} à retrouver`}`;
    const ref = `Demande n° ${d.annee}-${d.numero}`;
    const todo = (title: string, legal_ref: string): Todo => ({
      due_date: null,
      title: `${ref} : ${title}`,
      legal_ref,
      object_type: 'etat-civil.demande',
      object_id: String(d.id),
    });
    if (d.statut === 'recue' && d.decision_issue === 'incomplete')
      return [todo(`demander les renseignements manquants (${what})`, ART_30)];
    if (d.statut === 'recue' && d.decision_issue === 'refused')
      return [todo(`envoyer la lettre de refus ou déroger par écrit (${what})`, ART_30)];
    if (d.statut === 'incomplete') return [todo(`en attente du complément demandé (${what})`, ART_30)];
    if (d.statut === 'a_produire') return [todo(`produire ${what}`, ART_27)];
    if (d.statut === 'produite')
      return [todo(d.livraison === 'envoi_postal' ? `poster ${what}` : `remettre ${what} au guichet`, ART_27)];
    return [];
  });
}

/** Requests handed over or posted in the Paris month of `today` (the dashboard's count). */
export const delivreesCeMois = (db: Db, today: string): number =>
  (
    db
      .prepare(
        "SELECT count(*) AS n FROM ec_demande WHERE statut IN ('remise', 'envoyee') AND substr(remise_le, 1, 7) = ?",
      )
      .get(today.slice(0, 7)) as { n: number }
  ).n;

export interface StatLigne {
  mois: string;
  canal: string;
  recues: number;
  delivrees: number;
  refusees: number;
  enCours: number;
  delaiMoyenJours: number | null;
}

/** Per month received and channel: counts and the mean delay from receipt to delivery, in days. */
export function demandeStats(db: Db, annee: number): { annee: number; lignes: StatLigne[] } {
  const rows = db
    .prepare(
      'SELECT substr(recue_le, 1, 7) AS mois, canal, statut, recue_le, remise_le, produite_le FROM ec_demande WHERE annee = ? ORDER BY recue_le',
    )
    .all(annee) as {
    mois: string;
    canal: string;
    statut: Statut;
    recue_le: string;
    remise_le: string | null;
    produite_le: string | null;
  }[];
  const byKey = new Map<string, StatLigne & { delais: number[] }>();
  for (const r of rows) {
    const key = `${r.mois}|${r.canal}`;
    const l = byKey.get(key) ?? {
      mois: r.mois,
      canal: r.canal,
      recues: 0,
      delivrees: 0,
      refusees: 0,
      enCours: 0,
      delaiMoyenJours: null,
      delais: [],
    };
    l.recues++;
    if (r.statut === 'remise' || r.statut === 'envoyee') {
      l.delivrees++;
      l.delais.push(daysBetween(r.recue_le, r.remise_le ?? r.produite_le ?? r.recue_le));
    } else if (r.statut === 'refusee') l.refusees++;
    else l.enCours++;
    byKey.set(key, l);
  }
  const lignes = [...byKey.values()].map(({ delais, ...l }) => ({
    ...l,
    delaiMoyenJours: delais.length ? Math.round((delais.reduce((a, b) => a + b, 0) / delais.length) * 10) / 10 : null,
  }));
  return { annee, lignes };
}
