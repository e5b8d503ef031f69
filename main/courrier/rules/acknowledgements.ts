/**
 * Which acknowledgements a courrier is owed, and by when.
 *  - Paper (or handed in): an accusé de réception with the R112-5 mentions, for a request (L112-3); the code
 *    sets no deadline, but appeal deadlines cannot be enforced without it (L112-6), so it is due at once.
 *  - Electronic submission (L112-8, L112-11): an accusé d'enregistrement électronique within 1 working day
 *    and an accusé de réception électronique within 10 working days of receipt (R112-11-2).
 */
import type { Qualification } from './classification';
import { addWorkingDays } from './working-days';

export type AckKind = 'ar' | 'aee' | 'are';
export interface AckDue {
  kind: AckKind;
  label: string;
  due: string;
  article: string;
}

export interface AckFacts {
  electronic: boolean;
  recuLe: string;
  departement: string;
  /** null while the courrier is not classified yet: treated as a request, the safe side */
  qualification: Qualification | null;
  arLe: string | null;
  aeeLe: string | null;
  /** the sender is marked for abusive sends: L112-11's acknowledgements are not owed (its last paragraph) */
  abusif?: boolean;
}

export function acknowledgementsDue(f: AckFacts): AckDue[] {
  const out: AckDue[] = [];
  const owed = f.qualification?.arRequis ?? true;
  if (f.electronic) {
    if (f.abusif) return out;
    if (!f.aeeLe)
      out.push({
        kind: 'aee',
        label: 'Accusé d’enregistrement électronique',
        due: addWorkingDays(f.recuLe, 1, f.departement),
        article: 'CRPA R112-11-2',
      });
    if (owed && !f.arLe)
      out.push({
        kind: 'are',
        label: 'Accusé de réception électronique',
        due: addWorkingDays(f.recuLe, 10, f.departement),
        article: 'CRPA R112-11-2',
      });
  } else if (owed && !f.arLe) {
    out.push({ kind: 'ar', label: 'Accusé de réception', due: f.recuLe, article: 'CRPA L112-3, R112-5' });
  }
  return out;
}
