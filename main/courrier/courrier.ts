/**
 * One courrier with what the CRPA makes of it: its qualification (rules/classification), its implicit
 * decision (rules/decision) and the acknowledgements still owed (rules/acknowledgements).
 */
import { AppError } from '../kernel';
import { readIdentity } from '../commune';
import type { Db } from '../db';
import { ELECTRONIC, type Canal } from './register';
import { acknowledgementsDue, type AckDue } from './rules/acknowledgements';
import { qualify, type Classement, type Procedure, type Qualification } from './rules/classification';
import { implicitDecision, type Decision } from './rules/decision';

export interface CourrierRow {
  id: number;
  sens: 'arrivee' | 'depart';
  annee: number;
  numero: number;
  date_courrier: string;
  date_enregistrement: string;
  correspondant: string;
  contact_id: number | null;
  objet: string;
  nature: string;
  canal: Canal;
  statut: 'a_traiter' | 'en_cours' | 'repondu' | 'classe';
  assigne: 'secretaire' | 'maire' | 'adjoint' | null;
  message_id: string | null;
  classement: Classement | null;
  procedure_code: string | null;
  recu_premiere_admin: string | null;
  transmis_a: string | null;
  transmis_le: string | null;
  pieces_manquantes: string | null;
  pieces_demandees_le: string | null;
  pieces_delai: string | null;
  pieces_recues_le: string | null;
  decision_implicite: string | null;
  ar_le: string | null;
  aee_le: string | null;
  /** why no acknowledgement leaves by itself (a sender marked for abusive sends, CRPA L112-11), migration 0350 */
  sans_accuse_motif: string | null;
}

export function getCourrier(db: Db, id: number): CourrierRow {
  const row = db.prepare('SELECT * FROM courrier WHERE id = ?').get(id) as CourrierRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Ce courrier est introuvable.');
  return row;
}

export const procedures = (db: Db): (Procedure & { builtin: number })[] =>
  db
    .prepare(
      'SELECT code, libelle, regime, delai_mois, delai_jours, article, builtin FROM courrier_procedure ORDER BY builtin DESC, libelle',
    )
    .all() as (Procedure & { builtin: number })[];

export const procedureOf = (db: Db, code: string | null): Procedure | null =>
  code
    ? ((db
        .prepare(
          'SELECT code, libelle, regime, delai_mois, delai_jours, article FROM courrier_procedure WHERE code = ?',
        )
        .get(code) as Procedure | undefined) ?? null)
    : null;

export interface Crpa {
  qualification: Qualification | null;
  decision: Decision;
  acks: AckDue[];
}

export function crpaOf(db: Db, c: CourrierRow): Crpa {
  if (c.sens === 'depart')
    return {
      qualification: null,
      decision: implicitDecision({ regime: null, delaiMois: null, recuLe: c.date_enregistrement }),
      acks: [],
    };
  const qualification = c.classement ? qualify(c.classement, procedureOf(db, c.procedure_code)) : null;
  const decision = implicitDecision({
    regime: qualification?.regime ?? null,
    delaiMois: qualification?.delaiMois ?? null,
    delaiJours: qualification?.delaiJours ?? null,
    recuLe: c.date_enregistrement,
    recuPremiereAdmin: c.recu_premiere_admin,
    transmisLe: c.transmis_le,
    piecesDemandeesLe: c.pieces_demandees_le,
    piecesDelai: c.pieces_delai,
    piecesRecuesLe: c.pieces_recues_le,
  });
  // A courrier answered, filed or forwarded owes nothing more; an acknowledgement is owed only by the competent one.
  const open = (c.statut === 'a_traiter' || c.statut === 'en_cours') && !c.transmis_le;
  const acks = open
    ? acknowledgementsDue({
        electronic: ELECTRONIC.includes(c.canal),
        recuLe: c.date_enregistrement,
        departement: readIdentity(db).departement,
        qualification,
        arLe: c.ar_le,
        aeeLe: c.aee_le,
        abusif: c.sans_accuse_motif !== null,
      })
    : [];
  return { qualification, decision, acks };
}

/** Store the computed date beside the facts, for the deadlines view and the search (call in the write). */
export function storeDecision(db: Db, id: number): Crpa {
  const c = getCourrier(db, id);
  const crpa = crpaOf(db, c);
  db.prepare('UPDATE courrier SET decision_implicite = ? WHERE id = ?').run(crpa.decision.date, id);
  return crpa;
}
