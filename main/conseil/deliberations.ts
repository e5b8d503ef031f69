// A délibération of the conseil municipal: its row, its creation after the vote, its publication (L2131-1,
// R2131-1); what follows for the parapheur and the synchronisation is in deliberation-transmission.ts.
import { z } from 'zod';
import { AppError, isoDate, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import { readIdentity, readSetting, writeSetting } from '../commune';
import type { Db } from '../db';
import type { Attendance } from './attendance';
import { communeClassification, flattenMatieres } from './classification';
import { deliberationPdf, type DeliberationPdfInput } from './pdfs';
import { formatDateFr } from './rules/dates';
import { checkNumero, nextNumero } from './rules/numbering';
import { defaultModePublicite, executoire, publicationMinEnd, type ModePublicite } from './rules/publicite';
import type { PointRow, SeanceRow } from './seances';

export interface DeliberationRow {
  id: number;
  seance_id: number;
  point_id: number | null;
  numero: string;
  objet: string;
  matiere: string;
  texte: string;
  pour: number;
  contre: number;
  abstention: number;
  adoptee: number;
  signature: 'a_signer' | 'signee';
  transmission: 'non_soumise' | 'a_transmettre' | 'transmise' | 'ar_recu' | 'anomalie';
  anomalie_motif: string | null;
  ar_date: string | null;
  ar_identifiant: string | null;
  mode_publicite: ModePublicite | null;
  publication_debut: string | null;
  publication_fin: string | null;
  pdf_sha256: string | null;
  bordereau_sha256: string | null;
  tampon_sha256: string | null;
  created_at: string | null;
}

export function getDeliberation(db: Db, id: number): DeliberationRow {
  const d = db.prepare('SELECT * FROM deliberation WHERE id = ?').get(id) as DeliberationRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', 'Délibération introuvable.');
  return d;
}

export const deliberationsOf = (db: Db, seanceId: number): DeliberationRow[] =>
  db
    .prepare(
      'SELECT d.* FROM deliberation d LEFT JOIN point_odj p ON p.id = d.point_id WHERE d.seance_id = ? ORDER BY p.rang, d.numero',
    )
    .all(seanceId) as DeliberationRow[];

/** The date the convocation left (the earliest recorded sending), shown on the délibération. */
export const convocationDate = (db: Db, seanceId: number): string | null =>
  (
    db.prepare('SELECT min(envoye_le) AS d FROM convocation_envoi WHERE seance_id = ?').get(seanceId) as {
      d: string | null;
    }
  ).d;

export interface NewDeliberation {
  point: PointRow;
  seance: SeanceRow;
  attendance: Attendance;
  vote: { pour: number; contre: number; abstention: number; adopted: boolean; message: string };
  /** printed on the act: a nomination's rounds, a scrutin public's names (L2121-21) */
  nomination?: DeliberationPdfInput['nomination'];
  nominatif?: DeliberationPdfInput['nominatif'];
  /** writes the vote rows, inside the same transaction as the délibération */
  record: () => void;
}

/**
 * Number the délibération (ACTES numéro interne, unique), generate its PDF, and write everything in one
 * transaction. Once written, the database refuses any change to its content (trigger deliberation_immuable).
 */
export async function createDeliberation(
  c: ConseilCtx,
  n: NewDeliberation,
): Promise<{ deliberationId: number; numero: string }> {
  const numero = numeroFor(c, Number(n.seance.date.slice(0, 4)));
  const matiereChemin =
    flattenMatieres(communeClassification(c.db, c.docs)).find((m) => m.code === n.point.matiere)?.chemin ??
    n.point.matiere;
  const pdf = await deliberationPdf(c.db, {
    numero,
    seance: n.seance,
    point: n.point,
    attendance: n.attendance,
    vote: n.vote,
    nomination: n.nomination ?? null,
    nominatif: n.nominatif ?? null,
    convocationLe: convocationDate(c.db, n.seance.id),
    matiereChemin,
  });
  const { sha256 } = c.docs.put(pdf);
  const id = c.db.transaction(() => {
    n.record();
    const newId = Number(
      c.db
        .prepare(
          `INSERT INTO deliberation (seance_id, point_id, numero, objet, matiere, texte, pour, contre, abstention, adoptee, signature, transmission, pdf_sha256, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'a_signer', ?, ?, ?)`,
        )
        .run(
          n.seance.id,
          n.point.id,
          numero,
          n.point.titre,
          n.point.matiere,
          n.point.projet,
          n.vote.pour,
          n.vote.contre,
          n.vote.abstention,
          n.vote.adopted ? 1 : 0,
          n.vote.adopted ? 'a_transmettre' : 'non_soumise',
          sha256,
          c.now.toISOString(),
        ).lastInsertRowid,
    );
    c.db.prepare("UPDATE point_odj SET statut = 'delibere' WHERE id = ?").run(n.point.id);
    c.audit({
      action: 'deliberation.adoptee',
      summary: `Délibération n° ${numero} — ${n.point.titre} : ${n.vote.message}`,
      objectType: 'deliberation',
      objectId: newId,
      details: { pdf: sha256 },
    });
    return newId;
  })();
  return { deliberationId: id, numero };
}

/** The next ACTES numéro interne of the year, checked unique among those already given. */
function numeroFor(c: ConseilCtx, year: number): string {
  const existing = (
    c.db.prepare("SELECT numero FROM deliberation WHERE numero LIKE ? ESCAPE '\\'").all(`${year}\\_%`) as {
      numero: string;
    }[]
  ).map((r) => r.numero);
  const numero = nextNumero(year, existing);
  const bad = checkNumero(numero, existing);
  if (bad) throw new AppError('CONFLICT', bad);
  return numero;
}

/** The council's choice of publicity mode, under 3,500 inhabitants (L2131-1 IV); electronic by default. */
export function modePublicite(db: Db): { mode: ModePublicite; choisi: boolean; deliberation: string | null } {
  const chosen = readSetting<{ mode: ModePublicite; deliberation: string | null }>(db, 'mode_publicite') ?? null;
  const population = readIdentity(db).population;
  return {
    mode: defaultModePublicite(population, chosen?.mode ?? null),
    choisi: Boolean(chosen) && population < 3500,
    deliberation: chosen?.deliberation ?? null,
  };
}

export function setModePublicite(c: ConseilCtx, mode: ModePublicite, deliberationNumero: string | null): void {
  if (readIdentity(c.db).population >= 3500 && mode !== 'electronique')
    throw new AppError(
      'RULE',
      'À partir de 3 500 habitants, les actes sont publiés sous forme électronique (art. L2131-1 CGCT).',
    );
  if (mode !== 'electronique' && !deliberationNumero)
    throw new AppError(
      'RULE',
      'Le mode de publicité est choisi par délibération du conseil municipal (art. L2131-1 IV CGCT) : indiquez son numéro.',
    );
  writeSetting(c.db, 'mode_publicite', { mode, deliberation: deliberationNumero });
  c.audit({
    action: 'conseil.mode-publicite',
    summary: `Mode de publicité des actes : ${mode}${deliberationNumero ? ` (délibération n° ${deliberationNumero})` : ''}`,
  });
}

const publishSchema = z.object({
  debut: isoDate('Date de publication'),
  confirm: z.boolean().optional(),
  confirmNonSignee: z.boolean().optional(),
});

/**
 * Publication of an adopted délibération in the commune's mode; electronic publication lasts ≥ 2 months
 * (R2131-1). Publishing is what makes the act known and, with the transmission when required, executory
 * (L2131-1): the secrétaire confirms (`confirm`). A délibération not yet signed by the maire and the
 * secrétaire(s) de séance (L2121-23) needs a second, explicit confirmation (`confirmNonSignee`).
 */
export function publishDeliberation(c: ConseilCtx, id: number, input: unknown): void {
  const { debut, confirm, confirmNonSignee } = parseOrThrow(publishSchema, input);
  const d = getDeliberation(c.db, id);
  if (!d.adoptee)
    throw new AppError(
      'CONFLICT',
      "Une délibération rejetée n'est pas publiée comme acte ; elle figure sur la liste des délibérations de la séance.",
    );
  if (d.publication_debut)
    throw new AppError('CONFLICT', `Déjà publiée depuis le ${formatDateFr(d.publication_debut)}.`);
  if (debut > c.today) throw new AppError('INVALID', 'Date de publication : elle ne peut pas être dans le futur.');
  const seanceDate = (c.db.prepare('SELECT date FROM seance WHERE id = ?').get(d.seance_id) as { date: string }).date;
  if (debut < seanceDate) throw new AppError('INVALID', 'Date de publication : elle suit la séance.');
  const { mode } = modePublicite(c.db);
  const fin = mode === 'electronique' ? publicationMinEnd(debut) : null;
  if (!confirm) throw new AppError('CONFIRM', publicationNotice(d, mode, debut, fin));
  const nonSignee = d.signature !== 'signee';
  if (nonSignee && !confirmNonSignee)
    throw new AppError(
      'CONFIRM',
      `La délibération n° ${d.numero} n'est pas encore signée par le maire et le(s) secrétaire(s) de séance (art. L2121-23 CGCT). Publier un acte non signé l'expose à être contesté : faites-la signer d'abord au parapheur. La publier quand même ?`,
    );
  c.db
    .prepare('UPDATE deliberation SET mode_publicite = ?, publication_debut = ?, publication_fin = ? WHERE id = ?')
    .run(mode, debut, fin, id);
  c.audit({
    action: 'deliberation.publiee',
    summary: `Délibération n° ${d.numero} publiée (${mode}) le ${formatDateFr(debut)}${fin ? `, en ligne au moins jusqu'au ${formatDateFr(fin)} (art. R2131-1 CGCT)` : ''}${nonSignee ? ' — publiée avant sa signature, sur confirmation expresse (art. L2121-23 CGCT)' : ''}`,
    objectType: 'deliberation',
    objectId: id,
  });
}

const MODE_LABEL: Record<ModePublicite, string> = {
  electronique: 'mise en ligne sur le site de la commune',
  affichage: 'affichage à la mairie',
  papier: 'mise à disposition sur papier à la mairie',
};

/** What publishing means, as the secrétaire reads it before confirming (L2131-1, R2131-1). */
function publicationNotice(d: DeliberationRow, mode: ModePublicite, debut: string, fin: string | null): string {
  const soumis = d.transmission !== 'non_soumise';
  return (
    `Publier la délibération n° ${d.numero} le ${formatDateFr(debut)} (${MODE_LABEL[mode]}${fin ? `, au moins jusqu'au ${formatDateFr(fin)}` : ''}) la porte à la connaissance du public : ` +
    `elle devient exécutoire${soumis ? ' une fois aussi transmise à la préfecture' : ''} (art. L2131-1 CGCT) et le délai de recours de deux mois commence. La publication ne s'annule pas. Confirmer ?`
  );
}

export function executoireOf(d: DeliberationRow) {
  if (!d.adoptee) return { executoire: false, date: null, raisons: ['délibération rejetée : sans effet'] };
  if (d.transmission === 'anomalie') {
    const r = executoire({ publicationDate: d.publication_debut, soumisTransmission: true, transmissionDate: null });
    return {
      ...r,
      raisons: [
        ...r.raisons.filter((x) => !x.startsWith('pas encore transmis')),
        `transmission refusée : ${d.anomalie_motif ?? 'motif non précisé'} — à corriger puis transmettre à nouveau`,
      ],
    };
  }
  return executoire({
    publicationDate: d.publication_debut,
    soumisTransmission: d.transmission !== 'non_soumise',
    transmissionDate: d.ar_date,
  });
}
