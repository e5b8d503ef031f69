/**
 * The implicit decision date (CRPA L231-1 and exceptions), with what moves it:
 *  - L114-5: an incomplete request. SVA: the period starts only when the missing pieces arrive. SVR: it is
 *    suspended from the request for pieces until they arrive, or until the deadline given if earlier.
 *  - L114-2: a request first sent to another administration and forwarded to us. SVR runs from the receipt
 *    by the first administration, SVA from our receipt. Forwarded by us: our clock does not run.
 */
import { dateCourte as fr } from '../../kernel';
import { addDays, daysBetween } from './days';
import { periodEnd } from './months';
import { delaiLabel, type Regime } from './classification';

export interface DecisionFacts {
  regime: Regime | null;
  delaiMois: number | null;
  /** a delay in days (a décret's « quinze jours »), when there is no delay in months */
  delaiJours?: number | null;
  /** received by the commune (the competent administration) */
  recuLe: string;
  /** L114-2: received first by another administration that forwarded it */
  recuPremiereAdmin?: string | null;
  /** L114-2: we forwarded it to the competent administration */
  transmisLe?: string | null;
  /** L114-5 */
  piecesDemandeesLe?: string | null;
  piecesDelai?: string | null;
  piecesRecuesLe?: string | null;
}

export type DecisionState = 'aucune' | 'en_cours' | 'attente_pieces' | 'suspendu' | 'transmis';

export interface Decision {
  state: DecisionState;
  /** the date silence becomes a decision; for 'suspendu', the latest it can be (pieces never sent) */
  date: string | null;
  /** plain French, with the articles, shown as is */
  explication: string;
}

/** Days count like months (domain-rules §3.5): from the day after receipt, n days on. */
const end = (f: DecisionFacts, start: string): string =>
  f.delaiMois ? periodEnd(start, f.delaiMois) : addDays(addDays(start, 1), f.delaiJours ?? 0);

export function implicitDecision(f: DecisionFacts): Decision {
  if (!f.regime || (!f.delaiMois && !f.delaiJours))
    return { state: 'aucune', date: null, explication: 'Pas de décision implicite pour ce courrier.' };
  if (f.transmisLe)
    return {
      state: 'transmis',
      date: null,
      explication: `Transmise à l’administration compétente le ${fr(f.transmisLe)} : le délai court auprès d’elle (CRPA L114-2).`,
    };
  const incomplete = Boolean(f.piecesDemandeesLe);
  if (f.regime === 'SVA') {
    if (incomplete && !f.piecesRecuesLe)
      return {
        state: 'attente_pieces',
        date: null,
        explication:
          'Dossier incomplet : le délai d’acceptation implicite ne courra qu’à la réception des pièces manquantes (CRPA L114-5).',
      };
    // L114-2: SVA runs from the receipt by the competent administration (us), whatever the first receipt.
    const start = incomplete ? f.piecesRecuesLe! : f.recuLe;
    const date = end(f, start);
    const why = incomplete
      ? `à compter de la réception des pièces manquantes le ${fr(start)} (CRPA L114-5)`
      : `à compter de la réception le ${fr(start)}`;
    return { state: 'en_cours', date, explication: `Acceptation implicite au terme de ${delaiLabel(f)} ${why}.` };
  }
  // SVR: from the first receipt when forwarded to us (L114-2).
  const start = f.recuPremiereAdmin && f.recuPremiereAdmin < f.recuLe ? f.recuPremiereAdmin : f.recuLe;
  const base = end(f, start);
  const from =
    f.recuPremiereAdmin && start !== f.recuLe
      ? ` à compter de la réception par la première administration le ${fr(start)} (CRPA L114-2)`
      : ` à compter de la réception le ${fr(start)}`;
  if (!incomplete)
    return { state: 'en_cours', date: base, explication: `Rejet implicite au terme de ${delaiLabel(f)}${from}.` };
  // Suspended from the request for pieces to their receipt, or to the deadline if earlier (L114-5).
  const limit = [f.piecesRecuesLe, f.piecesDelai].filter((d): d is string => Boolean(d)).sort()[0] ?? null;
  const pending = !f.piecesRecuesLe;
  if (!limit)
    return {
      state: 'suspendu',
      date: null,
      explication: 'Délai de rejet implicite suspendu jusqu’à la réception des pièces manquantes (CRPA L114-5).',
    };
  const suspended = Math.max(0, daysBetween(f.piecesDemandeesLe!, limit));
  const date = addDays(base, suspended);
  return {
    state: pending ? 'suspendu' : 'en_cours',
    date,
    explication: `Rejet implicite au terme de ${delaiLabel(f)}${from}, délai suspendu ${suspended} jour${suspended > 1 ? 's' : ''} pour les pièces manquantes (CRPA L114-5).`,
  };
}
