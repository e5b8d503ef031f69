/**
 * Throughput of « who may obtain what » (issue 12: « it must be instant »): `decisions` calls of
 * decideDelivrance over random requests (every act kind, document, quality, channel, delivery; pieces and
 * fields present or not; registers from 1900 to today, deaths known or not). The inputs are built before the
 * clock starts, so only the decisions are timed. A benchmark, not a test: nothing here fails on a timing.
 */
// the pure rule itself, without loading the rest of the état civil (handlers, database)
import {
  CANAUX,
  DOCUMENTS,
  LIVRAISONS,
  QUALITES,
  decideDelivrance,
  type DemandeDelivrance,
  type Demandeur,
} from '../main/etat-civil/rules/delivrance';
import { KINDS } from '../main/etat-civil/rules/kinds';
import { createRng, type Rng } from './devdata/random';

export interface DelivranceBench {
  decisions: number;
  totalMs: number;
  nsPerDecision: number;
  /** how many of each outcome, so a run that only exercised one path shows it */
  outcomes: Record<string, number>;
}

const day = (r: Rng, from: number, to: number) =>
  `${r.int(from, to)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
const maybe = (r: Rng, v: string) => (r.chance(0.9) ? v : r.pick(['', null, '  ']));

function demandeur(r: Rng, withClient = true): Demandeur {
  const qualite = r.chance(0.03) ? null : r.pick(QUALITES);
  return {
    qualite,
    civilite: r.pick(['M.', 'Mme', null] as const),
    majeurOuEmancipe: r.pick([true, false, undefined]),
    mandatEcrit: r.chance(0.8),
    jugementHabilitation: r.chance(0.8),
    texteInvoque: r.chance(0.8) ? 'art. L161-1 du code de la sécurité sociale' : null,
    autorisationArchives: r.chance(0.8),
    mandatGenealogiste: r.chance(0.8),
    client: qualite === 'avocat' && withClient ? demandeur(r, false) : null,
    adressePostale: r.chance(0.9) ? '1 place de la Mairie, 45730 Saint-Benoît-sur-Loire' : null,
  };
}

function randomDemande(r: Rng, today: string): DemandeDelivrance {
  const annee = r.int(1900, 2026);
  return {
    canal: r.pick(CANAUX),
    typeActe: r.pick(KINDS),
    document: r.pick(DOCUMENTS),
    livraison: r.weighted([
      [LIVRAISONS[0], 5],
      [LIVRAISONS[1], 5],
      [LIVRAISONS[2], 1],
    ] as const),
    demandeur: demandeur(r),
    acte: {
      nom: maybe(r, 'Lefèvre'),
      prenoms: maybe(r, 'Hélène'),
      dateNaissance: maybe(r, day(r, 1900, 2026)),
      lieuNaissance: maybe(r, 'Saint-Benoît-sur-Loire'),
      parent1Nom: maybe(r, 'Lefèvre'),
      parent1Prenoms: maybe(r, 'Noël'),
      parent2Nom: maybe(r, 'Le Gall'),
      parent2Prenoms: maybe(r, 'Gaëlle'),
      unSeulParent: r.chance(0.05),
      dateEvenement: maybe(r, day(r, 1900, 2026)),
      lieuEvenement: maybe(r, 'Sully-sur-Loire'),
      declarantNom: maybe(r, 'Chevalier'),
      declarantPrenoms: maybe(r, 'Louis'),
    },
    registre: r.chance(0.9)
      ? {
          registreAnnee: annee,
          registreClosLe: r.chance(0.8) ? `${annee}-12-${r.int(20, 31)}` : null,
          dateDecesTitulaire: r.chance(0.3) ? day(r, annee, 2026) : null,
        }
      : null,
    today,
  };
}

export function benchDelivrance(decisions = 1_000_000, seed = 42, today = '2026-11-23'): DelivranceBench {
  const r = createRng(seed);
  // 10 000 distinct requests, cycled: building a million objects would time the allocator, not the rule
  const inputs = Array.from({ length: Math.min(decisions, 10_000) }, () => randomDemande(r, today));
  const outcomes: Record<string, number> = {};
  for (const d of inputs) decideDelivrance(d); // warm-up (JIT), not timed
  const t = performance.now();
  for (let i = 0; i < decisions; i++) {
    const o = decideDelivrance(inputs[i % inputs.length]!).outcome;
    outcomes[o] = (outcomes[o] ?? 0) + 1;
  }
  const totalMs = performance.now() - t;
  return { decisions, totalMs: Math.round(totalMs), nsPerDecision: Math.round((totalMs * 1e6) / decisions), outcomes };
}
