/**
 * The deadlines of the mentions marginales and avis de mention (C. civ. art. 49; IGREC n° 229, 229-1, 259).
 */
import { addDays, addYears, isJourOuvrable } from './dates';

export const ARTICLE_49 = 'C. civ. art. 49';

/**
 * « Dans les trois jours » of the act drawn up or transcribed (C. civ. art. 49), mention here or avis sent.
 * How the 3 days count — the Code does not say; we follow the general rules of procedure by analogy:
 * the day of the act itself does not count (CPC art. 641: dies a quo non computatur), the 3 days are calendar
 * days, and a deadline ending on a Saturday, Sunday or jour férié moves to the next working day (CPC art. 642),
 * since the mairie is closed then. A mention applied late is still valid: the deadline only orders the work.
 */
export function article49Deadline(actDay: string): string {
  let d = addDays(actDay, 3);
  while (!isJourOuvrable(d)) d = addDays(d, 1);
  return d;
}

/** Overdue on `today`: the deadline day itself is still in time. */
export const isOverdue = (echeance: string | null, today: string): boolean => echeance !== null && today > echeance;

/**
 * The récépissé of an avis de mention is expected back; without it, a reminder is due (IGREC n° 229-1: the
 * récépissés are checked periodically). We wait 60 days after sending (the COMEDEC avis pilot's delay for the
 * récépissé), then remind every 30 days after the last reminder.
 */
export const RECEPISSE_ATTENDU_JOURS = 60;
export const RELANCE_JOURS = 30;

export function nextReminder(envoyeLe: string, derniereRelanceLe: string | null): string {
  return derniereRelanceLe ? addDays(derniereRelanceLe, RELANCE_JOURS) : addDays(envoyeLe, RECEPISSE_ATTENDU_JOURS);
}

/** Récépissés are kept ten years (IGREC n° 229-1), from the day they are received. */
export const recepisseKeptUntil = (recepisseLe: string): string => addYears(recepisseLe, 10);

export type AvisTodo = { due: string; title: string; ref: string } | null;

/** What an outgoing avis still needs: sending within 3 days, then its récépissé (with reminders). */
export function avisSortantTodo(a: {
  echeance: string | null;
  envoye_le: string | null;
  recepisse_le: string | null;
  derniere_relance_le: string | null;
}): AvisTodo {
  if (a.recepisse_le) return null;
  if (!a.envoye_le) return { due: a.echeance ?? '', title: 'Envoyer l’avis de mention', ref: ARTICLE_49 };
  return {
    due: nextReminder(a.envoye_le, a.derniere_relance_le),
    title: 'Relancer : récépissé de l’avis de mention non reçu',
    ref: 'IGREC n° 229-1',
  };
}
