/**
 * Récépissé of a request, printed only when the requester asks for it: a request for a copy or an extract of
 * an état-civil act needs no accusé de réception (CRPA L112-3 and R112-4 2°; domain-rules §3.2), the commune
 * only checking the conditions the décret sets. So the récépissé states receipt and nothing more: no date of
 * implicit decision.
 */
import { dateCourte } from './rules';
import { LIVRAISON_LABELS, type Livraison } from './rules';
import { lettrePdf, rappelDemande, type Lettre, type LettreContexte } from './lettre';

export function recepisseDemande(c: LettreContexte, livraison: Exclude<Livraison, 'courriel'>): Lettre {
  const n = c.nombre ?? 1;
  const remise =
    livraison === 'envoi_postal'
      ? `envoyé par la poste${c.demandeur.adresse?.trim() ? ` à l’adresse : ${c.demandeur.adresse.trim().replace(/\n/g, ', ')}` : ''}`
      : 'remis au guichet de la mairie';
  return {
    titre: 'Récépissé de demande',
    references: 'art. L112-3 et R112-4 2° du code des relations entre le public et l’administration',
    paragraphes: [
      rappelDemande(c),
      `Votre demande a été enregistrée le ${dateCourte(c.recueLe)}${c.reference ? ` sous le n° ${c.reference}` : ''} (${n > 1 ? `${n} exemplaires` : '1 exemplaire'}, ${LIVRAISON_LABELS[livraison].toLowerCase()}). Le document vous sera ${remise}, jamais par courriel (art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1).`,
      'Ce récépissé vous est remis à votre demande. Une demande de copie ou d’extrait d’acte de l’état civil ne donne pas lieu à un accusé de réception : la commune vérifie seulement les conditions fixées par le décret n° 2017-890 du 6 mai 2017 (art. L112-3 et R112-4 2° du code des relations entre le public et l’administration).',
    ],
  };
}

export const recepisseDemandePdf = (
  c: LettreContexte,
  livraison: Exclude<Livraison, 'courriel'>,
): Promise<Uint8Array> => lettrePdf(c, recepisseDemande(c, livraison));
