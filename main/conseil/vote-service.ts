import { z } from 'zod';
import { AppError, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import { fullName } from '../commune';
import { createDeliberation } from './deliberations';
import { nominationTours } from './pdfs';
import { nominationRound, voteResult, VoteError, type Candidate } from './rules/votes';
import { elusById, pointSituation } from './seance-day';
import { getSeance, type SeanceRow } from './seances';

const choice = z.enum(['pour', 'contre', 'abstention']);
export const voteSchema = z.object({
  pour: z.number().int().min(0),
  contre: z.number().int().min(0),
  abstention: z.number().int().min(0),
  presidentChoix: choice.nullable().optional(),
  /** scrutin public: how each votant voted (a mandataire's vote for his mandant is listed under the mandant) */
  nominatif: z.array(z.object({ eluId: z.number().int().positive(), choix: choice })).optional(),
});

function assertVotable(c: ConseilCtx, pointId: number) {
  const sit = pointSituation(c.db, pointId);
  const s = getSeance(c.db, sit.point.seance_id);
  if (s.statut !== 'en_cours') throw new AppError('CONFLICT', "Ouvrez d'abord la séance.");
  if (sit.point.statut !== 'a_examiner')
    throw new AppError(
      'CONFLICT',
      `Le point ${sit.point.rang} est déjà ${sit.point.statut === 'delibere' ? 'voté' : sit.point.statut === 'reporte' ? 'reporté' : 'retiré'}.`,
    );
  if (!sit.quorum.reached) throw new AppError('RULE', sit.quorum.message);
  return { sit, s };
}

type Situation = ReturnType<typeof pointSituation>;

/** The counts of a vote, checked against the votants of the item (L2121-20, L2121-21). */
export function countVote(c: ConseilCtx, sit: Situation, s: SeanceRow, v: z.infer<typeof voteSchema>) {
  const { point, attendance } = sit;
  if (point.scrutin === 'nomination')
    throw new AppError('CONFLICT', 'Ce point est une nomination : enregistrez les tours de scrutin.');
  let { pour, contre, abstention } = v;
  if (point.scrutin === 'scrutin_public') {
    // L2121-21: the register records the names of the voters and how each voted.
    const expected = new Set([...attendance.presents, ...attendance.representes.map((r) => r.mandant)]);
    const given = new Map((v.nominatif ?? []).map((n) => [n.eluId, n.choix]));
    const missing = [...expected].filter((id) => !given.has(id));
    const extra = [...given.keys()].filter((id) => !expected.has(id));
    const names = (ids: number[]) => ids.map((id) => fullName(elusById(c.db).get(id)!)).join(', ');
    if (missing.length) throw new AppError('INVALID', `Scrutin public : indiquez le vote de ${names(missing)}.`);
    if (extra.length) throw new AppError('INVALID', `Scrutin public : ${names(extra)} ne prend pas part à ce vote.`);
    const count = (k: string) => [...given.values()].filter((x) => x === k).length;
    [pour, contre, abstention] = [count('pour'), count('contre'), count('abstention')];
  }
  const president = s.president_elu_id;
  const presidentChoix =
    point.scrutin === 'scrutin_public' && president
      ? ((v.nominatif ?? []).find((n) => n.eluId === president)?.choix ?? null)
      : (v.presidentChoix ?? null);
  let result;
  try {
    result = voteResult({
      votants: attendance.votants,
      pour,
      contre,
      abstention,
      mode:
        point.scrutin === 'scrutin_secret'
          ? 'scrutin_secret'
          : point.scrutin === 'scrutin_public'
            ? 'scrutin_public'
            : 'main_levee',
      president: presidentChoix,
      compteAdministratif: point.compte_administratif === 1,
    });
  } catch (e) {
    if (e instanceof VoteError) throw new AppError('INVALID', e.message);
    throw e;
  }
  if (
    pour === contre &&
    pour > 0 &&
    point.scrutin !== 'scrutin_secret' &&
    !point.compte_administratif &&
    !presidentChoix
  )
    throw new AppError(
      'INVALID',
      'Partage égal des voix : indiquez le vote du président, dont la voix est prépondérante (art. L2121-20 CGCT).',
    );
  const nominatif = point.scrutin === 'scrutin_public' ? (v.nominatif ?? []) : [];
  return { pour, contre, abstention, presidentChoix, result, nominatif };
}

/** Record the vote of an item; the délibération is numbered and its PDF generated in the same step. */
export async function recordVote(
  c: ConseilCtx,
  pointId: number,
  input: unknown,
): Promise<{ deliberationId: number; numero: string; message: string }> {
  const v = parseOrThrow(voteSchema, input);
  const { sit, s } = assertVotable(c, pointId);
  const { point, attendance } = sit;
  const { pour, contre, abstention, presidentChoix, result, nominatif } = countVote(c, sit, s, v);
  const delib = await createDeliberation(c, {
    point,
    seance: s,
    attendance,
    vote: { pour, contre, abstention, adopted: result.adopted, message: result.message },
    nominatif: point.scrutin === 'scrutin_public' ? (v.nominatif ?? null) : null,
    record: () => {
      c.db
        .prepare(
          `INSERT INTO vote (point_id, en_exercice, presents, representes, votants, pour, contre, abstention, mode, president_choix, voix_preponderante, adopte, message, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          pointId,
          attendance.enExercice,
          attendance.presents.length,
          attendance.representes.length,
          attendance.votants,
          pour,
          contre,
          abstention,
          point.scrutin,
          presidentChoix,
          result.voixPreponderante ? 1 : 0,
          result.adopted ? 1 : 0,
          result.message,
          c.now.toISOString(),
        );
      for (const n of nominatif)
        c.db
          .prepare('INSERT INTO vote_nominatif (point_id, elu_id, choix) VALUES (?, ?, ?)')
          .run(pointId, n.eluId, n.choix);
    },
  });
  return { ...delib, message: result.message };
}

const roundSchema = z.object({
  tour: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  candidats: z
    .array(
      z.object({
        eluId: z.number().int().positive().nullable(),
        nom: z.string().trim().min(1).max(200),
        voix: z.number().int().min(0),
        dateNaissance: z.string().nullable().optional(),
      }),
    )
    .min(1),
  blancsNuls: z.number().int().min(0),
});

/** One round of a nomination by secret ballot (L2121-21). The délibération is created when someone is elected. */
export async function recordNominationRound(c: ConseilCtx, pointId: number, input: unknown) {
  const r = parseOrThrow(roundSchema, input);
  const { sit, s } = assertVotable(c, pointId);
  if (sit.point.scrutin !== 'nomination') throw new AppError('CONFLICT', "Ce point n'est pas une nomination.");
  const done =
    (c.db.prepare('SELECT max(tour) AS t FROM nomination_tour WHERE point_id = ?').get(pointId) as { t: number | null })
      .t ?? 0;
  if (r.tour !== done + 1) throw new AppError('INVALID', `Enregistrez le tour n° ${done + 1}.`);
  const elus = elusById(c.db);
  const candidates: Candidate[] = r.candidats.map((x, i) => ({
    id: x.eluId ?? -(i + 1),
    nom: x.nom,
    voix: x.voix,
    dateNaissance: x.dateNaissance ?? (x.eluId ? (elus.get(x.eluId)?.date_naissance ?? null) : null),
    civilite: x.eluId ? (elus.get(x.eluId)?.civilite ?? null) : null,
  }));
  let round;
  try {
    round = nominationRound(r.tour, candidates, sit.attendance.votants, r.blancsNuls);
  } catch (e) {
    if (e instanceof VoteError) throw new AppError('INVALID', e.message);
    throw e;
  }
  const save = () =>
    c.db
      .prepare('INSERT INTO nomination_tour (point_id, tour, resultat) VALUES (?, ?, ?)')
      .run(pointId, r.tour, JSON.stringify({ ...r, elu: round.elected?.nom ?? null, message: round.message }));
  if (!round.elected) {
    c.db.transaction(() => {
      save();
      c.audit({
        action: 'seance.nomination-tour',
        summary: `Point ${sit.point.rang}, tour ${r.tour} : ${round.message}`,
        objectType: 'point',
        objectId: pointId,
      });
    })();
    return { elected: null, nextRound: round.nextRound, message: round.message };
  }
  const exprimes = candidates.reduce((n, x) => n + x.voix, 0);
  const delib = await createDeliberation(c, {
    point: { ...sit.point, titre: `${sit.point.titre} — ${round.elected.nom}` },
    seance: s,
    attendance: sit.attendance,
    vote: {
      pour: round.elected.voix,
      contre: exprimes - round.elected.voix,
      abstention: r.blancsNuls,
      adopted: true,
      message: round.message,
    },
    nomination: [...nominationTours(c.db, pointId), { ...r, elu: round.elected.nom }],
    record: () => {
      save();
      c.db
        .prepare(
          `INSERT INTO vote (point_id, en_exercice, presents, representes, votants, pour, contre, abstention, mode, adopte, message, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'nomination', 1, ?, ?)`,
        )
        .run(
          pointId,
          sit.attendance.enExercice,
          sit.attendance.presents.length,
          sit.attendance.representes.length,
          sit.attendance.votants,
          round.elected!.voix,
          exprimes - round.elected!.voix,
          r.blancsNuls,
          round.message,
          c.now.toISOString(),
        );
    },
  });
  return { elected: round.elected.nom, nextRound: null, message: round.message, ...delib };
}
