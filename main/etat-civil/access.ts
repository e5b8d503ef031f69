/**
 * Who sees the état civil (issue 11): the secrétaire de mairie, and the officiers de l'état civil — the maire
 * and the adjoints by law (CGCT L2122-32), a conseiller holding a délégation de fonctions that covers it
 * (L2122-18), an agent holding a délégation de signature R2122-10 in the délégations register. Checked in the
 * core on every call, whatever the window shows; support and other élus see nothing of it.
 */
import { AppError } from '../kernel';
import type { Session } from '../context';
import { readElus } from '../commune';
import type { Db } from '../db';
import { delegationLapse, type DelegationRow } from '../parapheur';
import { fold } from './rules/search-query';

export const REFUS_ETAT_CIVIL =
  'L’état civil n’est accessible qu’à la secrétaire de mairie et aux officiers de l’état civil : le maire, les adjoints (art. L2122-32 CGCT) et les élus ou agents délégués par arrêté (art. L2122-18 et R2122-10 CGCT).';

const covers = (d: DelegationRow) => (JSON.parse(d.objets) as string[]).includes('etat_civil');

/** The quality under which `s` may see the registers on `day`, or a FORBIDDEN error naming the articles. */
export function etatCivilQualite(db: Db, s: Session, day: string): string {
  if (s.role === 'secretaire') return 'Secrétaire de mairie';
  if (!s.role || s.role === 'support') throw new AppError('FORBIDDEN', REFUS_ETAT_CIVIL);
  const elu = s.eluId ? readElus(db).find((e) => e.id === s.eluId) : undefined;
  const inMandate = !!elu && elu.mandat_debut <= day && (!elu.mandat_fin || elu.mandat_fin >= day);
  // An account linked to an élu is judged on the élu's mandate; one that is not, on its role alone.
  if ((s.role === 'maire' || s.role === 'adjoint') && (!s.eluId || (inMandate && elu!.fonction === s.role)))
    return s.role === 'maire' ? 'Maire, officier de l’état civil' : 'Adjoint au maire, officier de l’état civil';
  const rows = db.prepare('SELECT * FROM delegation').all() as DelegationRow[];
  const mine = rows.filter(
    (d) =>
      covers(d) &&
      ((s.eluId && inMandate && d.delegataire_elu_id === s.eluId) ||
        (d.article === 'R2122-10' && d.delegataire_nom && fold(d.delegataire_nom) === fold(s.displayName))),
  );
  const valid = mine.find((d) => delegationLapse(db, d, day) === null);
  if (valid) return `${valid.delegataire_qualite} (arrêté n° ${valid.arrete_numero}, art. ${valid.article} CGCT)`;
  throw new AppError('FORBIDDEN', REFUS_ETAT_CIVIL);
}
