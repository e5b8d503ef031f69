import type { Presence } from './rules/pouvoirs';

/**
 * Who is there for a given item of the ordre du jour: the presence recorded at the opening, then arrivals and
 * departures during the séance, intéressés withdrawn for the item (L2131-11), and the pouvoirs that can be
 * used (the mandant is not there, the mandataire is, and neither is intéressé in the item).
 */
export interface AttendanceInput {
  enExercice: number[]; // élus in office on the séance date
  opening: Map<number, Presence>;
  mouvements: { eluId: number; avantRang: number; type: 'arrivee' | 'depart' }[];
  pouvoirs: { mandant: number; mandataire: number }[];
  interesses: number[]; // for this item
}

export interface Attendance {
  enExercice: number;
  presents: number[]; // physically present and taking part (intéressés excluded)
  retires: number[]; // present but withdrawn as intéressés
  representes: { mandant: number; mandataire: number }[];
  votants: number;
}

export function presentAt(
  input: Pick<AttendanceInput, 'opening' | 'mouvements'>,
  eluId: number,
  rang: number,
): boolean {
  let here = input.opening.get(eluId) === 'present';
  for (const m of [...input.mouvements]
    .filter((x) => x.eluId === eluId && x.avantRang <= rang)
    .sort((a, b) => a.avantRang - b.avantRang))
    here = m.type === 'arrivee';
  return here;
}

export function attendanceFor(input: AttendanceInput, rang: number): Attendance {
  const interesses = new Set(input.interesses);
  const here = input.enExercice.filter((id) => presentAt(input, id, rang));
  const presents = here.filter((id) => !interesses.has(id));
  const retires = here.filter((id) => interesses.has(id));
  const representes = input.pouvoirs.filter(
    (p) =>
      input.enExercice.includes(p.mandant) &&
      !presentAt(input, p.mandant, rang) &&
      presents.includes(p.mandataire) &&
      !interesses.has(p.mandant),
  );
  return {
    enExercice: input.enExercice.length,
    presents,
    retires,
    representes,
    votants: presents.length + representes.length,
  };
}
