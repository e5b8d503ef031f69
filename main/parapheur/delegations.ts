/**
 * The délégations register (domain-rules §1.11) and who may sign what, on which date. A parapheur absence
 * never creates authority: only the maire, the président de séance, the law (L2122-32) or a valid arrêté does.
 */
import { z } from 'zod';
import { AppError, dateCourte, isoDate, parseOrThrow } from '../kernel';
import { fullName, readElus, type EluRow } from '../commune';
import type { Db } from '../db';
import { accord, capitalize } from '../documents';

export const KINDS = ['deliberation', 'pv', 'arrete', 'etat_civil', 'courrier', 'pes'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = {
  deliberation: 'délibération',
  pv: 'procès-verbal',
  arrete: 'arrêté',
  etat_civil: "acte d'état civil",
  courrier: 'courrier',
  pes: 'bordereau comptable (PES)',
};

export const ARTICLES = ['L2122-18', 'L2122-19', 'R2122-8', 'R2122-10'] as const;
/** What each kind of arrêté may cover. */
const SCOPE: Record<(typeof ARTICLES)[number], readonly Kind[]> = {
  'L2122-18': ['arrete', 'etat_civil', 'courrier', 'pes'],
  'L2122-19': ['arrete', 'courrier', 'pes'],
  'R2122-8': ['courrier'],
  'R2122-10': ['etat_civil'],
};

export interface DelegationRow {
  id: number;
  article: (typeof ARTICLES)[number];
  delegant_elu_id: number;
  delegataire_elu_id: number | null;
  delegataire_nom: string | null;
  delegataire_qualite: string;
  titulaire: number;
  objets: string; // JSON Kind[]
  arrete_numero: string;
  arrete_date: string;
  debut: string;
  fin: string | null;
  rang: number;
  revoquee_le: string | null;
  created_at: string;
}

export const delegationInput = z
  .object({
    article: z.enum(ARTICLES),
    delegantEluId: z.number().int().positive(),
    delegataireEluId: z.number().int().positive().nullable().default(null),
    delegataireNom: z.string().trim().min(2).max(120).nullable().default(null),
    qualite: z.string().trim().min(2, { error: 'Qualité : champ obligatoire.' }).max(120),
    titulaire: z.boolean().default(false),
    objets: z.array(z.enum(KINDS)).min(1, { error: 'Indiquez ce que la délégation permet de signer.' }),
    arreteNumero: z.string().trim().min(1, { error: "Numéro de l'arrêté : champ obligatoire." }).max(40),
    arreteDate: isoDate("Date de l'arrêté"),
    debut: isoDate('Début'),
    fin: isoDate('Fin').nullable().default(null),
    rang: z.number().int().min(1).max(20).default(1),
  })
  .strict();
export type DelegationInput = z.input<typeof delegationInput>;

const inMandate = (e: EluRow, day: string) => e.mandat_debut <= day && (!e.mandat_fin || e.mandat_fin >= day);
export const maireOn = (db: Db, day: string): EluRow | null =>
  readElus(db).find((e) => e.fonction === 'maire' && inMandate(e, day)) ?? null;

export function createDelegation(db: Db, input: unknown, now: Date): number {
  const d = parseOrThrow(delegationInput, input);
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  const delegant = elus.get(d.delegantEluId);
  if (!delegant || delegant.fonction !== 'maire')
    throw new AppError(
      'RULE',
      'Seul le maire délègue ses fonctions ou sa signature par arrêté (art. L2122-18 et L2122-19 CGCT).',
    );
  if (d.article === 'L2122-18') {
    const e = d.delegataireEluId ? elus.get(d.delegataireEluId) : null;
    if (!e || e.fonction === 'maire')
      throw new AppError(
        'RULE',
        'Une délégation de fonctions (art. L2122-18 CGCT) se donne à un adjoint ou à un conseiller municipal.',
      );
  } else {
    if (!d.delegataireNom || d.delegataireEluId)
      throw new AppError(
        'RULE',
        `Une délégation de signature (art. ${d.article} CGCT) se donne à un agent de la commune : indiquez son nom.`,
      );
    if ((d.article === 'R2122-10' || d.article === 'R2122-8') && !d.titulaire)
      throw new AppError(
        'RULE',
        `L'agent doit être fonctionnaire titulaire (art. ${d.article} CGCT) : les stagiaires et contractuels sont exclus.`,
      );
  }
  const outside = d.objets.filter((k) => !SCOPE[d.article].includes(k));
  if (outside.length)
    throw new AppError(
      'RULE',
      `Un arrêté pris sur l'article ${d.article} ne couvre pas : ${outside.map((k) => KIND_LABELS[k]).join(', ')}.`,
    );
  if (d.debut < d.arreteDate)
    throw new AppError('INVALID', "Début : la délégation commence au plus tôt le jour de l'arrêté.", {
      debut: 'Au plus tôt le jour de l’arrêté.',
    });
  if (d.fin && d.fin < d.debut) throw new AppError('INVALID', 'Fin : après le début.', { fin: 'Après le début.' });
  return Number(
    db
      .prepare(
        `INSERT INTO delegation (article, delegant_elu_id, delegataire_elu_id, delegataire_nom, delegataire_qualite, titulaire, objets, arrete_numero, arrete_date, debut, fin, rang, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.article,
        d.delegantEluId,
        d.delegataireEluId,
        d.delegataireNom,
        d.qualite,
        d.titulaire ? 1 : 0,
        JSON.stringify(d.objets),
        d.arreteNumero,
        d.arreteDate,
        d.debut,
        d.fin,
        d.rang,
        now.toISOString(),
      ).lastInsertRowid,
  );
}

export function getDelegation(db: Db, id: number): DelegationRow {
  const d = db.prepare('SELECT * FROM delegation WHERE id = ?').get(id) as DelegationRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', 'Délégation introuvable.');
  return d;
}

export function revokeDelegation(db: Db, id: number, day: string): void {
  const d = getDelegation(db, id);
  if (d.revoquee_le)
    throw new AppError('CONFLICT', `Cette délégation est déjà rapportée depuis le ${dateCourte(d.revoquee_le)}.`);
  db.prepare('UPDATE delegation SET revoquee_le = ? WHERE id = ?').run(day, id);
}

/** Why a délégation is not in force on `day`, or null. It ends with the delegating maire's mandate (L2122-19). */
export function delegationLapse(db: Db, d: DelegationRow, day: string): string | null {
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  if (d.revoquee_le && d.revoquee_le <= day) return `rapportée le ${dateCourte(d.revoquee_le)}`;
  if (day < d.debut) return `ne commence que le ${dateCourte(d.debut)}`;
  if (d.fin && day > d.fin) return `terminée le ${dateCourte(d.fin)}`;
  const delegant = elus.get(d.delegant_elu_id);
  if (!delegant || !inMandate(delegant, day)) return 'le mandat du maire qui l’a donnée est terminé';
  const elu = d.delegataire_elu_id ? elus.get(d.delegataire_elu_id) : null;
  if (d.delegataire_elu_id && (!elu || !inMandate(elu, day))) return 'le mandat de l’élu délégataire est terminé';
  return null;
}

export function listDelegations(db: Db, day: string) {
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  return (
    db.prepare('SELECT * FROM delegation ORDER BY revoquee_le IS NOT NULL, debut DESC').all() as DelegationRow[]
  ).map((d) => {
    const lapse = delegationLapse(db, d, day);
    return {
      ...d,
      objets: JSON.parse(d.objets) as Kind[],
      delegant: elus.get(d.delegant_elu_id) ? fullName(elus.get(d.delegant_elu_id)!) : '?',
      delegataire:
        d.delegataire_nom ?? (elus.get(d.delegataire_elu_id!) ? fullName(elus.get(d.delegataire_elu_id!)!) : '?'),
      enVigueur: lapse === null,
      motif: lapse,
    };
  });
}

/** Who signs: an élu, or an agent named in a délégation. */
export type Signataire = { eluId: number; delegationId?: undefined } | { eluId?: undefined; delegationId: number };

export interface Authority {
  fondement: string; // article, or « maire »
  qualite: string; // for the stamp
  delegationId: number | null;
}

export interface StepContext {
  kind: Kind;
  role: 'president' | 'secretaire_seance' | 'maire';
  stepEluId: number | null; // expected signatory named by the circuit
  seancePresidentId: number | null;
  seanceDate: string | null;
}

/** May this person sign this step on `day`? Throws RULE with the article otherwise. */
export function authorityFor(db: Db, who: Signataire, step: StepContext, day: string): Authority {
  const elus = new Map(readElus(db).map((e) => [e.id, e]));
  const kindLabel = KIND_LABELS[step.kind];
  if (step.kind === 'deliberation' || step.kind === 'pv') {
    const article = step.kind === 'pv' ? 'L2121-15' : 'L2121-23';
    const e = who.eluId ? elus.get(who.eluId) : null;
    const name = e ? fullName(e) : 'Cette personne';
    if (step.role === 'secretaire_seance') {
      if (!e || e.id !== step.stepEluId)
        throw new AppError(
          'RULE',
          `${name} n'est pas le secrétaire de séance attendu pour ce ${kindLabel} (art. ${article} CGCT).`,
        );
      return { fondement: article, qualite: 'Secrétaire de séance', delegationId: null };
    }
    const maire = maireOn(db, step.seanceDate ?? day);
    if (e && e.id === step.seancePresidentId)
      return {
        fondement: article,
        qualite:
          e.fonction === 'maire'
            ? `Maire, ${accord('président', e.civilite)} de séance`
            : `${capitalize(accord('président', e.civilite))} de séance`,
        delegationId: null,
      };
    if (e && maire && e.id === maire.id) return { fondement: article, qualite: 'Maire', delegationId: null };
    throw new AppError(
      'RULE',
      `${name} n'est ni le maire ni le président de la séance : ${step.kind === 'pv' ? 'le procès-verbal est signé' : 'les délibérations sont signées'} par le maire (ou le président de séance) et le ou les secrétaires de séance (art. ${article} CGCT).`,
    );
  }
  if (who.eluId) {
    const e = elus.get(who.eluId);
    if (e && e.fonction === 'maire' && inMandate(e, day))
      return { fondement: 'maire', qualite: 'Maire', delegationId: null };
    // the maire and the adjoints are officiers d'état civil by law (L2122-32)
    if (e && step.kind === 'etat_civil' && e.fonction === 'adjoint' && inMandate(e, day))
      return {
        fondement: 'L2122-32',
        qualite: `${capitalize(accord('adjoint', e.civilite))} au maire, officier d'état civil`,
        delegationId: null,
      };
  }
  const rows = (
    who.eluId
      ? db.prepare('SELECT * FROM delegation WHERE delegataire_elu_id = ? ORDER BY rang').all(who.eluId)
      : db.prepare('SELECT * FROM delegation WHERE id = ?').all(who.delegationId)
  ) as DelegationRow[];
  const covering = rows.filter((d) => (JSON.parse(d.objets) as Kind[]).includes(step.kind));
  const valid = covering.find((d) => delegationLapse(db, d, day) === null);
  if (valid) return { fondement: valid.article, qualite: valid.delegataire_qualite, delegationId: valid.id };
  const name = who.eluId
    ? elus.get(who.eluId)
      ? fullName(elus.get(who.eluId)!)
      : '?'
    : (rows[0]?.delegataire_nom ?? '?');
  const why = covering.length ? ` (délégation ${delegationLapse(db, covering[0]!, day)})` : '';
  const article =
    step.kind === 'etat_civil'
      ? 'art. L2122-32 et R2122-10 CGCT'
      : who.eluId
        ? 'art. L2122-18 CGCT'
        : 'art. L2122-19 CGCT';
  throw new AppError(
    'RULE',
    `${name} n'a pas de délégation en vigueur le ${dateCourte(day)} pour signer ce ${kindLabel}${why} : une signature hors délégation est refusée (${article}).`,
  );
}
