/**
 * Requests for copies and extracts at the counter (issue 12; décret 2017-890 arts. 27-33): record, change
 * while nothing is produced, read. The journal names a request by its yearly number and the act by kind,
 * number and year, as the consultations do (actes.ts): never the requester's name.
 */
import { AppError, dateCourte } from '../kernel';
import { acteRef, getActeRow } from './actes';
import type { EcCtx } from './context';
import { decideDemande } from './demandes-decision';
import type { DemandeInput } from './demandes-schemas';
import { DOCUMENT_LABELS, type DocumentKind } from './copies';
import { KIND_LABELS, type Kind } from './rules/kinds';
import { CANAL_LABELS, type Decision } from './rules/delivrance';

export type Statut = 'recue' | 'incomplete' | 'a_produire' | 'produite' | 'remise' | 'envoyee' | 'refusee';

export interface DemandeRow {
  id: number;
  annee: number;
  numero: number;
  canal: DemandeInput['canal'];
  recue_le: string;
  demandeur_nom: string;
  demandeur_prenoms: string;
  demandeur_adresse: string | null;
  qualite: DemandeInput['demandeur']['qualite'];
  justificatifs: string; // JSON: the rest of DemandeInput['demandeur'] (civilité, pieces, client)
  acte_id: number | null;
  acte_type: Kind;
  renseignements: string; // JSON DemandeInput['renseignements']
  document: DocumentKind;
  options: string; // JSON { tousMariages, nationalite }
  exemplaires: number;
  livraison: DemandeInput['livraison'];
  statut: Statut;
  decision: string | null;
  decision_issue: string | null;
  decidee_le: string | null;
  derogation_motif: string | null;
  derogation_par: string | null;
  derogation_le: string | null;
  officier_nom: string | null;
  officier_qualite: string | null;
  produite_le: string | null;
  remise_le: string | null;
  /** the day the last complément was received (décret 2017-890 art. 30), migration 0330 */
  complement_recu_le: string | null;
  created_at: string;
  updated_at: string;
}

/** States in which what was asked may still change (nothing issued, no refusal sent). */
export const OUVERTES: readonly Statut[] = ['recue', 'incomplete', 'a_produire'];

export const STATUT_LABELS: Record<Statut, string> = {
  recue: 'Reçue',
  incomplete: 'Incomplète (en attente du complément)',
  a_produire: 'À produire',
  produite: 'Produite',
  remise: 'Remise au guichet',
  envoyee: 'Envoyée par la poste',
  refusee: 'Refusée',
};

/** « demande n° 2026-14 » — the journal's and the dashboard's name for a request. */
export const demandeRef = (d: Pick<DemandeRow, 'annee' | 'numero'>) => `demande n° ${d.annee}-${d.numero}`;

/** « copie intégrale de l’acte de naissance n° 12 de 1960 », or the act's kind when it was not found. */
export function objetRef(c: EcCtx, d: Pick<DemandeRow, 'document' | 'acte_id' | 'acte_type'>): string {
  const what = DOCUMENT_LABELS[d.document].toLowerCase();
  return d.acte_id
    ? `${what} de l’${acteRef(getActeRow(c, d.acte_id))}`
    : `${what} d’un acte de ${KIND_LABELS[d.acte_type].toLowerCase()} non retrouvé`;
}

export function getDemande(c: EcCtx, id: number): DemandeRow {
  const d = c.db.prepare('SELECT * FROM ec_demande WHERE id = ?').get(id) as DemandeRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', 'Demande introuvable.');
  return d;
}

/** One line of the request's append-only history. */
export function event(c: EcCtx, id: number, quoi: string, statut: Statut, details: Record<string, unknown> = {}): void {
  c.db
    .prepare('INSERT INTO ec_demande_evenement (demande_id, at, par, quoi, statut, details) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, c.now.toISOString(), actorName(c), quoi, statut, JSON.stringify(details));
}

export const actorName = (c: EcCtx) => c.actor.name ?? c.actor.login ?? '?';

/** The act named by the request must exist and be of the kind asked; the date received is not in the future (what is missing is the decision's: a complément letter). */
function check(c: EcCtx, v: DemandeInput): void {
  if (v.recueLe > c.today)
    throw new AppError('INVALID', 'Date de réception : dans le futur.', { recueLe: 'Dans le futur.' });
  if (v.acteId) {
    const a = getActeRow(c, v.acteId);
    if (a.type !== v.acteType)
      throw new AppError(
        'INVALID',
        `L’acte choisi est un acte de ${KIND_LABELS[a.type].toLowerCase()}, pas de ${KIND_LABELS[v.acteType].toLowerCase()}.`,
        { acteType: 'Différent de l’acte choisi.' },
      );
  }
}

const COLS = [
  'canal',
  'recue_le',
  'demandeur_nom',
  'demandeur_prenoms',
  'demandeur_adresse',
  'qualite',
  'justificatifs',
  'acte_id',
  'acte_type',
  'renseignements',
  'document',
  'options',
  'exemplaires',
  'livraison',
] as const;
function values(v: DemandeInput): unknown[] {
  const { nom, prenoms, adresse, qualite, ...justificatifs } = v.demandeur;
  return [
    v.canal,
    v.recueLe,
    nom,
    prenoms,
    adresse,
    qualite,
    JSON.stringify(justificatifs),
    v.acteId,
    v.acteType,
    JSON.stringify(v.renseignements),
    v.document,
    JSON.stringify({ tousMariages: v.tousMariages, nationalite: v.nationalite }),
    v.exemplaires,
    v.livraison,
  ];
}

/** Record a request (numbered in the year it was received) and compute its decision at once. */
export function createDemande(c: EcCtx, v: DemandeInput): number {
  check(c, v);
  const annee = Number(v.recueLe.slice(0, 4));
  const numero = (
    c.db.prepare('SELECT coalesce(max(numero), 0) + 1 AS n FROM ec_demande WHERE annee = ?').get(annee) as { n: number }
  ).n;
  const now = c.now.toISOString();
  const id = Number(
    c.db
      .prepare(
        `INSERT INTO ec_demande (annee, numero, ${COLS.join(', ')}, created_at, updated_at) VALUES (?, ?, ${COLS.map(() => '?').join(', ')}, ?, ?)`,
      )
      .run(annee, numero, ...values(v), now, now).lastInsertRowid,
  );
  const d = getDemande(c, id);
  event(c, id, 'reçue', 'recue', { canal: v.canal });
  c.audit({
    action: 'etat-civil.demande.recue',
    summary: `${capital(demandeRef(d))} reçue (${CANAL_LABELS[v.canal].toLowerCase()}) : ${objetRef(c, d)}`,
    objectType: 'ec_demande',
    objectId: id,
  });
  decideDemande(c, id);
  return id;
}

/**
 * A request « incomplète » waits for what the complément letter asked (décret 2017-890 art. 30): completing it
 * states the day the answer was received — not in the future, not before the request itself. Any other request
 * was waiting for nothing, so no such date is taken.
 */
function checkComplement(c: EcCtx, old: DemandeRow, v: DemandeInput, le: string | null): string | null {
  const field = (message: string) => new AppError('INVALID', message, { complementRecuLe: message });
  if (old.statut !== 'incomplete') {
    if (le)
      throw new AppError(
        'RULE',
        `La ${demandeRef(old)} n’attend aucun complément (${STATUT_LABELS[old.statut].toLowerCase()}) : pas de date de réception du complément.`,
      );
    return null;
  }
  if (!le)
    throw field(
      'Complément reçu le : indiquez la date à laquelle les renseignements demandés ont été reçus (décret 2017-890 art. 30).',
    );
  if (le > c.today) throw field(`Complément reçu le : le ${dateCourte(le)} est dans le futur.`);
  if (le < v.recueLe)
    throw field(
      `Complément reçu le : le ${dateCourte(le)} est avant la réception de la demande (le ${dateCourte(v.recueLe)}).`,
    );
  return le;
}

/** Change what was asked while nothing is produced nor refused; the decision is computed again, an override dropped. */
export function updateDemande(c: EcCtx, id: number, v: DemandeInput, complementRecuLe: string | null = null): void {
  const old = getDemande(c, id);
  if (!OUVERTES.includes(old.statut))
    throw new AppError(
      'RULE',
      `La ${demandeRef(old)} est ${STATUT_LABELS[old.statut].toLowerCase()} : elle ne se modifie plus (décret 2017-890 art. 27). Enregistrez une nouvelle demande.`,
    );
  check(c, v);
  const complement = checkComplement(c, old, v, complementRecuLe);
  c.db
    .prepare(
      `UPDATE ec_demande SET ${COLS.map((k) => `${k} = ?`).join(', ')}, complement_recu_le = coalesce(?, complement_recu_le), derogation_motif = NULL, derogation_par = NULL, derogation_le = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(...values(v), complement, c.now.toISOString(), id);
  if (complement)
    event(c, id, `complément reçu le ${dateCourte(complement)}`, old.statut, { complementRecuLe: complement });
  event(c, id, old.derogation_le ? 'modifiée (la dérogation est retirée)' : 'modifiée', old.statut);
  c.audit({
    action: 'etat-civil.demande.modifiee',
    summary: `${capital(demandeRef(old))} ${complement ? `complétée (complément reçu le ${dateCourte(complement)})` : 'modifiée'} : ${objetRef(c, getDemande(c, id))}${old.derogation_le ? ' (dérogation retirée)' : ''}`,
    objectType: 'ec_demande',
    objectId: id,
  });
  decideDemande(c, id);
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface Piece {
  id: number;
  nature: 'document' | 'lettre_complement' | 'lettre_refus' | 'recepisse';
  pages: number | null;
  officier: string | null;
  parapheur_document_id: number | null;
  created_at: string;
  created_by: string | null;
}

/** The request as the window shows it: what was asked, the decision, the pieces printed, the history. */
export function readDemande(c: EcCtx, id: number) {
  const d = getDemande(c, id);
  const pieces = c.db
    .prepare(
      'SELECT id, nature, pages, officier, parapheur_document_id, created_at, created_by FROM ec_demande_piece WHERE demande_id = ? ORDER BY id',
    )
    .all(id) as Piece[];
  const historique = c.db
    .prepare('SELECT at, par, quoi, statut FROM ec_demande_evenement WHERE demande_id = ? ORDER BY id')
    .all(id) as { at: string; par: string | null; quoi: string; statut: Statut }[];
  return { ...view(c, d), pieces, historique };
}

export function view(c: EcCtx, d: DemandeRow) {
  return {
    id: d.id,
    annee: d.annee,
    numero: d.numero,
    reference: `${d.annee}-${d.numero}`,
    canal: d.canal,
    recueLe: d.recue_le,
    demandeur: {
      nom: d.demandeur_nom,
      prenoms: d.demandeur_prenoms,
      adresse: d.demandeur_adresse,
      qualite: d.qualite,
      ...(JSON.parse(d.justificatifs) as Omit<DemandeInput['demandeur'], 'nom' | 'prenoms' | 'adresse' | 'qualite'>),
    },
    acteId: d.acte_id,
    acteType: d.acte_type,
    renseignements: JSON.parse(d.renseignements) as DemandeInput['renseignements'],
    document: d.document,
    ...(JSON.parse(d.options) as { tousMariages: boolean; nationalite: boolean }),
    exemplaires: d.exemplaires,
    livraison: d.livraison,
    objet: objetRef(c, d),
    statut: d.statut,
    statutLibelle: STATUT_LABELS[d.statut],
    decision: d.decision ? (JSON.parse(d.decision) as Decision) : null,
    decideeLe: d.decidee_le,
    derogation: d.derogation_le ? { motif: d.derogation_motif, par: d.derogation_par, le: d.derogation_le } : null,
    officier: d.officier_nom ? { nom: d.officier_nom, qualite: d.officier_qualite } : null,
    produiteLe: d.produite_le,
    remiseLe: d.remise_le,
    complementRecuLe: d.complement_recu_le,
  };
}

export function listDemandes(c: EcCtx, statut: Statut | null, annee: number | null) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (statut) {
    where.push('statut = ?');
    params.push(statut);
  }
  if (annee) {
    where.push('annee = ?');
    params.push(annee);
  }
  const rows = c.db
    .prepare(
      `SELECT * FROM ec_demande ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY recue_le DESC, id DESC LIMIT 500`,
    )
    .all(...params) as DemandeRow[];
  return rows.map((d) => view(c, d));
}
