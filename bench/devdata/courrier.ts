/**
 * Registre du courrier: arrivals and departures, numbered from 1 per year and direction in the order they
 * were registered. Channels follow the years: e-mail from the late 1990s, the préfecture's platform from
 * 2008, saisine par voie électronique (SVE) from 7 November 2015 (ordonnance n° 2014-1330).
 */
import type { Db } from '../../main/db/sqlite';
import { dayOfYmd, frenchDate, isoDay } from './days';
import { adresse, nom, personne, prenom } from './names';
import { allocate, type Rng } from './random';
import { batchWriter, dayIn, type Year } from './period';

type Sens = 'arrivee' | 'depart';
type Canal = 'papier' | 'courriel' | 'sve' | 'prefecture';
/** (rng, year, day of the courrier) → text */
type Text = (rng: Rng, year: number, day: number) => string;

interface Category {
  name: string;
  weight: number;
  correspondant: Text;
  arrivee: readonly Text[];
  depart: readonly Text[];
}

const n = (rng: Rng, max: number) => String(rng.int(1, max));
const parcelle = (rng: Rng) => `${rng.pick(['ZB', 'ZC', 'AB', 'AC', 'YD', 'B'])} ${rng.int(1, 420)}`;
const fixed =
  (s: string): Text =>
  () =>
    s;

const artisan = (r: Rng) =>
  r.pick([`SARL ${nom(r)} Bâtiment`, `Entreprise ${nom(r)} TP`, `EURL ${nom(r)} Électricité`, `${nom(r)} Paysages`]);
const notaire = (r: Rng) => `Office notarial de Maître ${prenom(r, r.chance(0.5) ? 'F' : 'M', 0.4)} ${nom(r)}`;
const delib = (r: Rng, y: number) => `${y}_${n(r, 110).padStart(3, '0')}`;

/** Who writes to the mairie (and to whom it writes), each with what it typically writes about. */
const CATEGORIES: readonly Category[] = [
  {
    name: 'prefecture',
    weight: 9,
    correspondant: (r) =>
      r.weighted([
        ['Préfecture du Loiret', 6],
        ['Sous-préfecture de Pithiviers', 3],
        ['Sous-préfecture de Montargis', 1],
      ] as const),
    arrivee: [
      (r, y) => `Contrôle de légalité : lettre d'observations sur la délibération n° ${delib(r, y)}`,
      (_r, y) => `Notification de la dotation globale de fonctionnement ${y}`,
      (_r, y) => `Dotation d'équipement des territoires ruraux (DETR) ${y} : demande de pièces complémentaires`,
      (r) =>
        `Arrêté préfectoral portant ${r.pick(['restriction des usages de l’eau', 'mesures de prévention des incendies', 'composition de la commission de contrôle des listes électorales'])}`,
      (r) =>
        `Circulaire relative ${r.pick(['à l’organisation des élections', 'au recensement de la population', 'à la sécurité des manifestations', 'au plan communal de sauvegarde'])}`,
      (r, y) => `Accusé de réception de la délibération n° ${delib(r, y)}`,
    ],
    depart: [
      (r, y) => `Transmission de la délibération n° ${delib(r, y)} au contrôle de légalité`,
      (r, y) =>
        `Demande de DETR ${y} : ${r.pick(['réfection de la toiture de l’école', 'rénovation énergétique de la mairie', 'aménagement du centre-bourg'])}`,
      fixed('Réponse à la lettre d’observations du contrôle de légalité'),
      fixed('Procès-verbal de l’élection du maire et des adjoints'),
    ],
  },
  {
    name: 'sdis',
    weight: 2,
    correspondant: fixed('SDIS du Loiret'),
    arrivee: [
      (_r, y) => `Contribution communale au SDIS pour ${y}`,
      fixed('Rapport de contrôle des poteaux d’incendie'),
      fixed('Visite de sécurité de la salle polyvalente : procès-verbal'),
    ],
    depart: [
      fixed('Demande de visite de la commission de sécurité'),
      fixed('Réponse sur la défense extérieure contre l’incendie'),
    ],
  },
  {
    name: 'departement',
    weight: 3,
    correspondant: (r) => r.pick(['Conseil départemental du Loiret', 'Région Centre-Val de Loire']),
    arrivee: [
      (r) => `Travaux sur la RD ${r.int(2, 960)} : demande d’arrêté de circulation`,
      (_r, y) => `Aide aux communes rurales ${y} : notification de subvention`,
    ],
    depart: [
      (r) =>
        `Demande de subvention au titre de l’aide aux communes rurales : ${r.pick(['voirie communale', 'salle polyvalente', 'cimetière', 'accessibilité de la mairie'])}`,
    ],
  },
  {
    name: 'finances',
    weight: 4,
    correspondant: (r) => r.pick(['Service de gestion comptable de Gien', 'DDFiP du Loiret']),
    arrivee: [
      (_r, y) => `Compte de gestion ${y - 1}`,
      (r) => `Rejet du mandat n° ${n(r, 900)} : pièce justificative manquante`,
      (_r, y) => `État de notification des bases d’imposition ${y}`,
    ],
    depart: [(_r, y) => `Budget primitif ${y} et annexes`, fixed('Demande d’admission en non-valeur')],
  },
  {
    name: 'etat',
    weight: 5,
    correspondant: (r) =>
      r.pick([
        'Communauté de communes du Val de Sully',
        'INSEE — direction régionale Centre-Val de Loire',
        'Inspection de l’Éducation nationale — circonscription de Gien',
        'Tribunal judiciaire d’Orléans',
        'Agence régionale de santé Centre-Val de Loire',
      ]),
    arrivee: [
      fixed('Convocation au conseil communautaire'),
      fixed('Avis de mention à porter en marge d’un acte de l’état civil'),
      (_r, y) => `Carte scolaire de la rentrée ${y}`,
      fixed('Résultats du contrôle sanitaire de l’eau potable'),
    ],
    depart: [
      fixed('Envoi de l’avis de mention pour mise à jour de l’acte'),
      fixed('Bulletins statistiques d’état civil'),
      fixed('Effectifs prévisionnels de l’école'),
    ],
  },
  {
    name: 'particulier',
    weight: 40,
    correspondant: (r) => personne(r),
    arrivee: [
      (r) => `Demande de copie intégrale d'acte de ${r.pick(['naissance', 'mariage', 'décès'])}`,
      (r) => `Demande d'extrait d'acte de ${r.pick(['naissance', 'mariage'])} avec filiation`,
      (r, _y, d) => `Demande de location de la salle des fêtes le ${frenchDate(d + r.int(10, 150))}`,
      (r) => `Réclamation relative à l'éclairage public, ${adresse(r)}`,
      (r) => `Déclaration préalable de travaux, ${adresse(r)}`,
      (r) => `Demande de certificat d’urbanisme, parcelle ${parcelle(r)}`,
      fixed('Demande d’inscription sur la liste électorale'),
      fixed('Plainte pour nuisances sonores'),
      fixed('Demande de concession au cimetière communal'),
      (r) => `Demande d’autorisation d’occupation du domaine public, ${adresse(r)}`,
    ],
    depart: [
      (r) => `Envoi d'une copie d'acte de ${r.pick(['naissance', 'mariage', 'décès'])}`,
      fixed('Réponse à votre réclamation'),
      fixed('Accusé de réception de votre demande'),
      fixed('Arrêté de non-opposition à déclaration préalable'),
      fixed('Attestation d’accueil visée'),
      fixed('Titre de concession funéraire'),
    ],
  },
  {
    name: 'reseaux',
    weight: 5,
    correspondant: (r) => r.pick(['Enedis', 'Orange', 'Veolia Eau', 'GRDF', 'La Poste']),
    arrivee: [
      (r) => `Avis de coupure pour travaux, ${adresse(r)}`,
      (r) => `Facture n° F-${n(r, 99999)}`,
      (r) => `Demande de permission de voirie, ${adresse(r)}`,
    ],
    depart: [(r) => `Permission de voirie, ${adresse(r)}`, fixed('Signalement d’un poteau endommagé')],
  },
  {
    name: 'assurance',
    weight: 2,
    correspondant: (r) => r.pick(['SMACL Assurances', 'Groupama Centre-Manche']),
    arrivee: [
      (_r, y) => `Avis d’échéance ${y}`,
      fixed('Attestation d’assurance responsabilité civile'),
      fixed('Proposition d’indemnisation'),
    ],
    depart: [fixed('Déclaration de sinistre'), fixed('Renvoi du contrat signé')],
  },
  {
    name: 'artisan',
    weight: 8,
    correspondant: artisan,
    arrivee: [
      (r) =>
        `Devis n° ${n(r, 9000)} : ${r.pick(['réfection de la voirie', 'élagage des platanes', 'remplacement de la chaudière de l’école', 'entretien des espaces verts'])}`,
      (r) => `Facture n° ${n(r, 99999)}`,
      fixed('Offre pour la consultation de travaux'),
    ],
    depart: [
      (r) => `Bon de commande n° ${n(r, 900)}`,
      fixed('Notification d’attribution du marché'),
      fixed('Ordre de service n° 1'),
    ],
  },
  {
    name: 'notaire',
    weight: 4,
    correspondant: notaire,
    arrivee: [
      (r) => `Déclaration d’intention d’aliéner, parcelle ${parcelle(r)}`,
      (r) => `Demande de renseignements d’urbanisme, parcelle ${parcelle(r)}`,
      fixed('Avis de mention de divorce'),
    ],
    depart: [fixed('Renonciation au droit de préemption urbain'), fixed('Certificat d’urbanisme d’information')],
  },
  {
    name: 'association',
    weight: 8,
    correspondant: (r) =>
      r.pick([
        'Comité des fêtes',
        'Amicale des sapeurs-pompiers',
        'Union sportive de Sainte-Cécile',
        'Club des aînés « Les Tilleuls »',
        'Société de chasse',
        'Association des parents d’élèves',
        'Les Amis de l’Abbaye',
      ]),
    arrivee: [
      (_r, y) => `Demande de subvention ${y}`,
      (r, _y, d) => `Demande de prêt de matériel pour la manifestation du ${frenchDate(d + r.int(15, 90))}`,
      (_r, y) => `Compte rendu de l’assemblée générale ${y}`,
    ],
    depart: [
      (_r, y) => `Notification de la subvention ${y}`,
      fixed('Autorisation d’ouverture d’un débit de boissons temporaire'),
    ],
  },
];

const SVE_START = dayOfYmd(2015, 11, 7);
const PLATEFORME_START = dayOfYmd(2008, 1, 1);

function canalOf(rng: Rng, cat: string, sens: Sens, year: number, day: number): Canal {
  if (cat === 'prefecture' && day >= PLATEFORME_START && rng.chance(0.6)) return 'prefecture';
  if (cat === 'particulier' && sens === 'arrivee' && day >= SVE_START && rng.chance(0.18)) return 'sve';
  const courriel = year < 1998 ? 0 : Math.min(0.65, (year - 1997) * 0.03);
  return rng.chance(courriel) ? 'courriel' : 'papier';
}

interface Draft {
  sens: Sens;
  day: number;
}

export function generateCourriers(db: Db, rng: Rng, total: number, years: readonly Year[]): Record<Sens, number> {
  const w = batchWriter(
    db,
    `INSERT INTO courrier (sens, annee, numero, date_courrier, date_enregistrement, correspondant, objet, canal, nature, statut, classement, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts: Record<Sens, number> = { arrivee: 0, depart: 0 };
  const weights = CATEGORIES.map((c) => [c, c.weight] as const);
  const perYear = allocate(
    total,
    years.map((y) => y.weight),
  );
  const lastDay = Math.max(...years.map((y) => y.last));
  years.forEach((y, i) => {
    const drafts: Draft[] = [];
    for (let k = 0; k < (perYear[i] ?? 0); k++) {
      drafts.push({ sens: rng.chance(0.6) ? 'arrivee' : 'depart', day: dayIn(y, rng.int(y.first, y.last)) });
    }
    drafts.sort((a, b) => a.day - b.day);
    const numero: Record<Sens, number> = { arrivee: 0, depart: 0 };
    for (const d of drafts) {
      numero[d.sens]++;
      counts[d.sens]++;
      const cat = rng.weighted(weights);
      const canal = canalOf(rng, cat.name, d.sens, y.year, d.day);
      // A letter is dated a few days before it arrives; what we send is dated the day it is registered.
      const written = d.sens === 'depart' ? d.day : d.day - (canal === 'papier' ? rng.int(1, 8) : rng.int(0, 1));
      const objet = rng.pick(d.sens === 'arrivee' ? cat.arrivee : cat.depart)(rng, y.year, d.day);
      // Older mail is filed; the last weeks' arrivées are still being handled, most of them already classified.
      const recent = d.sens === 'arrivee' && d.day >= lastDay - 45;
      const statut = recent
        ? rng.weighted([
            ['a_traiter', 3],
            ['en_cours', 5],
            ['repondu', 2],
          ] as const)
        : 'classe';
      const classement =
        d.sens === 'depart'
          ? null
          : objet.startsWith('Demande de copie') || objet.startsWith("Demande d'extrait")
            ? 'verification'
            : objet.startsWith('Réclamation') || objet.startsWith('Plainte')
              ? 'reclamation'
              : objet.startsWith('Demande')
                ? 'demande'
                : 'information';
      w.add([
        d.sens,
        y.year,
        numero[d.sens],
        isoDay(written),
        isoDay(d.day),
        cat.correspondant(rng, y.year, d.day),
        objet,
        canal === 'courriel' ? 'courriel' : canal,
        canal === 'papier' ? 'lettre' : canal,
        statut,
        recent && statut === 'a_traiter' ? null : classement,
        `${isoDay(d.day)}T09:00:00.000Z`,
      ]);
    }
  });
  w.end();
  return counts;
}
