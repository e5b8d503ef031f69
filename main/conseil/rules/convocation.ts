import { addDays, daysBetween, formatDateFr } from './dates';

/**
 * Délai de convocation du conseil municipal, in jours francs: neither the day of sending nor the day of the
 * séance counts; week-ends and holidays count and do not extend the delay (CE 13 oct. 1993; C. civ. 642 does
 * not apply). The date that matters is the sending, not the receipt (CE 19 mars 1969, Doullens).
 *  - under 3,500 inhabitants: 3 jours francs (CGCT L2121-11);
 *  - 3,500 and over: 5 jours francs, with a note explicative de synthèse (L2121-12);
 *  - an item on an installation classée (C. env. L511-1) brings L2121-12 to a commune under 3,500 too: 5 days;
 *  - urgence: the maire may shorten it, to no less than 1 jour franc (L2121-11 al. 2, L2121-12 al. 3), and
 *    reports on it at the opening of the séance.
 */
export interface ConvocationRule {
  joursFrancs: number;
  article: string;
  noteDeSynthese: boolean;
}

export function convocationRule(population: number, opts: { urgence?: boolean; icpe?: boolean } = {}): ConvocationRule {
  const large = population >= 3500;
  const l2121_12 = large || Boolean(opts.icpe);
  const article = l2121_12 ? 'L2121-12' : 'L2121-11';
  if (opts.urgence) return { joursFrancs: 1, article, noteDeSynthese: l2121_12 };
  return { joursFrancs: l2121_12 ? 5 : 3, article, noteDeSynthese: l2121_12 };
}

/** The last day a convocation may be sent: séance − (N + 1) days. */
export const lastSendingDate = (seanceDate: string, joursFrancs: number): string =>
  addDays(seanceDate, -(joursFrancs + 1));

/** Full days strictly between the sending day and the séance day. */
export const joursFrancsBetween = (sendingDate: string, seanceDate: string): number =>
  daysBetween(sendingDate, seanceDate) - 1;

export interface ConvocationCheck {
  ok: boolean;
  rule: ConvocationRule;
  lastSendingDate: string;
  message: string;
}

/** Before sending: is `sendingDate` (usually today) still in time? The message is the one the user reads. */
export function checkConvocation(
  seanceDate: string,
  sendingDate: string,
  population: number,
  opts: { urgence?: boolean; icpe?: boolean } = {},
): ConvocationCheck {
  const rule = convocationRule(population, opts);
  const last = lastSendingDate(seanceDate, rule.joursFrancs);
  const have = joursFrancsBetween(sendingDate, seanceDate);
  const why = opts.urgence
    ? `en urgence, au moins 1 jour franc (art. ${rule.article} CGCT ; le maire en rend compte à l'ouverture de la séance)`
    : `${rule.joursFrancs} jours francs (art. ${rule.article} CGCT${opts.icpe && population < 3500 ? ', point sur une installation classée' : ''})`;
  if (have < rule.joursFrancs) {
    return {
      ok: false,
      rule,
      lastSendingDate: last,
      message:
        have < 0
          ? `La séance du ${formatDateFr(seanceDate)} est déjà passée.`
          : `Trop tard : la convocation devait partir au plus tard le ${formatDateFr(last)} — ${why}, sans compter le jour d'envoi ni celui de la séance. ` +
            `Reportez la séance au ${formatDateFr(addDays(sendingDate, rule.joursFrancs + 1))} au plus tôt${opts.urgence ? '' : ', ou invoquez l’urgence'}.`,
    };
  }
  return {
    ok: true,
    rule,
    lastSendingDate: last,
    message: `Convocation à envoyer au plus tard le ${formatDateFr(last)} : ${why}.`,
  };
}
