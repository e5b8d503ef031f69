/**
 * Lettre de demande de complément: what the request lacks, each item with its article (décret n° 2017-890
 * arts. 29, 30), and how to send it back; the request waits, nothing is lost.
 */
import { capitalize } from '../../documents';
import type { Decision } from './rules';
import {
  accordDoc,
  DOCUMENT_ARTICLE,
  lettrePdf,
  pronom,
  rappelDemande,
  type Lettre,
  type LettreContexte,
} from './lettre';

export type DecisionIncomplete = Extract<Decision, { outcome: 'incomplete' }>;

export function lettreComplement(c: LettreContexte, d: DecisionIncomplete): Lettre {
  const items = d.manquants.map((m) => `– ${capitalize(m.label)} (${m.article}).`);
  return {
    titre: 'Demande de complément',
    references: d.articles.join(' ; '),
    paragraphes: [
      rappelDemande(c),
      `Pour pouvoir vous ${pronom(c.document)} délivrer, ${d.manquants.length > 1 ? 'les éléments suivants sont nécessaires' : 'l’élément suivant est nécessaire'} :`,
      ...items,
      ...d.avertissements,
      `Merci de ${d.manquants.length > 1 ? 'nous les adresser' : 'nous l’adresser'} par courrier à l’adresse de la mairie ou de ${d.manquants.length > 1 ? 'les apporter' : 'l’apporter'} au guichet${c.reference ? `, en rappelant le numéro de votre demande (n° ${c.reference})` : ''}. Votre demande est conservée : elle sera traitée dès réception, sans que vous ayez à la refaire.`,
      `Un acte de l’état civil n’est jamais envoyé par courriel : ${DOCUMENT_ARTICLE[c.document]} vous sera ${accordDoc(c.document, 'remis')} au guichet ou ${accordDoc(c.document, 'envoyé')} par la poste (art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1).`,
    ],
  };
}

export const lettreComplementPdf = (c: LettreContexte, d: DecisionIncomplete): Promise<Uint8Array> =>
  lettrePdf(c, lettreComplement(c, d));
