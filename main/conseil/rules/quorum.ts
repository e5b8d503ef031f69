/**
 * Quorum (CGCT L2121-17): the council deliberates validly only when more than half of its members in office
 * (en exercice: current membership, vacancies excluded — not the legal size) are physically present.
 * Représentés do not count. Checked at each item: an intéressé who withdraws (L2131-11) does not count for
 * that item. After a séance without quorum, the council convened again at least 3 days later deliberates
 * validly whatever the number present, on the same items.
 */
export const QUORUM_ARTICLE = 'L2121-17';
export const RECONVOCATION_MIN_DAYS = 3;

export const quorumRequired = (enExercice: number): number => Math.floor(enExercice / 2) + 1;

export interface QuorumInput {
  enExercice: number;
  presents: number;
  /** present members who withdraw for this item (intéressés) */
  retires?: number;
  /** séance reconvened after a failed quorum (L2121-17 al. 2) */
  reconvocation?: boolean;
}

export interface QuorumResult {
  reached: boolean;
  required: number;
  counted: number;
  message: string;
}

export function checkQuorum(q: QuorumInput): QuorumResult {
  const required = quorumRequired(q.enExercice);
  const counted = q.presents - (q.retires ?? 0);
  if (q.reconvocation)
    return {
      reached: true,
      required: 0,
      counted,
      message: `Séance de reconvocation : le conseil délibère valablement quel que soit le nombre de présents (art. ${QUORUM_ARTICLE} al. 2 CGCT).`,
    };
  const reached = counted >= required;
  const retired = q.retires
    ? ` (${q.retires} élu${q.retires > 1 ? 's' : ''} intéressé${q.retires > 1 ? 's' : ''} sorti${q.retires > 1 ? 's' : ''} de la salle ne compte${q.retires > 1 ? 'nt' : ''} pas)`
    : '';
  return {
    reached,
    required,
    counted,
    message: reached
      ? `Quorum atteint : ${counted} présent${counted > 1 ? 's' : ''} sur ${q.enExercice} en exercice, il en faut ${required}${retired} (art. ${QUORUM_ARTICLE} CGCT).`
      : `Quorum non atteint : ${counted} présent${counted > 1 ? 's' : ''} sur ${q.enExercice} en exercice, il en faut au moins ${required}${retired} ; les pouvoirs ne comptent pas (art. ${QUORUM_ARTICLE} CGCT). ` +
        `Le point ne peut pas être délibéré. Le conseil peut être convoqué à nouveau, à ${RECONVOCATION_MIN_DAYS} jours au moins d'intervalle : il délibérera alors sans condition de quorum.`,
  };
}
