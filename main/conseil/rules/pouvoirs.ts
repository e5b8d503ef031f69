/**
 * Pouvoirs (CGCT L2121-20 al. 1): a member who cannot attend may give a written proxy to a colleague of his
 * choice; a member may hold only one proxy; a proxy is valid for at most three consecutive séances, except
 * for duly established illness. A proxy adds to the votants, never to the présents (L2121-17).
 */
export const POUVOIR_ARTICLE = 'L2121-20';
export const MAX_SEANCES_CONSECUTIVES = 3;

export type Presence = 'present' | 'absent' | 'excuse' | 'represente';

export interface PouvoirRequest {
  mandant: { id: number; nom: string };
  mandataire: { id: number; nom: string };
  /** séances the written proxy covers, as indexes in the council's chronological list of séances */
  seances: number[];
  maladie?: boolean;
}

export interface PouvoirContext {
  /** presence of each élu at the séance concerned (before this proxy) */
  presence: (eluId: number) => Presence | undefined;
  /** who already holds a proxy at this séance (mandataire id → mandant name) */
  heldBy: (eluId: number) => string | undefined;
  /** has the mandant already given a proxy for this séance? */
  alreadyGiven: (eluId: number) => boolean;
}

/** Returns the French refusal, with its article, or null when the proxy is valid. */
export function checkPouvoir(p: PouvoirRequest, ctx: PouvoirContext): string | null {
  const art = `art. ${POUVOIR_ARTICLE} CGCT`;
  if (p.mandant.id === p.mandataire.id) return `${p.mandant.nom} ne peut pas se donner pouvoir à lui-même (${art}).`;
  if (ctx.presence(p.mandant.id) === 'present')
    return `${p.mandant.nom} est présent : un pouvoir ne sert qu'à un élu empêché d'assister à la séance (${art}).`;
  if (ctx.alreadyGiven(p.mandant.id)) return `${p.mandant.nom} a déjà donné un pouvoir pour cette séance (${art}).`;
  if (ctx.presence(p.mandataire.id) !== 'present')
    return `${p.mandataire.nom} n'est pas présent : un pouvoir ne peut être donné qu'à un collègue présent qui votera pour le mandant (${art}).`;
  const held = ctx.heldBy(p.mandataire.id);
  if (held)
    return `${art} : ${p.mandataire.nom} porte déjà un pouvoir (celui de ${held}) ; un élu ne peut en détenir qu'un seul.`;
  const sorted = [...new Set(p.seances)].sort((a, b) => a - b);
  if (sorted.length === 0) return `Le pouvoir doit désigner la ou les séances qu'il couvre (${art}).`;
  const consecutive = sorted.every((s, i) => i === 0 || s === (sorted[i - 1] ?? s) + 1);
  if (!consecutive)
    return `Un même pouvoir ne peut couvrir que des séances consécutives (${art}) ; établissez un pouvoir par séance.`;
  if (sorted.length > MAX_SEANCES_CONSECUTIVES && !p.maladie)
    return `${art} : sauf maladie dûment constatée, un pouvoir n'est valable que pour trois séances consécutives au plus (celui-ci en couvre ${sorted.length}).`;
  return null;
}
