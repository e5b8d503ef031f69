/**
 * The decision's input, checked before any rule runs: the core validates the window's values with its
 * schemas, but a date in another format would silently compare wrong as a string (« 23/11/1951 » >
 * « 2026-… ») and open a register early. A value outside the lists is a programming error, never a refusal.
 */
import { CANAUX, DOCUMENTS, LIVRAISONS, QUALITES, type DemandeDelivrance } from './delivrance';
import { KINDS } from './kinds';

const ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Throws a RangeError naming the first value that cannot be decided on. */
export function checkDemande(d: DemandeDelivrance): void {
  const bad = (what: string, v: unknown) => {
    throw new RangeError(`Demande d’acte invalide : ${what} (${JSON.stringify(v)}).`);
  };
  if (!KINDS.includes(d.typeActe)) bad('type d’acte inconnu', d.typeActe);
  if (!DOCUMENTS.includes(d.document)) bad('document inconnu', d.document);
  if (!CANAUX.includes(d.canal)) bad('canal inconnu', d.canal);
  if (!LIVRAISONS.includes(d.livraison)) bad('mode de remise inconnu', d.livraison);
  if (d.demandeur.qualite !== null && !QUALITES.includes(d.demandeur.qualite))
    bad('qualité inconnue', d.demandeur.qualite);
  if (d.demandeur.client?.qualite && !QUALITES.includes(d.demandeur.client.qualite))
    bad('qualité du client inconnue', d.demandeur.client.qualite);
  if (!ISO.test(d.today)) bad('date du jour attendue sous la forme AAAA-MM-JJ', d.today);
  const r = d.registre;
  if (!r) return;
  if (!Number.isInteger(r.registreAnnee) || r.registreAnnee < 1500 || r.registreAnnee > 9999)
    bad('année du registre', r.registreAnnee);
  if (r.registreClosLe != null && !ISO.test(r.registreClosLe))
    bad('date de clôture du registre attendue sous la forme AAAA-MM-JJ', r.registreClosLe);
  if (r.dateDecesTitulaire != null && !ISO.test(r.dateDecesTitulaire))
    bad('date de décès attendue sous la forme AAAA-MM-JJ', r.dateDecesTitulaire);
}
