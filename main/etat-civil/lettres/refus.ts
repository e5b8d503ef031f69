/**
 * Lettre de refus: the reason and its article as the decision gives them, what may be obtained instead, and
 * how to contest (CRPA L212-1: signed, with the signatory's name and quality, printed by lettrePdf).
 */
import { capitalize } from '../../documents';
import { ARTICLE_LIVRAISON, type Decision } from './rules';
import {
  accordDoc,
  DOCUMENT_ARTICLE,
  lettrePdf,
  pronom,
  rappelDemande,
  type Lettre,
  type LettreContexte,
} from './lettre';

export type DecisionRefus = Extract<Decision, { outcome: 'refused' }>;

export function lettreRefus(c: LettreContexte, d: DecisionRefus): Lettre {
  const offres = d.proposer.map((p) => `– ${p.texte}`);
  // refused only because an e-mail delivery was asked: the document itself may be had, by hand or by post
  const parCourriel = d.articles.includes(ARTICLE_LIVRAISON);
  return {
    titre: 'Refus de délivrance',
    references: d.articles.join(' ; '),
    paragraphes: [
      rappelDemande(c),
      parCourriel
        ? 'Je ne peux pas vous l’envoyer par courriel, pour le motif suivant.'
        : `Je ne peux pas vous ${pronom(c.document)} délivrer, pour le motif suivant.`,
      d.motif,
      ...d.avertissements,
      ...(offres.length
        ? [
            `Vous pouvez en revanche obtenir, pour cet acte :`,
            ...offres,
            'Il vous suffit de nous le demander, au guichet ou par courrier.',
          ]
        : []),
      `Voies de recours. ${d.recours}`,
      ...(parCourriel
        ? []
        : [
            `${capitalize(DOCUMENT_ARTICLE[c.document])} ne peut jamais être ${accordDoc(c.document, 'envoyé')} par courriel (art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1).`,
          ]),
    ],
  };
}

export const lettreRefusPdf = (c: LettreContexte, d: DecisionRefus): Promise<Uint8Array> =>
  lettrePdf(c, lettreRefus(c, d));
