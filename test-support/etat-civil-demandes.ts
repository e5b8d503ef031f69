/** Fixtures of the counter's tests (issue 12): registers and keyed acts, and requests as the window sends them. */
import type { Client } from '../main/host/inprocess';
import { ok } from './etat-civil-client';

const p = (
  role: 'titulaire' | 'parent' | 'temoin',
  rang: number,
  nom: string,
  prenoms: string,
  more: Record<string, string> = {},
) => ({ role, rang, nom, prenoms, ...more });
const full = (lieu: string, ne: string, profession: string) => ({
  date_naissance: ne,
  lieu_naissance: lieu,
  profession,
  domicile: lieu,
});

export interface Guichet {
  /** Jean Pierre ROUX, born 14/03/1960, keyed, register of 1960 closed on 28/12/1960 */
  pere: number;
  /** Luc GIRARD and Anne PETIT, married 1985, keyed, with a validated divorce mention */
  mariage: number;
  /** an act only indexed (statut 'indexe') of 1970 */
  indexe: number;
}

/** The acts the four scenarios of issue 12 ask for, keyed as the secrétaire would. */
export async function seedGuichet(c: Client): Promise<Guichet> {
  const { registreId } = await ok(
    c.call('etatCivil.saveRegistre', {
      registreId: null,
      registre: { annee: 1960, type: 'naissance', ouvert_le: '1960-01-02', clos_le: '1960-12-28', relie_le: null },
      confirm: true,
    }),
  );
  const acte = {
    type: 'naissance' as const,
    numero: 12,
    date_acte: '1960-03-15',
    nom: 'Roux',
    prenoms: 'Jean Pierre',
    date_evenement: '1960-03-14',
    heure_evenement: '14:30',
    lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
    sexe: 'M' as const,
    registre_id: registreId,
    page: 4,
  };
  const pere = (await ok(c.call('etatCivil.createActe', { acte }))).acteId;
  await ok(
    c.call('etatCivil.saisir', {
      acteId: pere,
      acte,
      terminer: true,
      personnes: [
        p('titulaire', 1, 'Roux', 'Jean Pierre', { sexe: 'M' }),
        p('parent', 1, 'Roux', 'Marcel', full('Gien (Loiret)', '1930-05-02', 'menuisier')),
        p('parent', 2, 'Blanc', 'Odette', full('Orléans (Loiret)', '1932-07-19', 'couturière')),
      ],
    }),
  );

  const m = {
    type: 'mariage' as const,
    numero: 5,
    date_acte: '1985-06-15',
    nom: 'Girard',
    prenoms: 'Luc',
    nom_conjoint: 'Petit',
    prenoms_conjoint: 'Anne',
    date_evenement: '1985-06-15',
    lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
  };
  const mariage = (await ok(c.call('etatCivil.createActe', { acte: m }))).acteId;
  await ok(
    c.call('etatCivil.saisir', {
      acteId: mariage,
      acte: m,
      terminer: true,
      personnes: [
        p('titulaire', 1, 'Girard', 'Luc', { sexe: 'M', ...full('Gien (Loiret)', '1960-01-10', 'boulanger') }),
        p('titulaire', 2, 'Petit', 'Anne', { sexe: 'F', ...full('Orléans (Loiret)', '1962-09-03', 'institutrice') }),
        p('temoin', 1, 'Durand', 'Paul', { profession: 'agriculteur', domicile: 'Gien (Loiret)' }),
        p('temoin', 2, 'Morel', 'Claire', { profession: 'commerçante', domicile: 'Orléans (Loiret)' }),
      ],
    }),
  );
  const { mentionId } = await ok(
    c.call('etatCivil.saveMention', {
      acteId: mariage,
      mentionId: null,
      mention: {
        nature: 'divorce',
        date: '1999-02-11',
        autre: { prenoms: 'Anne', nom: 'Petit' },
        autorite: { kind: 'tribunal', nom: 'tribunal de grande instance d’Orléans' },
      },
    }),
  );
  await ok(c.call('etatCivil.validateMention', { mentionId }));

  const indexe = (
    await ok(
      c.call('etatCivil.createActe', {
        acte: {
          type: 'naissance',
          numero: 3,
          date_acte: '1970-02-02',
          nom: 'Roux',
          prenoms: 'Sophie',
          date_evenement: '1970-02-01',
          lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
          sexe: 'F',
        },
      }),
    )
  ).acteId;
  return { pere, mariage, indexe };
}

/** What the requester wrote about the person: complete for a birth (art. 30), unless told otherwise. */
export const renseignementsPere = {
  nom: 'Roux',
  prenoms: 'Jean Pierre',
  dateNaissance: '1960-03-14',
  lieuNaissance: 'Saint-Benoît-sur-Loire',
  parent1Nom: 'Roux',
  parent1Prenoms: 'Marcel',
  parent2Nom: 'Blanc',
  parent2Prenoms: 'Odette',
};

type Qualite = 'personne_elle_meme' | 'descendant' | 'tiers' | 'ascendant' | 'mandataire' | 'avocat' | 'conjoint';
/** A request as the « Nouvelle demande » form sends it. */
export function demande(acteId: number, qualite: Qualite, over: Record<string, unknown> = {}) {
  return {
    canal: 'guichet' as const,
    recueLe: '2026-11-23',
    acteId,
    acteType: 'naissance' as const,
    demandeur: {
      nom: 'Roux',
      prenoms: 'Thomas',
      civilite: 'M.' as const,
      adresse: '3 rue des Tilleuls, 45730 Saint-Benoît-sur-Loire',
      qualite,
    },
    renseignements: renseignementsPere,
    document: 'copie_integrale' as const,
    exemplaires: 1,
    livraison: 'remise_guichet' as const,
    ...over,
  };
}
