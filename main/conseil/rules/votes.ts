import { accord, type Civilite } from '../../documents';

/**
 * Votes (CGCT L2121-20 al. 2-3, L2121-21). Délibérations pass by absolute majority of suffrages exprimés
 * (abstentions, blancs and nuls are not exprimés). On a tie the président's vote is decisive, except in a
 * secret ballot, where a tie rejects. The compte administratif is adopted unless a majority votes against it
 * (L1612-12): a tie adopts it. Nominations: secret ballot, absolute majority in rounds 1 and 2, relative
 * majority in round 3, and on a tie the oldest candidate is elected (L2121-21).
 */
export type VoteMode = 'main_levee' | 'scrutin_public' | 'scrutin_secret';
export type Choice = 'pour' | 'contre' | 'abstention';

export interface VoteInput {
  votants: number; // présents + représentés taking part (intéressés excluded)
  pour: number;
  contre: number;
  abstention: number; // in a secret ballot: blancs et nuls too
  mode: VoteMode;
  /** how the président voted, for the casting vote */
  president?: Choice | null;
  compteAdministratif?: boolean;
}

export interface VoteResult {
  adopted: boolean;
  exprimes: number;
  voixPreponderante: boolean;
  message: string;
}

export class VoteError extends Error {}

export function voteResult(v: VoteInput): VoteResult {
  const total = v.pour + v.contre + v.abstention;
  if ([v.pour, v.contre, v.abstention, v.votants].some((n) => !Number.isInteger(n) || n < 0))
    throw new VoteError('Les nombres de voix sont des entiers positifs.');
  if (total !== v.votants)
    throw new VoteError(
      `Le total des voix (${v.pour} pour, ${v.contre} contre, ${v.abstention} abstention${v.abstention > 1 ? 's' : ''} = ${total}) ne correspond pas au nombre de votants (${v.votants}) : chaque votant, présent ou représenté, compte une fois.`,
    );
  const exprimes = v.pour + v.contre;
  const counts = `${v.pour} pour, ${v.contre} contre, ${v.abstention} abstention${v.abstention > 1 ? 's' : ''}`;
  if (v.compteAdministratif) {
    const adopted = v.contre <= exprimes / 2;
    return {
      adopted,
      exprimes,
      voixPreponderante: false,
      message: `${adopted ? 'Compte administratif adopté' : 'Compte administratif rejeté'} (${counts}) : il n'est rejeté que si une majorité vote contre (art. L1612-12 CGCT).`,
    };
  }
  if (exprimes === 0)
    return {
      adopted: false,
      exprimes,
      voixPreponderante: false,
      message: `Non adopté : aucun suffrage exprimé (${counts}).`,
    };
  if (v.pour !== v.contre) {
    const adopted = v.pour > v.contre;
    return {
      adopted,
      exprimes,
      voixPreponderante: false,
      message: `${adopted ? 'Adopté' : 'Rejeté'} (${counts}) : majorité absolue des suffrages exprimés, ${Math.floor(exprimes / 2) + 1} voix sur ${exprimes} (art. L2121-20 CGCT).`,
    };
  }
  if (v.mode === 'scrutin_secret')
    return {
      adopted: false,
      exprimes,
      voixPreponderante: false,
      message: `Rejeté : partage égal des voix (${counts}) au scrutin secret, où le président n'a pas voix prépondérante (art. L2121-20 CGCT).`,
    };
  if (v.president === 'pour' || v.president === 'contre') {
    const adopted = v.president === 'pour';
    return {
      adopted,
      exprimes,
      voixPreponderante: true,
      message: `${adopted ? 'Adopté' : 'Rejeté'} : partage égal des voix (${counts}), la voix du président, ${v.president}, est prépondérante (art. L2121-20 CGCT).`,
    };
  }
  return {
    adopted: false,
    exprimes,
    voixPreponderante: false,
    message: `Rejeté : partage égal des voix (${counts}) et le président s'est abstenu, sa voix ne peut départager (art. L2121-20 CGCT).`,
  };
}

export interface Candidate {
  id: number;
  nom: string;
  voix: number;
  dateNaissance: string | null; // YYYY-MM-DD, for the age tie-break
  /** for agreement (« est élue », « la plus âgée »); unknown for an outside candidate */
  civilite?: Civilite | null;
}

/** « est élu » / « est élue »; both forms spelled out when the civilité is unknown, never « élu(e) ». */
const estElu = (c: Candidate) => (c.civilite ? `est ${accord('élu', c.civilite)}` : 'est élu ou élue');

export interface RoundResult {
  elected: Candidate | null;
  nextRound: 1 | 2 | 3 | null;
  message: string;
}

/** One round of a nomination by secret ballot (L2121-21). `blancsNuls` are not suffrages exprimés. */
export function nominationRound(
  round: 1 | 2 | 3,
  candidates: Candidate[],
  votants: number,
  blancsNuls: number,
): RoundResult {
  const exprimes = candidates.reduce((s, c) => s + c.voix, 0);
  if (exprimes + blancsNuls !== votants)
    throw new VoteError(
      `Le total des bulletins (${exprimes} exprimés + ${blancsNuls} blancs ou nuls) ne correspond pas au nombre de votants (${votants}).`,
    );
  const sorted = [...candidates].sort((a, b) => b.voix - a.voix);
  const top = sorted[0];
  if (!top) throw new VoteError('Aucun candidat.');
  if (round < 3) {
    const majority = Math.floor(exprimes / 2) + 1;
    if (top.voix >= majority && (sorted[1]?.voix ?? -1) < top.voix)
      return {
        elected: top,
        nextRound: null,
        message: `${top.nom} ${estElu(top)} au ${round === 1 ? '1er' : '2e'} tour à la majorité absolue (${top.voix} voix sur ${exprimes} exprimés ; art. L2121-21 CGCT).`,
      };
    return {
      elected: null,
      nextRound: (round + 1) as 2 | 3,
      message: `Aucun candidat n'a la majorité absolue (${majority} voix) au ${round === 1 ? '1er' : '2e'} tour : un ${round === 1 ? '2e' : '3e'} tour est nécessaire (art. L2121-21 CGCT).`,
    };
  }
  const tied = sorted.filter((c) => c.voix === top.voix);
  if (tied.length === 1)
    return {
      elected: top,
      nextRound: null,
      message: `${top.nom} ${estElu(top)} au 3e tour à la majorité relative (${top.voix} voix ; art. L2121-21 CGCT).`,
    };
  if (tied.some((c) => !c.dateNaissance))
    throw new VoteError(
      'Égalité au 3e tour : la date de naissance des candidats à égalité est nécessaire, le plus âgé est élu (art. L2121-21 CGCT).',
    );
  const oldest = [...tied].sort((a, b) => (a.dateNaissance ?? '').localeCompare(b.dateNaissance ?? ''))[0]!;
  return {
    elected: oldest,
    nextRound: null,
    message: `Égalité au 3e tour (${top.voix} voix) : ${oldest.nom}, ${oldest.civilite === 'Mme' ? 'la plus âgée' : 'le plus âgé'}, ${estElu(oldest)} (art. L2121-21 CGCT : en cas d'égalité, le plus âgé est élu).`,
  };
}
