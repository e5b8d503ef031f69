/**
 * CRPA L112-11, last paragraph: the acknowledgements of an electronic submission (AEE, ARE) are not owed for
 * abusive sends, « notamment par leur nombre ou leur caractère répétitif ou systématique ». Deciding that a sender
 * is abusive is the administration's call, not a program's: this rule only SUGGESTS an address to the secrétaire,
 * conservatively — the same message (same subject, same text) sent more than `seuil` times by one address within
 * one day. A citizen who resends a message two or three times because he got no answer yet stays far below the
 * default of 5; a program or a campaign sending the same text over and over goes above it. Nothing is blocked by
 * this suggestion: only an address the secrétaire marked loses its automatic acknowledgement.
 */

/** The default number of identical sends in one day above which an address is suggested (explained above). */
export const SEUIL_DEFAUT = 5;
export const SEUIL_MIN = 2;
export const SEUIL_MAX = 50;

export const SANS_ACCUSE_ABUS = 'Pas d’accusé automatique : expéditeur signalé pour envois abusifs (CRPA L112-11)';

export interface Envoi {
  email: string;
  /** YYYY-MM-DD, Paris day of receipt */
  jour: string;
  objet: string;
  /** the hash of the message's text (empty when it had none) */
  texte: string;
}

export interface Suggestion {
  email: string;
  jour: string;
  objet: string;
  envois: number;
}

/** Addresses are compared lower-cased and trimmed: « Jean@Example.fr » is « jean@example.fr ». */
export const normalizeEmail = (e: string): string => e.trim().toLowerCase();

/** « RE: TR:  Demande » and « demande » are the same subject: replies and forwards resent unchanged. */
export const normalizeObjet = (o: string): string =>
  o
    .trim()
    .replace(/^((re|tr|fw|fwd)\s*:\s*)+/i, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** The addresses that sent the same message more than `seuil` times on one day, most sends first. */
export function suggererAbus(envois: readonly Envoi[], seuil: number, dejaSignales: ReadonlySet<string>): Suggestion[] {
  const groups = new Map<string, Suggestion>();
  for (const e of envois) {
    const email = normalizeEmail(e.email);
    if (dejaSignales.has(email)) continue;
    const key = [email, e.jour, normalizeObjet(e.objet), e.texte].join('\u0000');
    const g = groups.get(key) ?? { email, jour: e.jour, objet: e.objet.trim(), envois: 0 };
    g.envois++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.envois > seuil)
    .sort((a, b) => b.envois - a.envois || b.jour.localeCompare(a.jour) || a.email.localeCompare(b.email));
}
