/**
 * How a result is printed on the official documents (délibération, registre, PV, act sent to the préfecture).
 * A nomination is not a vote « pour / contre »: it prints votants, blancs ou nuls, suffrages exprimés, the
 * majorité absolue, each candidate's voix per tour, who is désigné and why (art. L2121-21 CGCT: majorité
 * absolue aux deux premiers tours, relative au troisième, le plus âgé en cas d'égalité). A scrutin public
 * prints each élu's vote (L2121-21: « le nom des votants avec l'indication du sens de leur vote »).
 */
import { accord, compareFr, count, type Civilite } from '../../documents';

export interface TourImprime {
  tour: number;
  candidats: { eluId: number | null; nom: string; voix: number }[];
  blancsNuls: number;
  /** the name of the candidate elected at this round, if any */
  elu?: string | null;
}

const rangTour = (n: number) => (n === 1 ? '1er tour' : `${n}e tour`);
const exprimesOf = (t: TourImprime) => t.candidats.reduce((s, c) => s + c.voix, 0);
/** Absolute majority of the suffrages exprimés: more than half (L2121-21). */
export const majoriteAbsolue = (exprimes: number): number => Math.floor(exprimes / 2) + 1;

/** « Vote : 7 pour, 2 contre, 1 abstention. » */
export const voteLine = (pour: number, contre: number, abstention: number): string =>
  `Vote : ${pour} pour, ${contre} contre, ${count(abstention, 'abstention')}.`;

/** The lines of one round: the counts, then each candidate's voix (most voix first, then French order). */
export function tourLines(t: TourImprime): string[] {
  const exprimes = exprimesOf(t);
  const votants = exprimes + t.blancsNuls;
  const majorite =
    t.tour < 3 ? `majorité absolue : ${count(majoriteAbsolue(exprimes), 'voix')}` : 'la majorité relative suffit';
  const candidats = [...t.candidats].sort((a, b) => b.voix - a.voix || compareFr(a.nom, b.nom));
  return [
    `${rangTour(t.tour)} — votants : ${votants} ; bulletins blancs ou nuls : ${t.blancsNuls} ; suffrages exprimés : ${exprimes} ; ${majorite}.`,
    `${candidats.map((c) => `${c.nom} : ${count(c.voix, 'voix')}`).join(' ; ')}.`,
  ];
}

/** Who is désigné and why, with the article; agreement from the élu's civilité when known. */
export function designationLine(
  tours: readonly TourImprime[],
  civiliteOf: (c: { eluId: number | null; nom: string }) => Civilite | null,
): string {
  const last = tours[tours.length - 1];
  const winner = last?.elu ? last.candidats.find((c) => c.nom === last.elu) : undefined;
  if (!last || !winner) return 'Aucun candidat désigné.';
  const civ = civiliteOf(winner);
  const exprimes = exprimesOf(last);
  const est = civ ? `est ${accord('désigné', civ)}` : 'est désigné ou désignée';
  if (last.tour < 3)
    return `${winner.nom} ${est} au ${rangTour(last.tour)} à la majorité absolue, avec ${count(winner.voix, 'voix')} sur ${count(exprimes, 'suffrage exprimé')} (art. L2121-21 CGCT).`;
  const tied = last.candidats.filter((c) => c.voix === winner.voix).length > 1;
  if (!tied)
    return `${winner.nom} ${est} au 3e tour à la majorité relative, avec ${count(winner.voix, 'voix')} (art. L2121-21 CGCT : majorité relative au troisième tour).`;
  const aine = civ === 'Mme' ? 'la plus âgée' : civ ? 'le plus âgé' : 'le candidat le plus âgé';
  return `Égalité de voix au 3e tour (${count(winner.voix, 'voix')}) : ${winner.nom}, ${aine}, ${est} (art. L2121-21 CGCT : en cas d'égalité, le plus âgé est élu).`;
}

export type Choix = 'pour' | 'contre' | 'abstention';

/**
 * Scrutin public: the names of the votants with the sense of their vote (L2121-21), in French order of
 * `tri` (the family name, so « M. Paul Lécuyer » comes before « M. Jean Leroux »), else of the printed name.
 */
export function nominatifLines(rows: readonly { nom: string; tri?: string; choix: Choix }[]): string[] {
  const of = (k: Choix) =>
    rows
      .filter((r) => r.choix === k)
      .sort((a, b) => compareFr(a.tri ?? a.nom, b.tri ?? b.nom))
      .map((r) => r.nom);
  const line = (label: string, noms: string[]) => `${label} (${noms.length}) : ${noms.join(', ') || '—'}.`;
  const pour = of('pour');
  const contre = of('contre');
  const abst = of('abstention');
  return [
    line(pour.length > 1 ? 'Ont voté pour' : 'A voté pour', pour),
    line(contre.length > 1 ? 'Ont voté contre' : 'A voté contre', contre),
    line(abst.length > 1 ? 'Abstentions' : 'Abstention', abst),
  ];
}
