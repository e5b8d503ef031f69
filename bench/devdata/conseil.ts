/**
 * Séances of the conseil municipal and their délibérations. About ten séances a year (CGCT L2121-7: at
 * least once a quarter), none in August. Délibérations are numbered per year, « 2024_017 »: the ACTES
 * « numéro interne » allows only capitals, digits and « _ », 15 characters at most, so no « - » or « / ».
 */
import type { Db } from '../../main/db/sqlite';
import { isoAt, isoDay, monthOf, weekdayOf } from './days';
import { adresse } from './names';
import { allocate, type Rng } from './random';
import { batchWriter, type Year } from './period';

/** ACTES numéro interne (cahier des charges de la télétransmission, champ NumeroInterne). */
export const NUMERO_INTERNE = /^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/;
export const EFFECTIF_CONSEIL = 15; // communes of 1 000 to 1 499 inhabitants (CGCT L2121-2)

type Objet = (rng: Rng, year: number) => string;
const fixed =
  (s: string): Objet =>
  () =>
    s;
const parcelle = (rng: Rng) => `${rng.pick(['ZB', 'ZC', 'AB', 'AC', 'YD'])} ${rng.int(1, 420)}`;

/** Codes of the ACTES classification (nomenclature « matières ») with a few typical objets each. */
const MATIERES: readonly (readonly [string, number, readonly Objet[]])[] = [
  [
    '1.1',
    5,
    [
      (r) =>
        `Attribution du marché de travaux : ${r.pick(['réfection de la rue des Écoles', 'extension du cimetière', 'rénovation de la salle polyvalente'])}`,
      fixed('Avenant n° 1 au marché de maîtrise d’œuvre'),
    ],
  ],
  [
    '1.4',
    5,
    [
      fixed('Convention de mise à disposition du service instructeur des autorisations d’urbanisme'),
      fixed('Contrat de fourniture de repas pour la cantine scolaire'),
    ],
  ],
  [
    '2.1',
    3,
    [
      fixed('Approbation de la modification simplifiée du plan local d’urbanisme'),
      fixed('Prescription de la révision du plan local d’urbanisme'),
    ],
  ],
  [
    '3.1',
    5,
    [
      (r) => `Acquisition de la parcelle cadastrée ${parcelle(r)}`,
      fixed('Acquisition amiable d’un terrain pour l’extension de l’école'),
    ],
  ],
  [
    '3.2',
    3,
    [(r) => `Cession de la parcelle cadastrée ${parcelle(r)}`, fixed('Déclassement et aliénation d’un chemin rural')],
  ],
  ['3.3', 4, [(r) => `Bail du logement communal, ${adresse(r)}`, fixed('Tarifs de location de la salle des fêtes')]],
  [
    '4.1',
    6,
    [
      (r) =>
        `Création d’un poste ${r.pick(['d’adjoint technique territorial', 'd’adjoint administratif territorial', 'd’ATSEM principal de 2e classe'])}`,
      fixed('Mise à jour du tableau des effectifs'),
      fixed('Régime indemnitaire (RIFSEEP)'),
    ],
  ],
  ['4.2', 3, [fixed('Recrutement d’un agent contractuel pour accroissement temporaire d’activité')]],
  [
    '5.3',
    6,
    [
      (r) =>
        `Désignation des délégués au ${r.pick(['syndicat des eaux', 'SIVOS', 'syndicat d’énergie du Loiret', 'comité national d’action sociale'])}`,
      fixed('Désignation du correspondant défense'),
    ],
  ],
  [
    '5.7',
    4,
    [
      (_r, y) => `Rapport de la commission locale d’évaluation des charges transférées ${y}`,
      fixed('Modification des statuts de la communauté de communes'),
    ],
  ],
  [
    '7.1',
    16,
    [
      (_r, y) => `Budget primitif ${y}`,
      (_r, y) => `Compte administratif ${y - 1}`,
      (_r, y) => `Compte de gestion ${y - 1}`,
      (r) => `Décision modificative n° ${r.int(1, 4)}`,
      (_r, y) => `Affectation du résultat ${y - 1}`,
    ],
  ],
  [
    '7.2',
    5,
    [(_r, y) => `Vote des taux d’imposition ${y}`, fixed('Exonération de taxe foncière sur les propriétés bâties')],
  ],
  ['7.3', 2, [(r) => `Emprunt de ${r.int(5, 60) * 10_000} € pour le financement des travaux`]],
  ['7.5', 8, [(_r, y) => `Subventions aux associations ${y}`, fixed('Subvention exceptionnelle au comité des fêtes')]],
  [
    '7.10',
    6,
    [
      fixed('Admission en non-valeur de créances irrécouvrables'),
      fixed('Tarifs communaux'),
      fixed('Indemnité de conseil du comptable public'),
    ],
  ],
  [
    '8.3',
    7,
    [
      (_r, y) => `Programme de voirie ${y}`,
      fixed('Classement de voies dans le domaine public communal'),
      fixed('Dénomination d’une voie nouvelle'),
    ],
  ],
  ['8.8', 3, [fixed('Avis sur le projet de parc éolien'), fixed('Plan communal de sauvegarde')]],
  [
    '9.1',
    4,
    [fixed('Motion de soutien au maintien du bureau de poste'), fixed('Vœu relatif à la desserte ferroviaire')],
  ],
];

/** Split `total` délibérations over `n` séances: about total/n each, never fewer than 3. */
function perSeance(rng: Rng, total: number, n: number): number[] {
  const out = allocate(
    total,
    Array.from({ length: n }, () => 1),
  );
  for (let k = 0; k < n; k++) {
    const a = rng.int(0, n - 1);
    const b = rng.int(0, n - 1);
    const move = Math.min(rng.int(0, 4), (out[a] ?? 0) - 3);
    if (a === b || move <= 0) continue;
    out[a] = (out[a] ?? 0) - move;
    out[b] = (out[b] ?? 0) + move;
  }
  return out;
}

/** `k` distinct working days (Monday to Friday) of the year, none in August, spread over the year. */
function seanceDays(rng: Rng, y: Year, k: number): number[] {
  const candidates: number[] = [];
  for (let d = y.first; d < y.last; d++) if (weekdayOf(d) <= 5 && monthOf(d) !== 8) candidates.push(d);
  if (candidates.length === 0) return [];
  k = Math.min(k, candidates.length);
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const lo = Math.floor((i * candidates.length) / k);
    const hi = Math.floor(((i + 1) * candidates.length) / k) - 1;
    out.push(candidates[rng.int(lo, Math.max(lo, hi))] as number);
  }
  return out;
}

/** Votes of one délibération: pour + contre + abstention = votants ≤ 15; adopted when pour > contre. */
export function votes(rng: Rng, votants: number): { pour: number; contre: number; abstention: number; adoptee: 0 | 1 } {
  const r = rng.next();
  let contre = 0;
  let abstention = 0;
  if (r < 0.78) {
    // unanimity, the usual case in a small commune
  } else if (r < 0.92) abstention = rng.int(1, Math.min(3, votants - 1));
  else if (r < 0.99) {
    contre = rng.int(1, Math.min(4, votants - 1));
    abstention = rng.int(0, Math.min(2, votants - 1 - contre));
  } else contre = rng.int(Math.floor(votants / 2) + 1, votants); // rejected
  const pour = votants - contre - abstention;
  return { pour, contre, abstention, adoptee: pour > contre ? 1 : 0 };
}

export function generateConseil(
  db: Db,
  rng: Rng,
  total: number,
  years: readonly Year[],
): { seances: number; deliberations: number } {
  const perYear = allocate(
    Math.max(1, Math.round(total / 12)),
    years.map((y) => y.weight),
  );
  const seances = years.flatMap((y, i) => seanceDays(rng, y, perYear[i] ?? 0).map((day) => ({ year: y.year, day })));
  const deliberationsPer = perSeance(rng, total, seances.length);
  const insertSeance = db.prepare('INSERT INTO seance (date, heure, lieu, nature, created_at) VALUES (?, ?, ?, ?, ?)');
  const w = batchWriter(
    db,
    `INSERT INTO deliberation (seance_id, numero, objet, matiere, pour, contre, abstention, adoptee)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let deliberations = 0;
  const numero = new Map<number, number>();
  const weights = MATIERES.map((m) => [m, m[1]] as const);
  db.transaction(() => {
    seances.forEach(({ year, day }, s) => {
      const nature = rng.weighted([
        ['ordinaire', 94],
        ['urgence', 3],
        ['demande', 3],
      ] as const);
      const heure = rng.pick(['18:30', '19:00', '20:00', '20:30']);
      // convened at least 3 clear days before (CGCT L2121-11; 1 day in an emergency)
      const created = isoAt(day - (nature === 'urgence' ? 1 : rng.int(5, 12)), 9 * 60 + rng.int(0, 420));
      const seanceId = Number(
        insertSeance.run(isoDay(day), heure, 'Salle du conseil municipal, mairie', nature, created).lastInsertRowid,
      );
      const presents = rng.int(9, EFFECTIF_CONSEIL);
      const pouvoirs = rng.int(0, Math.min(3, EFFECTIF_CONSEIL - presents));
      for (let k = 0; k < (deliberationsPer[s] ?? 0); k++) {
        const [code, , objets] = rng.weighted(weights);
        const v = votes(rng, presents + pouvoirs);
        const n = (numero.get(year) ?? 0) + 1;
        numero.set(year, n);
        w.add([
          seanceId,
          `${year}_${String(n).padStart(3, '0')}`,
          rng.pick(objets)(rng, year),
          code,
          v.pour,
          v.contre,
          v.abstention,
          v.adoptee,
        ]);
        deliberations++;
      }
    });
    w.end();
  })();
  return { seances: seances.length, deliberations };
}
