/**
 * Plain values for the letters of lettres/: the commune, the requester, the act as the request describes it,
 * the decision as kept, the date and the signatory. Only this file knows the letters' signatures.
 */
import { AppError } from '../kernel';
import { readIdentity } from '../commune';
import type { EcCtx } from './context';
import type { DemandeRow } from './demandes';
import type { DemandeInput } from './demandes-schemas';
import { lettreComplementPdf, lettreRefusPdf, recepisseDemandePdf, type LettreContexte } from './lettres';
import type { Decision } from './rules/delivrance';

export type LettreKind = 'complement' | 'refus' | 'recepisse';
export interface Signataire {
  nom: string;
  qualite: string;
}

function contexte(c: EcCtx, d: DemandeRow, signataire: Signataire): LettreContexte {
  const id = readIdentity(c.db);
  const { decesConnuLe: _d, ...acte } = JSON.parse(d.renseignements) as DemandeInput['renseignements'];
  const { civilite } = JSON.parse(d.justificatifs) as { civilite?: 'M.' | 'Mme' | null };
  return {
    commune: { nom: id.nom, adresse: id.adresse, codePostal: id.code_postal, telephone: id.telephone, email: id.email },
    demandeur: {
      civilite: civilite ?? null,
      nom: d.demandeur_nom,
      prenoms: d.demandeur_prenoms,
      adresse: d.demandeur_adresse,
    },
    typeActe: d.acte_type,
    acte,
    document: d.document,
    nombre: d.exemplaires,
    canal: d.canal,
    recueLe: d.recue_le,
    complementRecuLe: d.complement_recu_le,
    reference: `${d.annee}-${d.numero}`,
    date: c.today,
    officier: signataire,
  };
}

export async function renderLettre(
  c: EcCtx,
  d: DemandeRow,
  kind: LettreKind,
  signataire: Signataire,
): Promise<Uint8Array> {
  const ctx = contexte(c, d, signataire);
  const decision = JSON.parse(d.decision ?? 'null') as Decision | null;
  if (kind === 'recepisse') {
    // a request for e-mail delivery gets a receipt saying it will be posted (never e-mailed: IGREC n° 72-1)
    return recepisseDemandePdf(ctx, d.livraison === 'remise_guichet' ? 'remise_guichet' : 'envoi_postal');
  }
  if (kind === 'complement' && decision?.outcome === 'incomplete') return lettreComplementPdf(ctx, decision);
  if (kind === 'refus' && decision?.outcome === 'refused') return lettreRefusPdf(ctx, decision);
  throw new AppError('RULE', 'La décision enregistrée ne correspond pas à cette lettre : calculez-la de nouveau.');
}
