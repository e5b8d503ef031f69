/** An act as the documents need it: its row, its keyed persons, its mentions with their structured fields. */
import { readIdentity } from '../../commune';
import { getActeRow, type ActeRow } from '../actes';
import type { EcCtx } from '../context';
import { getRegistre, registreLabel } from '../registres';
import type { Autorite, MentionInfo } from './rules';

export interface Personne {
  role: 'titulaire' | 'parent' | 'conjoint' | 'declarant' | 'temoin' | 'auteur';
  rang: number;
  nom: string;
  nom_partie1: string | null;
  nom_partie2: string | null;
  nom_usage: string | null;
  prenoms: string;
  sexe: 'M' | 'F' | null;
  date_naissance: string | null;
  lieu_naissance: string | null;
  profession: string | null;
  domicile: string | null;
}

export interface Mention extends MentionInfo {
  lieu: string | null;
  autorite: Autorite | null;
  appliquee_le: string | null;
  officier: string | null;
}

export interface ActeData {
  acte: ActeRow;
  personnes: Personne[];
  mentions: Mention[];
  commune: { nom: string; code_insee: string; departement: string };
  registre: string | null;
}

interface MentionDbRow {
  id: number;
  nature: string;
  statut: 'brouillon' | 'validee';
  date_evenement: string | null;
  lieu_evenement: string | null;
  donnees: string;
  texte: string;
  appliquee_le: string | null;
  officier: string | null;
}

function parse(donnees: string): {
  autre?: { prenoms: string; nom: string } | null;
  autorite?: Autorite | null;
  objet?: string | null;
} {
  try {
    const v = JSON.parse(donnees) as unknown;
    return v && typeof v === 'object' ? (v as ReturnType<typeof parse>) : {};
  } catch {
    return {}; // an old or hand-made row: the text alone is printed
  }
}

export function loadActe(c: EcCtx, acteId: number): ActeData {
  const acte = getActeRow(c, acteId);
  const personnes = c.db
    .prepare(
      'SELECT role, rang, nom, nom_partie1, nom_partie2, nom_usage, prenoms, sexe, date_naissance, lieu_naissance, profession, domicile FROM ec_personne WHERE acte_id = ? ORDER BY role, rang',
    )
    .all(acteId) as Personne[];
  const rows = c.db
    .prepare(
      'SELECT id, nature, statut, date_evenement, lieu_evenement, donnees, texte, appliquee_le, officier FROM ec_mention WHERE acte_id = ? ORDER BY id',
    )
    .all(acteId) as MentionDbRow[];
  const mentions = rows.map((r): Mention => {
    const d = parse(r.donnees);
    return {
      id: r.id,
      nature: r.nature,
      statut: r.statut,
      date: r.date_evenement,
      lieu: r.lieu_evenement,
      autre: d.autre ?? null,
      autorite: d.autorite ?? null,
      objet: d.objet ?? null,
      texte: r.texte,
      appliquee_le: r.appliquee_le,
      officier: r.officier,
    };
  });
  const id = readIdentity(c.db);
  const registre = acte.registre_id ? registreLabel(getRegistre(c, acte.registre_id)) : null;
  return {
    acte,
    personnes,
    mentions,
    commune: { nom: id.nom, code_insee: id.code_insee, departement: id.departement },
    registre,
  };
}

export const personne = (d: ActeData, role: Personne['role'], rang = 1): Personne | undefined =>
  d.personnes.find((p) => p.role === role && p.rang === rang);
