/**
 * The counter's calls to the core (handlers `etatCivil.demande.*`, main/etat-civil/schemas.ts), and the one
 * place where the core's answers are mapped to what the screens show.
 */
import { call } from '../../bridge';
import type { DecisionView } from './decision';
import type { Draft } from './draft';

export type Fichier = { nom: string; mime: string; base64: string };

export interface DemandeRow {
  id: number;
  reference: string;
  recue_le: string;
  canal: string;
  demandeur: string;
  qualite: string;
  acte: string;
  document: string;
  exemplaires: number;
  statut: string;
  attente: string | null;
}

export interface DemandeView {
  id: number;
  reference: string;
  statut: string;
  attente: string | null;
  recue_le: string;
  canal: string;
  demandeur: string;
  adresse: string | null;
  qualite: string;
  acte: { id: number; libelle: string; statut: 'indexe' | 'saisi' } | null;
  description: string;
  document: string;
  exemplaires: number;
  livraison: string;
  decision: DecisionView | null;
  officier: string | null;
  /** granted or overridden, not yet produced */
  peutProduire: boolean;
  /** not yet produced nor refused: may still be changed, overridden, answered */
  modifiable: boolean;
  pieces: { id: number; nature: string; le: string; officier: string | null }[];
}

export interface Compteurs {
  incompletes: number;
  aProduire: number;
  aRemettre: number;
  delivreesCeMois: number;
}

const raw = call as unknown as (name: string, args: unknown) => Promise<unknown>;

export const api = {
  list: async (): Promise<{ rows: DemandeRow[]; compteurs: Compteurs | null }> => (await raw('etatCivil.demande.list', {})) as never,
  get: async (id: number): Promise<DemandeView> => (await raw('etatCivil.demande.get', { demandeId: id })) as never,
  create: async (d: Draft): Promise<number> => ((await raw('etatCivil.demande.create', { demande: d })) as { demandeId: number }).demandeId,
  offer: async (id: number, document: string): Promise<unknown> => raw('etatCivil.demande.update', { demandeId: id, document }),
  override: async (id: number, motif: string): Promise<unknown> => raw('etatCivil.demande.override', { demandeId: id, motif }),
  produce: async (id: number): Promise<Fichier> => (await raw('etatCivil.demande.produce', { demandeId: id })) as Fichier,
  lettreComplement: async (id: number): Promise<Fichier> => (await raw('etatCivil.demande.lettre', { demandeId: id, lettre: 'complement' })) as Fichier,
  lettreRefus: async (id: number): Promise<Fichier> => (await raw('etatCivil.demande.lettre', { demandeId: id, lettre: 'refus' })) as Fichier,
  recepisse: async (id: number): Promise<Fichier> => (await raw('etatCivil.demande.recepisse', { demandeId: id })) as Fichier,
  remise: async (id: number, date: string): Promise<unknown> => raw('etatCivil.demande.remise', { demandeId: id, date }),
};
