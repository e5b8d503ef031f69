/**
 * French names and places for development data, accents and all: the registers must be searchable and
 * printable with « Lefèvre », « Gaëlle », « Le Gall », « N'Diaye » and double names, not only ASCII.
 */
import type { Rng } from './random';

export const NOMS = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Masson', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Roger', 'Roche',
  'Noël', 'Meunier', 'Pérez', 'Marchand', 'Dufour', 'Blanchard', 'Barbier', 'Brun', 'Dumas', 'Brunet',
  'Leroux', 'Colin', 'Renard', 'Arnaud', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Bourgeois', 'Lemoine',
  'Picard', 'Gaillard', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier', 'Hubert', 'Rivière', 'Ménard', 'Bénard',
  'Hébert', 'Béranger', 'Lévêque', 'Pelletier', 'Prévost', 'Thibault', 'Lecomte', 'Géraud', 'Chénier', 'Josserand',
  'Le Gall', 'Le Goff', 'Le Bihan', 'Le Roux', 'Da Silva', 'Da Costa', 'De Sousa', 'N\'Diaye', 'Diallo', 'Benali',
  'Delaunay', 'Desmoulins', 'Després', 'Lhuillier', 'Bézier', 'Crémieux', 'Mérel', 'Pinçon', 'Forêt', 'Bâton',
];

const F_ANCIENS = [
  'Marie', 'Jeanne', 'Françoise', 'Monique', 'Thérèse', 'Geneviève', 'Odile', 'Josiane', 'Colette', 'Hélène',
  'Jacqueline', 'Simone', 'Madeleine', 'Renée', 'Andrée', 'Agnès', 'Bernadette', 'Mireille', 'Éliane', 'Ghislaine',
  'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Christine', 'Valérie', 'Véronique', 'Brigitte', 'Martine', 'Cécile',
];
const F_RECENTS = [
  'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Jade', 'Louise', 'Zoé', 'Éloïse', 'Gaëlle', 'Maëlle', 'Noémie',
  'Anaïs', 'Clémence', 'Mélanie', 'Océane', 'Maëva', 'Héloïse', 'Léonie', 'Joséphine', 'Anaëlle', 'Élodie',
  'Aurélie', 'Émilie', 'Céline', 'Camille', 'Julie', 'Stéphanie', 'Sandrine', 'Alice', 'Rose', 'Chloë',
];
const M_ANCIENS = [
  'Jean', 'Pierre', 'Michel', 'André', 'René', 'Gérard', 'Jacques', 'Marcel', 'Roger', 'Bernard',
  'Philippe', 'Alain', 'Patrick', 'Daniel', 'Hervé', 'Joël', 'Thierry', 'Éric', 'Jean-Claude', 'Jean-François',
  'François', 'Noël', 'Benoît', 'Gilbert', 'Raymond', 'Lucien', 'Émile', 'Frédéric', 'Stéphane', 'Christophe',
];
const M_RECENTS = [
  'Mathéo', 'Théo', 'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Raphaël', 'Léo', 'Nathan', 'Enzo', 'Maël', 'Noé',
  'Timothée', 'Clément', 'Jérémy', 'Grégoire', 'Aurélien', 'Rémi', 'Cédric', 'Loïc', 'Jérôme', 'Sébastien',
  'Gaël', 'Élie', 'Aloïs', 'Benoît', 'Anaël', 'Côme', 'Nicolas', 'Adrien', 'Mathis', 'Évan',
];

export type Sexe = 'F' | 'M';
/** `recent` is the share of the « young » first names, depending on when the person was born. */
export function prenom(rng: Rng, sexe: Sexe, recent: number): string {
  const young = rng.chance(recent);
  if (sexe === 'F') return rng.pick(young ? F_RECENTS : F_ANCIENS);
  return rng.pick(young ? M_RECENTS : M_ANCIENS);
}

/** « Léa, Marie, Cécile »: one to three distinct first names, as written in the registers. */
export function prenoms(rng: Rng, sexe: Sexe, recent: number): string {
  const n = rng.weighted([[1, 30], [2, 45], [3, 25]] as const);
  const out: string[] = [];
  for (let guard = 0; out.length < n && guard < 10; guard++) {
    const p = prenom(rng, sexe, out.length === 0 ? recent : recent / 2);
    if (!out.includes(p)) out.push(p);
  }
  return out.join(', ');
}

/** A family name; about one in twenty is a double name (« Martin-Lefèvre »). */
export function nom(rng: Rng): string {
  const a = rng.pick(NOMS);
  if (!rng.chance(0.05)) return a;
  const b = rng.pick(NOMS);
  return b === a || b.includes(' ') || a.includes(' ') ? a : `${a}-${b}`;
}

export const sexe = (rng: Rng): Sexe => (rng.chance(0.5) ? 'F' : 'M');

/** « Mme Cécile Lefèvre » */
export function personne(rng: Rng): string {
  const s = sexe(rng);
  if (rng.chance(0.08)) return `M. et Mme ${nom(rng)}`;
  return `${s === 'F' ? 'Mme' : 'M.'} ${prenom(rng, s, 0.4)} ${nom(rng)}`;
}

export const RUES = [
  'rue de la Loire', 'rue des Écoles', "place de l'Église", 'chemin des Prés', "rue Jeanne-d'Arc",
  'allée des Châtaigniers', "route d'Orléans", 'rue du Général-de-Gaulle', 'impasse des Mûriers', "rue de l'Abbaye",
  'quai de Loire', 'rue Saint-Martin', 'rue des Vignes', 'chemin de la Sablière', 'rue du Château-d’Eau',
  'rue de la Forêt', 'place du Marché', 'rue Victor-Hugo', 'rue des Fossés', 'allée des Peupliers',
];

export const adresse = (rng: Rng): string => `${rng.int(1, 48)}${rng.chance(0.05) ? ' bis' : ''} ${rng.pick(RUES)}`;

export const ETABLISSEMENTS = ['EHPAD Les Tilleuls', 'centre hospitalier', 'maison de retraite Sainte-Anne', 'clinique du Val de Loire'];
