import { addDays, addMonths, formatDateFr } from './dates';

/**
 * After the séance (ordonnance 2021-1310, décret 2021-1311, in force since 1 July 2022):
 *  - the liste des délibérations is posted and put online within one week (L2121-25);
 *  - the procès-verbal is arrêté at the next séance and published within the week after (L2121-15);
 *  - electronic publication lasts at least two months (R2131-1);
 *  - an act is exécutoire once published or notified and, when L2131-2 requires it, transmitted to the
 *    préfet (L2131-1 I); the AR of the préfecture proves the transmission.
 */
export const LISTE_DELAI_JOURS = 7;
export const PV_DELAI_JOURS = 7;
export const PUBLICATION_ELECTRONIQUE_MOIS = 2;

export const listeDeadline = (seanceDate: string): string => addDays(seanceDate, LISTE_DELAI_JOURS);
export const pvPublicationDeadline = (arreteDate: string): string => addDays(arreteDate, PV_DELAI_JOURS);
export const publicationMinEnd = (start: string): string => addMonths(start, PUBLICATION_ELECTRONIQUE_MOIS);

export type ModePublicite = 'affichage' | 'papier' | 'electronique';

/** Under 3,500 the council chooses; without a délibération, electronic publication applies (L2131-1 IV). */
export const defaultModePublicite = (population: number, chosen: ModePublicite | null): ModePublicite =>
  population < 3500 && chosen ? chosen : 'electronique';

export interface ExecutoireInput {
  publicationDate: string | null; // start of publication, or notification for an individual decision
  soumisTransmission: boolean; // L2131-2
  transmissionDate: string | null; // reception by the préfecture (ACTES AR)
}

export interface ExecutoireResult {
  executoire: boolean;
  date: string | null;
  raisons: string[];
}

export function executoire(a: ExecutoireInput): ExecutoireResult {
  const raisons: string[] = [];
  if (a.publicationDate) raisons.push(`publié (ou notifié) le ${formatDateFr(a.publicationDate)}`);
  else raisons.push('pas encore publié ni notifié (art. L2131-1 CGCT)');
  if (a.soumisTransmission) {
    if (a.transmissionDate) raisons.push(`reçu en préfecture le ${formatDateFr(a.transmissionDate)}`);
    else raisons.push('pas encore transmis au préfet, transmission obligatoire (art. L2131-2 CGCT)');
  }
  const ok = Boolean(a.publicationDate) && (!a.soumisTransmission || Boolean(a.transmissionDate));
  const date = ok
    ? ([a.publicationDate, a.soumisTransmission ? a.transmissionDate : null]
        .filter((d): d is string => Boolean(d))
        .sort()
        .at(-1) ?? null)
    : null;
  return { executoire: ok, date, raisons };
}

/**
 * The register's loose sheets are bound by the end of each year; communes under 1,000 inhabitants may bind
 * every five years (R2121-9). Returns the date by which the current sheets must be bound.
 */
export function reliureDeadline(population: number, lastBindingYear: number | null, today: string): string {
  const year = Number(today.slice(0, 4));
  if (population >= 1000) return `${year}-12-31`;
  const base = lastBindingYear ?? year - 1;
  return `${Math.max(base + 5, year)}-12-31`;
}
