import { AppError, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import { fullName } from '../commune';
import { communeClassification, flattenMatieres } from './classification';
import { convocationDate, type DeliberationRow } from './deliberations';
import { deliberationPdf } from './pdfs';
import { elusById, pointSituation } from './seance-day';
import { getSeance } from './seances';
import { countVote, voteSchema } from './vote-service';

/**
 * A vote wrongly typed can be corrected while the séance is still open and the délibération unsigned: the
 * council is still sitting, the act is not yet entered in the registre under signatures (L2121-23). The
 * délibération keeps its number; its PDF is written again; the journal keeps the counts before and after.
 * Once the séance is closed (or the act signed), only a new délibération of the council corrects it.
 */
export async function correctVote(
  c: ConseilCtx,
  pointId: number,
  input: unknown,
): Promise<{ deliberationId: number; numero: string; message: string }> {
  const v = parseOrThrow(voteSchema, input);
  const sit = pointSituation(c.db, pointId);
  const s = getSeance(c.db, sit.point.seance_id);
  const d = c.db.prepare('SELECT * FROM deliberation WHERE point_id = ?').get(pointId) as DeliberationRow | undefined;
  if (sit.point.statut !== 'delibere' || !d)
    throw new AppError('CONFLICT', `Le point ${sit.point.rang} n'a pas encore été voté : enregistrez son vote.`);
  if (s.statut !== 'en_cours')
    throw new AppError(
      'RULE',
      `La séance est close : le vote de la délibération n° ${d.numero} ne se corrige plus. Seule une nouvelle délibération du conseil municipal peut la corriger (art. L2121-23 CGCT : les délibérations sont inscrites au registre telles qu'adoptées).`,
    );
  if (d.signature === 'signee')
    throw new AppError(
      'RULE',
      `La délibération n° ${d.numero} est déjà signée (art. L2121-23 CGCT) : seule une nouvelle délibération peut la corriger.`,
    );
  if (sit.point.scrutin === 'nomination')
    throw new AppError(
      'CONFLICT',
      'Une nomination ne se corrige pas ici : le résultat des tours est proclamé en séance.',
    );
  const before = c.db
    .prepare('SELECT pour, contre, abstention, president_choix, message FROM vote WHERE point_id = ?')
    .get(pointId) as {
    pour: number;
    contre: number;
    abstention: number;
    president_choix: string | null;
    message: string;
  };
  const { pour, contre, abstention, presidentChoix, result, nominatif } = countVote(c, sit, s, v);
  if (
    before.pour === pour &&
    before.contre === contre &&
    before.abstention === abstention &&
    (before.president_choix ?? null) === presidentChoix &&
    sit.point.scrutin !== 'scrutin_public'
  )
    throw new AppError('INVALID', 'Le vote corrigé est identique au vote enregistré : rien à corriger.');
  const matiereChemin =
    flattenMatieres(communeClassification(c.db, c.docs)).find((m) => m.code === sit.point.matiere)?.chemin ??
    sit.point.matiere;
  const pdf = await deliberationPdf(c.db, {
    numero: d.numero,
    seance: s,
    point: sit.point,
    attendance: sit.attendance,
    vote: { pour, contre, abstention, adopted: result.adopted, message: result.message },
    convocationLe: convocationDate(c.db, s.id),
    matiereChemin,
  });
  const { sha256 } = c.docs.put(pdf);
  c.db.transaction(() => {
    c.db
      .prepare(
        'UPDATE vote SET pour = ?, contre = ?, abstention = ?, president_choix = ?, voix_preponderante = ?, adopte = ?, message = ? WHERE point_id = ?',
      )
      .run(
        pour,
        contre,
        abstention,
        presidentChoix,
        result.voixPreponderante ? 1 : 0,
        result.adopted ? 1 : 0,
        result.message,
        pointId,
      );
    c.db.prepare('DELETE FROM vote_nominatif WHERE point_id = ?').run(pointId);
    for (const n of nominatif)
      c.db
        .prepare('INSERT INTO vote_nominatif (point_id, elu_id, choix) VALUES (?, ?, ?)')
        .run(pointId, n.eluId, n.choix);
    c.db
      .prepare(
        'UPDATE deliberation SET pour = ?, contre = ?, abstention = ?, adoptee = ?, transmission = ?, pdf_sha256 = ? WHERE id = ?',
      )
      .run(
        pour,
        contre,
        abstention,
        result.adopted ? 1 : 0,
        result.adopted ? 'a_transmettre' : 'non_soumise',
        sha256,
        d.id,
      );
    const by = s.president_elu_id ? ` (président : ${fullName(elusById(c.db).get(s.president_elu_id)!)})` : '';
    c.audit({
      action: 'deliberation.vote-corrige',
      summary: `Vote de la délibération n° ${d.numero} corrigé en séance${by} : avant « ${before.message} », après « ${result.message} »`,
      objectType: 'deliberation',
      objectId: d.id,
      details: {
        avant: { pour: before.pour, contre: before.contre, abstention: before.abstention, pdf: d.pdf_sha256 },
        apres: { pour, contre, abstention, pdf: sha256 },
      },
    });
  })();
  return { deliberationId: d.id, numero: d.numero, message: result.message };
}
