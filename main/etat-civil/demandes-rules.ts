/**
 * The bridge between a stored request and the pure rule « who may obtain what » (rules/delivrance.ts,
 * décret 2017-890 arts. 29-33, Code du patrimoine L213-2): plain values in, the decision out.
 */
import type { DemandeRow } from './demandes';
import type { DemandeInput } from './demandes-schemas';
import { decideDelivrance, MOTIF_COURRIEL, type Decision } from './rules/delivrance';

export type { Decision };

/** The act as the registers know it: its register's year and closing date, and a death known of its titulaire. */
export interface ActeFacts {
  registreAnnee: number;
  registreClosLe: string | null;
  dateDecesTitulaire: string | null;
}

/** The decision for this stored request on `today`'s facts. */
export function decisionFor(d: DemandeRow, acte: ActeFacts | null, today: string): Decision {
  const dem = JSON.parse(d.justificatifs) as Omit<DemandeInput['demandeur'], 'nom' | 'prenoms' | 'adresse' | 'qualite'>;
  const { decesConnuLe: _reported, ...renseignements } = JSON.parse(d.renseignements) as DemandeInput['renseignements'];
  return decideDelivrance({
    canal: d.canal,
    typeActe: d.acte_type,
    document: d.document,
    livraison: d.livraison,
    demandeur: { ...dem, qualite: d.qualite, adressePostale: d.demandeur_adresse },
    acte: renseignements,
    registre: acte,
    today,
  });
}

/** Why nothing is ever delivered by e-mail (art. 27; IGREC n° 72-1), as the rule words it. */
export const refusCourriel = () => MOTIF_COURRIEL;
