/**
 * The decision on a request (décret 2017-890 arts. 30-33, Code du patrimoine L213-2): computed by the pure
 * rule (rules/delivrance.ts) from plain values read here — the act's kind and date, its register's closing
 * date, a death known from the act, its mentions or the request —, kept as computed, shown before anything is
 * produced. An override needs a written reason; it is kept with who and when, and journaled.
 */
import { AppError } from '../kernel';
import type { EcCtx } from './context';
import {
  actorName,
  capital,
  demandeRef,
  event,
  getDemande,
  OUVERTES,
  STATUT_LABELS,
  type DemandeRow,
  type Statut,
} from './demandes';
import { MOTIF_MIN } from './demandes-schemas';
import { decisionFor, refusCourriel, type ActeFacts, type Decision } from './demandes-rules';

export { refusCourriel };

/** The facts the rule needs, read from the database for this request; null when the act was not found. */
function facts(c: EcCtx, d: DemandeRow): ActeFacts | null {
  if (!d.acte_id) return null;
  const a = c.db
    .prepare(
      'SELECT a.type, a.annee, a.date_acte, a.date_evenement, r.clos_le FROM acte_etat_civil a LEFT JOIN ec_registre r ON r.id = a.registre_id WHERE a.id = ?',
    )
    .get(d.acte_id) as {
    type: string;
    annee: number;
    date_acte: string;
    date_evenement: string | null;
    clos_le: string | null;
  };
  // a death known from a validated mention « décès » in the act's margin (C. civ. art. 79), or reported by the request
  const mention = c.db
    .prepare(
      "SELECT date_evenement FROM ec_mention WHERE acte_id = ? AND nature = 'deces' AND statut = 'validee' ORDER BY id DESC LIMIT 1",
    )
    .get(d.acte_id) as { date_evenement: string | null } | undefined;
  const reported = (JSON.parse(d.renseignements) as { decesConnuLe?: string | null }).decesConnuLe ?? null;
  return { registreAnnee: a.annee, registreClosLe: a.clos_le, dateDecesTitulaire: mention?.date_evenement ?? reported };
}

/** The decision on today's facts (not stored). */
export function currentDecision(c: EcCtx, d: DemandeRow): Decision {
  return decisionFor(d, facts(c, d), c.today);
}

/** Where a decision leads the request: granted → à produire; otherwise it waits (or keeps waiting for the complément). */
function statutAfter(d: DemandeRow, dec: Decision): Statut {
  if (dec.outcome === 'granted' || d.derogation_le) return 'a_produire';
  if (dec.outcome === 'incomplete' && d.statut === 'incomplete') return 'incomplete';
  return 'recue';
}

/** Compute and keep the decision; the request moves to « à produire » when granted. */
export function decideDemande(c: EcCtx, id: number): Decision {
  const d = getDemande(c, id);
  if (!OUVERTES.includes(d.statut))
    throw new AppError(
      'RULE',
      `La ${demandeRef(d)} est ${STATUT_LABELS[d.statut].toLowerCase()} : sa décision n’est plus recalculée.`,
    );
  const dec = currentDecision(c, d);
  const statut = statutAfter(d, dec);
  c.db
    .prepare(
      'UPDATE ec_demande SET decision = ?, decision_issue = ?, decidee_le = ?, statut = ?, updated_at = ? WHERE id = ?',
    )
    .run(JSON.stringify(dec), dec.outcome, c.today, statut, c.now.toISOString(), id);
  event(c, id, `décision : ${ISSUE_LABELS[dec.outcome]}`, statut, { outcome: dec.outcome, articles: dec.articles });
  c.audit({
    action: 'etat-civil.demande.decision',
    summary: `${capital(demandeRef(d))} : ${ISSUE_LABELS[dec.outcome]} (${dec.articles.join(' ; ')})`,
    objectType: 'ec_demande',
    objectId: id,
  });
  return dec;
}

export const ISSUE_LABELS: Record<Decision['outcome'], string> = {
  granted: 'accordée',
  incomplete: 'incomplète',
  refused: 'refusée',
};

/**
 * Override a refusal or a missing piece with a written reason (the secrétaire or an officier: access.ts checked
 * it). Never for a delivery by e-mail: no reason makes an e-mailed copy authentic (IGREC n° 72-1).
 */
export function overrideDemande(c: EcCtx, id: number, motif: string): void {
  const d = getDemande(c, id);
  const why = motif.trim();
  if (why.length < MOTIF_MIN)
    throw new AppError('INVALID', `Motif : écrivez la raison de la dérogation (${MOTIF_MIN} caractères au moins).`, {
      motif: 'Trop court.',
    });
  if (d.decision_issue === 'granted' && OUVERTES.includes(d.statut))
    throw new AppError('CONFLICT', `La ${demandeRef(d)} est déjà accordée : aucune dérogation n’est nécessaire.`);
  if (d.statut !== 'recue' && d.statut !== 'incomplete')
    throw new AppError(
      'RULE',
      `La ${demandeRef(d)} est ${STATUT_LABELS[d.statut].toLowerCase()} : pas de dérogation possible.`,
    );
  if (d.livraison === 'courriel') throw new AppError('RULE', refusCourriel());
  c.db
    .prepare(
      "UPDATE ec_demande SET derogation_motif = ?, derogation_par = ?, derogation_le = ?, statut = 'a_produire', updated_at = ? WHERE id = ?",
    )
    .run(why, actorName(c), c.now.toISOString(), c.now.toISOString(), id);
  event(c, id, 'dérogation écrite', 'a_produire', { motif: why, decision: d.decision_issue, qualite: c.qualite });
  c.audit({
    action: 'etat-civil.demande.derogation',
    summary: `${capital(demandeRef(d))} : dérogation à la décision (${d.decision_issue ? ISSUE_LABELS[d.decision_issue as Decision['outcome']] : '—'}) par ${actorName(c)}, ${c.qualite} ; motif écrit consigné dans la demande`,
    objectType: 'ec_demande',
    objectId: id,
  });
}
