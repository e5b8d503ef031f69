import { z } from 'zod';
import { AppError, isoDate, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import { fullName, readElus, readIdentity, type EluRow } from '../commune';
import type { Db } from '../db';
import { convocationPdf } from './pdfs';
import { checkConvocation, convocationRule, lastSendingDate, type ConvocationCheck } from './rules/convocation';
import { addDays, formatDateFr } from './rules/dates';
import { eluIdsEnExercice, getSeance, pointsOf, type SeanceRow } from './seances';

export function ruleOptions(db: Db, s: SeanceRow) {
  return {
    urgence: s.nature === 'urgence',
    icpe: pointsOf(db, s.id).some((p) => p.icpe === 1 && p.statut !== 'retire'),
  };
}

export function convocationCheckFor(db: Db, s: SeanceRow, sendingDate: string): ConvocationCheck {
  return checkConvocation(s.date, sendingDate, readIdentity(db).population, ruleOptions(db, s));
}

/** For an item added after the convocations left: is a complementary convocation still in time? */
export function lateItemRefusal(db: Db, today: string) {
  return (s: SeanceRow): string | null => {
    const check = convocationCheckFor(db, s, today);
    return check.ok
      ? null
      : `Ce point ne peut plus être ajouté : ${check.message.replace(/^Trop tard : /, '')} Inscrivez-le à une prochaine séance.`;
  };
}

export interface EnvoiRow {
  elu_id: number;
  mode: 'dematerialise' | 'papier';
  envoye_le: string;
  sha256: string | null;
}

export function convocationState(c: ConseilCtx, seanceId: number) {
  const s = getSeance(c.db, seanceId);
  const population = readIdentity(c.db).population;
  const opts = ruleOptions(c.db, s);
  const rule = convocationRule(population, opts);
  const envois = c.db
    .prepare('SELECT elu_id, mode, envoye_le, sha256 FROM convocation_envoi WHERE seance_id = ?')
    .all(seanceId) as EnvoiRow[];
  const inOffice = eluIdsEnExercice(c.db, s.date);
  const sent = new Set(envois.map((e) => e.elu_id));
  return {
    rule,
    dernierJourEnvoi: lastSendingDate(s.date, rule.joursFrancs),
    aujourdhui: s.statut === 'preparation' || s.statut === 'convoquee' ? convocationCheckFor(c.db, s, c.today) : null,
    envois,
    manquants: inOffice.filter((id) => !sent.has(id)),
    afficheeLe: s.convocation_affichee_le,
  };
}

const envoiSchema = z.object({
  eluId: z.number().int().positive(),
  mode: z.enum(['dematerialise', 'papier'], {
    error: "Mode d'envoi : dématérialisé (par défaut, art. L2121-10) ou papier à la demande de l'élu.",
  }),
  date: isoDate("Date d'envoi"),
});

/** The convocation PDF of one élu, as it is (or would be) sent on `date`. */
export async function convocationFor(db: Db, seanceId: number, eluId: number, date: string): Promise<Uint8Array> {
  const s = getSeance(db, seanceId);
  const elu = readElus(db).find((e) => e.id === eluId);
  if (!elu) throw new AppError('NOT_FOUND', 'Élu introuvable.');
  return convocationPdf(db, s, elu, date, convocationRule(readIdentity(db).population, ruleOptions(db, s)));
}

/**
 * Record that the convocation left for one élu (e-mail sent, or paper handed over / posted) on `date`.
 * The date of sending is what counts for the jours francs (CE 19 mars 1969, Doullens).
 */
export async function recordEnvoi(c: ConseilCtx, seanceId: number, input: unknown): Promise<void> {
  await recordEnvois(c, seanceId, [input]);
}

/**
 * Record several sendings at once (« tout envoyer aujourd'hui »): every check and every PDF first, then one
 * transaction — never a half-recorded batch.
 */
export async function recordEnvois(c: ConseilCtx, seanceId: number, inputs: unknown[]): Promise<void> {
  const prepared: { e: z.infer<typeof envoiSchema>; sha256: string; elu: EluRow }[] = [];
  for (const input of inputs) prepared.push(await prepareEnvoi(c, seanceId, input));
  const s = getSeance(c.db, seanceId);
  c.db.transaction(() => {
    for (const { e, sha256, elu } of prepared) {
      c.db
        .prepare(
          `INSERT INTO convocation_envoi (seance_id, elu_id, mode, envoye_le, sha256) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (seance_id, elu_id) DO UPDATE SET mode = excluded.mode, envoye_le = excluded.envoye_le, sha256 = excluded.sha256`,
        )
        .run(seanceId, e.eluId, e.mode, e.date, sha256);
      c.audit({
        action: 'convocation.envoyee',
        summary: `Convocation ${e.mode === 'papier' ? 'remise sur papier' : 'envoyée par voie dématérialisée'} à ${fullName(elu)} le ${formatDateFr(e.date)} pour la séance du ${formatDateFr(s.date)}`,
        objectType: 'seance',
        objectId: seanceId,
        details: { eluId: e.eluId, mode: e.mode, date: e.date, sha256 },
      });
    }
    c.db.prepare("UPDATE seance SET statut = 'convoquee' WHERE id = ? AND statut = 'preparation'").run(seanceId);
  })();
}

async function prepareEnvoi(c: ConseilCtx, seanceId: number, input: unknown) {
  const e = parseOrThrow(envoiSchema, input);
  const s = getSeance(c.db, seanceId);
  if (s.statut === 'en_cours' || s.statut === 'close') throw new AppError('CONFLICT', 'La séance a déjà eu lieu.');
  if (pointsOf(c.db, seanceId).filter((p) => p.statut !== 'retire').length === 0)
    throw new AppError(
      'RULE',
      "La convocation indique les questions portées à l'ordre du jour (art. L2121-10 CGCT) : ajoutez au moins un point avant de convoquer.",
    );
  if (e.date > c.today)
    throw new AppError(
      'INVALID',
      "Date d'envoi : elle ne peut pas être dans le futur ; enregistrez l'envoi le jour où il part.",
      { date: 'Date future.' },
    );
  if (!eluIdsEnExercice(c.db, s.date).includes(e.eluId))
    throw new AppError('INVALID', "Cet élu n'est pas en exercice à la date de la séance.");
  const check = convocationCheckFor(c.db, s, e.date);
  if (!check.ok) throw new AppError('RULE', check.message);
  const pdf = await convocationFor(c.db, seanceId, e.eluId, e.date);
  const { sha256 } = c.docs.put(pdf);
  const elu = readElus(c.db).find((x) => x.id === e.eluId) as EluRow;
  return { e, sha256, elu };
}

/** Public posting of the convocation at the mairie (L2121-10). */
export function recordAffichage(c: ConseilCtx, seanceId: number, date: string): void {
  const s = getSeance(c.db, seanceId);
  if (date > c.today) throw new AppError('INVALID', "Date d'affichage : elle ne peut pas être dans le futur.");
  if (date > s.date) throw new AppError('INVALID', "Date d'affichage : elle doit précéder la séance.");
  c.db.prepare('UPDATE seance SET convocation_affichee_le = ? WHERE id = ?').run(date, seanceId);
  c.audit({
    action: 'convocation.affichee',
    summary: `Convocation affichée à la mairie le ${formatDateFr(date)} (art. L2121-10 CGCT)`,
    objectType: 'seance',
    objectId: seanceId,
  });
}

export const earliestDateFor = (population: number, today: string, urgence = false): string =>
  addDays(today, convocationRule(population, { urgence }).joursFrancs + 1);
