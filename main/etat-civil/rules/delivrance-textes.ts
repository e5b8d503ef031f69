/** The French sentences of a decision: why it is granted or refused, and how a refusal may be contested. */
import { DOCUMENT_LABELS, type DemandeDelivrance, type DocumentDemande, type Manquant } from './delivrance';
import type { Communicabilite } from './delivrance-communicabilite';
import type { Droit } from './delivrance-droits';

/** « Copie intégrale accordée », « Extrait sans filiation accordé » */
export const accordeLabel = (doc: DocumentDemande, participe: 'accordé' | 'refusé'): string =>
  `${DOCUMENT_LABELS[doc]} ${participe}${doc === 'copie_integrale' ? 'e' : ''}`;

export function motifAccorde(d: DemandeDelivrance, droit: Extract<Droit, { kind: 'ok' }>): string {
  return `${accordeLabel(d.document, 'accordé')} : ${droit.qui} (${droit.article}).`;
}

export function motifRefus(
  d: DemandeDelivrance,
  droit: Extract<Droit, { kind: 'refuse' }>,
  comm: Communicabilite,
): string {
  const base = `${accordeLabel(d.document, 'refusé')} : ${droit.raison} (${droit.article}).`;
  if (d.document === 'extrait_plurilingue' && comm.communicable) {
    return `${base} L’acte est communicable à toute personne, mais l’extrait plurilingue n’est délivré qu’aux personnes qui ont droit à la copie intégrale (art. 1 de la Convention CIEC n° 16 du 8 septembre 1976).`;
  }
  return comm.depuis ? `${base} ${comm.motif}` : base;
}

/**
 * How to contest a refusal of a copie intégrale or extrait avec filiation. The officier de l'état civil acts
 * under the procureur's control (C. civ. art. 34-1). A person not listed in art. 30 may obtain the copy with
 * the procureur's authorisation (practice sheet ATD31, 2024, reading art. 30 of décret n° 2017-890);
 * // à confirmer: the paragraph of art. 30 giving that authorisation, and the referral to the président du
 * // tribunal judiciaire after the procureur's refusal (ATD31 cites it; its article is not in domain-rules).
 * // à confirmer: the délai of these recours — no text at hand fixes one, so the letter states none.
 */
export const RECOURS_REFUS =
  'Vous pouvez demander l’autorisation d’obtenir ce document au procureur de la République près le tribunal judiciaire, qui contrôle l’état civil (art. 34-1 du code civil ; art. 30 du décret n° 2017-890 du 6 mai 2017). Si le procureur refuse, le président du tribunal judiciaire peut être saisi.';

/** A refusal that is not about the right (no such document for this act, no e-mail delivery). */
export const RECOURS_GENERAL =
  'Cette réponse peut être contestée auprès du procureur de la République près le tribunal judiciaire, qui contrôle l’état civil (art. 34-1 du code civil).';

/** « La demande est incomplète. Il manque : a, b (art. 29 …) ; c (art. 30 …). », grouped by article, with those articles. */
export function motifIncomplet(manquants: readonly Manquant[]): { motif: string; articles: string[] } {
  const byArticle = new Map<string, string[]>();
  for (const m of manquants) {
    const labels = byArticle.get(m.article);
    if (labels) labels.push(m.label);
    else byArticle.set(m.article, [m.label]);
  }
  const parts: string[] = [];
  for (const [a, labels] of byArticle) parts.push(`${labels.join(', ')} (${a})`);
  return { motif: `La demande est incomplète. Il manque : ${parts.join(' ; ')}.`, articles: [...byArticle.keys()] };
}
