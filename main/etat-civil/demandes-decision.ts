/**
 * The decision on a request (décret 2017-890 arts. 30-33, Code du patrimoine L213-2): computed by the pure
 * rule (rules/delivrance.ts) from plain values read here — the act's kind and date, its register's closing
 * date, a death known from the act, its mentions or the request —, kept as computed, shown before anything is
 * produced. An override needs a written reason; it is kept with who and when, and journaled.
 */
import { AppError } from '../kernel';
import type { EcCtx } from './context';
import { actorName, capital, demandeRef, event, getDemande, OUVERTES, STATUT_LABELS, type DemandeRow, type Statut } from './demandes';
import { MOTIF_MIN } from './demandes-schemas';
import { decisionFor, refusCourriel, type CounterDecision } from './demandes-rules';

export { refusCourriel };

/** The facts the rule needs, read from the database for this request. */
function facts(c: EcCtx, d: DemandeRow) {
  const acte = d.acte_id
    ? (c.db.prepare('SELECT a.type, a.date_acte, a.date_evenement, r.clos_le, r.annee AS r_annee FROM acte_etat_civil a LEFT JOIN ec_registre r ON r.id = a.registre_id WHERE a.id = ?').get(d.acte_id) as { type: string; date_acte: string; date_evenement: string | null; clos_le: string | null; r_annee: number | null })
    : null;
  // a death known from the act itself (a décès), or from a validated mention « décès » in its margin (C. civ. art. 79)
  const mentionDeces = d.acte_id ? (c.db.prepare("SELECT date_evenement FROM ec_mention WHERE acte_id = ? AND nature = 'deces' AND statut = 'validee' ORDER BY id DESC LIMIT 1").get(d.acte_id) as { date_evenement: string | null } | undefined) : undefined;
  const rens = JSON.parse(d.renseignements) as { decesConnuLe: string | null };
  const decesLe = acte && (acte.type === 'deces' || acte.type === 'transcription_deces') ? (acte.date_evenement ?? acte.date_acte) : (mentionDeces?.date_evenement ?? rens.decesConnuLe ?? null);
  return { acte, decesLe };
}

/** The decision on today's facts (not stored). */
export function currentDecision(c: EcCtx, d: DemandeRow): CounterDecision {
  const { acte, decesLe } = facts(c, d);
  return decisionFor(d, acte ? { dateActe: acte.date_acte, registreClosLe: acte.clos_le } : null, decesLe, c.today);
}

/** Where a decision leads the request: granted → à produire; otherwise it waits (or keeps waiting for the complément). */
function statutAfter(d: DemandeRow, dec: CounterDecision): Statut {
  if (dec.issue === 'granted' || d.derogation_le) return 'a_produire';
  if (dec.issue === 'incomplete' && d.statut === 'incomplete') return 'incomplete';
  return 'recue';
}

/** Compute and keep the decision; the request moves to « à produire » when granted. */
export function decideDemande(c: EcCtx, id: number): CounterDecision {
  const d = getDemande(c, id);
  if (!OUVERTES.includes(d.statut)) throw new AppError('RULE', `La ${demandeRef(d)} est ${STATUT_LABELS[d.statut].toLowerCase()} : sa décision n’est plus recalculée.`);
  const dec = currentDecision(c, d);
  const statut = statutAfter(d, dec);
  c.db.prepare('UPDATE ec_demande SET decision = ?, decision_issue = ?, decidee_le = ?, statut = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(dec), dec.issue, c.today, statut, c.now.toISOString(), id);
  event(c, id, `décision : ${ISSUE_LABELS[dec.issue]}`, statut, { issue: dec.issue, article: dec.article });
  c.audit({ action: 'etat-civil.demande.decision', summary: `${capital(demandeRef(d))} : ${ISSUE_LABELS[dec.issue]} (${dec.article})`, objectType: 'ec_demande', objectId: id });
  return dec;
}

export const ISSUE_LABELS: Record<CounterDecision['issue'], string> = { granted: 'accordée', incomplete: 'incomplète', refused: 'refusée' };

/**
 * Override a refusal or a missing piece with a written reason (the secrétaire or an officier: access.ts checked
 * it). Never for a delivery by e-mail: no reason makes an e-mailed copy authentic (IGREC n° 72-1).
 */
export function overrideDemande(c: EcCtx, id: number, motif: string): void {
  const d = getDemande(c, id);
  const why = motif.trim();
  if (why.length < MOTIF_MIN) throw new AppError('INVALID', `Motif : écrivez la raison de la dérogation (${MOTIF_MIN} caractères au moins).`, { motif: 'Trop court.' });
  if (d.statut !== 'recue' && d.statut !== 'incomplete') throw new AppError('RULE', `La ${demandeRef(d)} est ${STATUT_LABELS[d.statut].toLowerCase()} : pas de dérogation possible.`);
  if (d.livraison === 'courriel') throw new AppError('RULE', refusCourriel());
  if (d.decision_issue === 'granted') throw new AppError('CONFLICT', `La ${demandeRef(d)} est déjà accordée : aucune dérogation n’est nécessaire.`);
  c.db.prepare("UPDATE ec_demande SET derogation_motif = ?, derogation_par = ?, derogation_le = ?, statut = 'a_produire', updated_at = ? WHERE id = ?").run(why, actorName(c), c.now.toISOString(), c.now.toISOString(), id);
  event(c, id, 'dérogation écrite', 'a_produire', { motif: why, decision: d.decision_issue, qualite: c.qualite });
  c.audit({
    action: 'etat-civil.demande.derogation',
    summary: `${capital(demandeRef(d))} : dérogation à la décision (${d.decision_issue ? ISSUE_LABELS[d.decision_issue as CounterDecision['issue']] : '—'}) par ${actorName(c)}, ${c.qualite} ; motif écrit consigné dans la demande`,
    objectType: 'ec_demande', objectId: id,
  });
}
