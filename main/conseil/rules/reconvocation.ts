import { RECONVOCATION_MIN_DAYS } from './quorum';

/**
 * Reconvocation after a séance without quorum (CGCT L2121-17 al. 2): the council convened again at least
 * 3 days later deliberates validly whatever the number present — but only on the items carried over from the
 * séance without quorum. An item added to the reconvened séance needs the quorum like any other; an item
 * already deliberated (at a first reconvocation, for instance) is never carried again: two votes on the same
 * item would make two contradictory délibérations.
 */
export const RECONVOCATION_ARTICLE = 'L2121-17 al. 2';

export interface SourcePoint {
  id: number;
  rang: number;
  titre: string;
  statut: 'a_examiner' | 'delibere' | 'reporte' | 'retire';
  /** postponed because the quorum was lacking (not by a choice of the council) */
  reportSansQuorum: boolean;
}

/** A copy of a source item already carried into another séance. */
export interface CarriedCopy {
  sourceId: number;
  statut: SourcePoint['statut'];
}

export interface CarryPlan {
  carried: SourcePoint[];
  /** items not carried, with the reason the secrétaire reads */
  left: { point: SourcePoint; reason: string }[];
}

export function pointsToCarry(points: SourcePoint[], copies: CarriedCopy[]): CarryPlan {
  const plan: CarryPlan = { carried: [], left: [] };
  for (const p of points) {
    if (p.statut !== 'reporte') continue;
    if (!p.reportSansQuorum) {
      plan.left.push({
        point: p,
        reason: `le point ${p.rang} a été reporté par le conseil, non faute de quorum : inscrivez-le à une séance ordinaire`,
      });
      continue;
    }
    const copy = copies.filter((c) => c.sourceId === p.id);
    if (copy.some((c) => c.statut === 'delibere')) {
      plan.left.push({
        point: p,
        reason: `le point ${p.rang} a déjà été délibéré lors d'une reconvocation : il ne peut pas être voté une seconde fois`,
      });
      continue;
    }
    if (copy.some((c) => c.statut === 'a_examiner')) {
      plan.left.push({ point: p, reason: `le point ${p.rang} est déjà inscrit à une autre séance de reconvocation` });
      continue;
    }
    plan.carried.push(p);
  }
  return plan;
}

/** Why there can be no reconvocation of this séance, or null. */
export function reconvocationRefusal(plan: CarryPlan): string | null {
  if (plan.carried.length) return null;
  const why = plan.left.length ? ` (${plan.left.map((l) => l.reason).join(' ; ')})` : '';
  return `Aucun point de cette séance n'est à reprendre faute de quorum${why} : une séance de reconvocation sans condition de quorum ne porte que sur ces points (art. ${RECONVOCATION_ARTICLE} CGCT, ${RECONVOCATION_MIN_DAYS} jours au moins d'intervalle).`;
}

/** Only an item carried from the séance without quorum, at the reconvened séance, is exempt. */
export const quorumExempt = (
  seance: { reconvocation_de: number | null },
  point: { reconvoque_de: number | null } | null,
): boolean => seance.reconvocation_de !== null && point !== null && point.reconvoque_de !== null;
