/**
 * Who signs a copy or an extract (décret 2017-890 art. 27: the signatory's name and quality on the document):
 * an officier de l'état civil on that day — the maire and the adjoints by law (CGCT L2122-32), an élu holding a
 * délégation L2122-18 or an agent holding a délégation R2122-10 in the délégations register. A secrétaire
 * without such a délégation prepares the document; it names the officier chosen among those valid that day.
 */
import { AppError } from '../kernel';
import type { Session } from '../context';
import { fullName, readElus, type EluRow } from '../commune';
import type { Db } from '../db';
import { delegationLapse, type DelegationRow } from '../parapheur';
import type { EcCtx } from './context';
import type { OfficierChoisi } from './demandes-schemas';
import { etatCivilQualite } from './access';
import { fold } from './rules/search-query';

export interface OfficierDuJour {
  choix: OfficierChoisi;
  nom: string;
  qualite: string;
}

const R2122_10 = 'art. L2122-32 et R2122-10 CGCT';
const inMandate = (e: EluRow, day: string) => e.mandat_debut <= day && (!e.mandat_fin || e.mandat_fin >= day);
const covers = (d: DelegationRow) => (JSON.parse(d.objets) as string[]).includes('etat_civil');

/** Every officier de l'état civil on `day`: maire, adjoints in their mandate, délégations in force. */
export function officiersDuJour(db: Db, day: string): OfficierDuJour[] {
  const elus = readElus(db);
  const out: OfficierDuJour[] = elus
    .filter((e) => (e.fonction === 'maire' || e.fonction === 'adjoint') && inMandate(e, day))
    .sort((a, b) =>
      a.fonction === 'maire' ? -1 : b.fonction === 'maire' ? 1 : (a.rang_adjoint ?? 99) - (b.rang_adjoint ?? 99),
    )
    .map((e) => ({
      choix: { eluId: e.id },
      nom: fullName(e),
      qualite:
        e.fonction === 'maire' ? 'Maire, officier de l’état civil' : 'Adjoint au maire, officier de l’état civil',
    }));
  const byId = new Map(elus.map((e) => [e.id, e]));
  for (const d of db.prepare('SELECT * FROM delegation ORDER BY rang, id').all() as DelegationRow[]) {
    if (!covers(d) || delegationLapse(db, d, day) !== null) continue;
    const elu = d.delegataire_elu_id ? byId.get(d.delegataire_elu_id) : undefined;
    if (elu && out.some((o) => o.choix.eluId === elu.id)) continue; // an adjoint is officier by law already
    out.push({
      choix: { delegationId: d.id },
      nom: elu ? fullName(elu) : (d.delegataire_nom ?? '?'),
      qualite: `${d.delegataire_qualite} (arrêté n° ${d.arrete_numero}, art. ${d.article} CGCT)`,
    });
  }
  return out;
}

const same = (a: OfficierChoisi, b: OfficierChoisi) =>
  (a.eluId !== undefined && a.eluId === b.eluId) || (a.delegationId !== undefined && a.delegationId === b.delegationId);

/** The officier de l'état civil this session is today, if any (its own élu, or a délégation in its name). */
function selfOfficier(list: OfficierDuJour[], db: Db, s: Session): OfficierDuJour | null {
  if (s.eluId) {
    const mine = list.find((o) => o.choix.eluId === s.eluId);
    if (mine) return mine;
    const deleg = list.find(
      (o) =>
        o.choix.delegationId &&
        (
          db.prepare('SELECT delegataire_elu_id FROM delegation WHERE id = ?').get(o.choix.delegationId) as {
            delegataire_elu_id: number | null;
          }
        ).delegataire_elu_id === s.eluId,
    );
    if (deleg) return deleg;
  }
  // an agent's délégation R2122-10 names the agent: matched on the account's display name (as access.ts does)
  return list.find((o) => o.choix.delegationId && fold(o.nom) === fold(s.displayName)) ?? null;
}

/**
 * Who signs what `s` produces today. An officier signs in his own name (a choice naming someone else is
 * refused); a secrétaire without délégation must choose an officier valid today.
 */
export function officierFor(c: EcCtx, s: Session, choix: OfficierChoisi | null): OfficierDuJour {
  const list = officiersDuJour(c.db, c.today);
  const self = selfOfficier(list, c.db, s);
  if (self) {
    if (choix && !same(choix, self.choix))
      throw new AppError(
        'RULE',
        `Vous êtes vous-même officier de l’état civil aujourd’hui : le document est délivré sous votre nom (${R2122_10}).`,
      );
    return self;
  }
  if (s.role !== 'secretaire')
    throw new AppError(
      'FORBIDDEN',
      `Vous n’êtes pas officier de l’état civil ce jour : seuls le maire, les adjoints et les délégataires en fonction délivrent les copies et extraits (${R2122_10}).`,
    );
  if (!choix)
    throw new AppError(
      'RULE',
      `Sans délégation de l’officier de l’état civil (art. R2122-10 CGCT), la secrétaire ne signe pas les copies et extraits : choisissez l’officier qui les signe aujourd’hui (maire, adjoint ou agent délégué).`,
    );
  const chosen = list.find((o) => same(o.choix, choix));
  if (!chosen)
    throw new AppError(
      'RULE',
      `La personne choisie n’est pas officier de l’état civil ce jour (mandat ou délégation terminés, ${R2122_10}) : choisissez-en une autre.`,
    );
  return chosen;
}

/**
 * The statistics carry no personal data: the maire and the adjoints read them as élus (issue 12), the
 * secrétaire and the officiers too; other élus and support do not.
 */
export function statsAccess(db: Db, s: Session, day: string): void {
  if (s.role === 'secretaire' || s.role === 'maire' || s.role === 'adjoint') return;
  etatCivilQualite(db, s, day);
}
