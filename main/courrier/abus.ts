/**
 * Senders marked « envois abusifs » (CRPA L112-11, last paragraph; rules/abus.ts): the secrétaire marks an address
 * with her reason and lifts the mark; both are journaled and kept (migration 0350). While an address is marked,
 * what it sends is registered as any courriel, but the AEE and the ARE do not leave by themselves (mail/arrivee.ts,
 * issue.ts): the register row says why. The detection only suggests addresses; it never marks one itself.
 */
import { z } from 'zod';
import { readSetting, writeSetting } from '../commune';
import type { Db } from '../db';
import { AppError, parseOrThrow } from '../kernel';
import type { CourrierCtx } from './context';
import { mayRead, mayWrite } from './rights';
import { addDays, parisDay } from './rules/days';
import {
  normalizeEmail,
  SANS_ACCUSE_ABUS,
  SEUIL_DEFAUT,
  SEUIL_MAX,
  SEUIL_MIN,
  suggererAbus,
  type Envoi,
} from './rules/abus';

const SEUIL_KEY = 'courrier_abus_seuil';
/** how far back the suggestions look: a week of mail */
const JOURS_EXAMINES = 7;

export interface SignalementRow {
  id: number;
  email: string;
  motif: string;
  signale_le: string;
  signale_par: string;
  leve_le: string | null;
  leve_par: string | null;
}

export const seuilAbus = (db: Db): number => readSetting<number>(db, SEUIL_KEY) ?? SEUIL_DEFAUT;

/** Is this address marked now? (the mark in force, not a lifted one) */
export function estSignale(db: Db, email: string | null | undefined): boolean {
  if (!email) return false;
  return !!db
    .prepare('SELECT 1 FROM courrier_expediteur_abusif WHERE email = ? AND leve_le IS NULL')
    .get(normalizeEmail(email));
}

/** For a courriel just registered: a marked sender gets no automatic acknowledgement, and the row says why. */
export function noteSansAccuse(db: Db, courrierId: number, email: string | null | undefined): boolean {
  if (!estSignale(db, email)) return false;
  db.prepare('UPDATE courrier SET sans_accuse_motif = ? WHERE id = ?').run(SANS_ACCUSE_ABUS, courrierId);
  return true;
}

const signalerInput = z.object({
  email: z
    .string()
    .trim()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'Adresse : une adresse électronique, par exemple nom@exemple.fr.' })
    .transform(normalizeEmail),
  motif: z
    .string()
    .trim()
    .min(10, { error: 'Motif : écrivez pourquoi ces envois sont abusifs (10 caractères au moins).' })
    .max(1000, { error: 'Motif : 1000 caractères au plus.' }),
});

export function signaler(ctx: CourrierCtx, input: unknown): { id: number } {
  mayWrite(ctx.role);
  const v = parseOrThrow(signalerInput, input);
  if (estSignale(ctx.db, v.email))
    throw new AppError('CONFLICT', `L’adresse ${v.email} est déjà signalée pour envois abusifs.`, {
      email: 'Déjà signalée.',
    });
  const id = Number(
    ctx.db
      .prepare('INSERT INTO courrier_expediteur_abusif (email, motif, signale_le, signale_par) VALUES (?, ?, ?, ?)')
      .run(v.email, v.motif, ctx.now.toISOString(), actorName(ctx)).lastInsertRowid,
  );
  ctx.audit({
    action: 'courrier.abus.signale',
    summary: `Expéditeur ${v.email} signalé pour envois abusifs : plus d’accusé automatique (CRPA L112-11). Motif : ${v.motif}`,
    objectType: 'courrier_expediteur_abusif',
    objectId: id,
  });
  return { id };
}

export function lever(ctx: CourrierCtx, id: number): void {
  mayWrite(ctx.role);
  const s = ctx.db.prepare('SELECT * FROM courrier_expediteur_abusif WHERE id = ?').get(id) as
    SignalementRow | undefined;
  if (!s || s.leve_le) throw new AppError('NOT_FOUND', 'Ce signalement n’existe pas ou est déjà levé.');
  ctx.db
    .prepare('UPDATE courrier_expediteur_abusif SET leve_le = ?, leve_par = ? WHERE id = ?')
    .run(ctx.now.toISOString(), actorName(ctx), id);
  ctx.audit({
    action: 'courrier.abus.leve',
    summary: `Signalement de ${s.email} pour envois abusifs levé : ses prochains envois recevront de nouveau leurs accusés`,
    objectType: 'courrier_expediteur_abusif',
    objectId: id,
  });
}

export function reglerSeuil(ctx: CourrierCtx, seuil: number): void {
  mayWrite(ctx.role);
  if (!Number.isInteger(seuil) || seuil < SEUIL_MIN || seuil > SEUIL_MAX)
    throw new AppError('INVALID', `Seuil : un nombre entier entre ${SEUIL_MIN} et ${SEUIL_MAX}.`, {
      seuil: `Entre ${SEUIL_MIN} et ${SEUIL_MAX}.`,
    });
  const avant = seuilAbus(ctx.db);
  writeSetting(ctx.db, SEUIL_KEY, seuil);
  ctx.audit({
    action: 'courrier.abus.seuil',
    summary: `Envois abusifs : une adresse est proposée au-delà de ${seuil} envois identiques par jour (avant : ${avant})`,
  });
}

/** The marks (in force first, then the lifted ones), the threshold, and the addresses suggested this week. */
export function listAbus(ctx: CourrierCtx) {
  mayRead(ctx.role);
  const signalements = ctx.db
    .prepare('SELECT * FROM courrier_expediteur_abusif ORDER BY leve_le IS NOT NULL, signale_le DESC, id DESC')
    .all() as SignalementRow[];
  const seuil = seuilAbus(ctx.db);
  const envois = (
    ctx.db
      .prepare(
        `SELECT m.expediteur AS email, m.objet, m.recu_le,
                coalesce((SELECT p.sha256 FROM courrier_piece p WHERE p.courrier_id = m.arrivee_id AND p.nom = 'texte du message.txt'), '') AS texte
         FROM mail_recu m WHERE m.expediteur IS NOT NULL AND m.recu_le >= ?`,
      )
      .all(`${addDays(ctx.today, -JOURS_EXAMINES)}T00:00:00`) as {
      email: string;
      objet: string | null;
      recu_le: string;
      texte: string;
    }[]
  ).map((e): Envoi => ({ email: e.email, objet: e.objet ?? '', jour: parisDay(new Date(e.recu_le)), texte: e.texte }));
  const actifs = new Set(signalements.filter((s) => !s.leve_le).map((s) => s.email));
  return { seuil, seuilDefaut: SEUIL_DEFAUT, signalements, suggestions: suggererAbus(envois, seuil, actifs) };
}

const actorName = (ctx: CourrierCtx): string => ctx.actor.name ?? ctx.actor.login ?? '?';
