/**
 * Reading the counter's requests is journaled (issue 12 follow-up), as opening an act is (actes.ts openActe): the
 * journal names a request by its number, the list by its filter and count — never the requester (RGPD art. 5-1-c).
 */
import type { EcCtx } from './context';
import { demandeRef, listDemandes, readDemande, STATUT_LABELS, type Statut } from './demandes';

/**
 * Reading a request shows the requester's identity and what he asked: the consultation is journaled, as opening
 * an act is (actes.ts openActe), naming the request by its number only — never the requester (RGPD art. 5-1-c).
 */
export function consultDemande(c: EcCtx, id: number) {
  const out = readDemande(c, id);
  c.audit({
    action: 'etat-civil.demande.consultee',
    summary: `Consultation de la ${demandeRef(out)}`,
    objectType: 'ec_demande',
    objectId: id,
  });
  return out;
}

/** The list carries the requesters' names: its reading is journaled too, with the filter and the count only. */
export function consultListe(c: EcCtx, statut: Statut | null, annee: number | null) {
  const out = listDemandes(c, statut, annee);
  const filtre = [statut ? STATUT_LABELS[statut].toLowerCase() : null, annee ? `année ${annee}` : null].filter(Boolean);
  c.audit({
    action: 'etat-civil.demande.liste-consultee',
    summary: `Consultation de la liste des demandes${filtre.length ? ` (${filtre.join(', ')})` : ''} : ${out.length} demande${out.length > 1 ? 's' : ''}`,
    objectType: 'ec_demande',
  });
  return out;
}
