// A délibération after its adoption, as the parapheur and the synchronisation see it (through index.ts): the
// lists à signer / à transmettre, the signature, the transmission, the AR of the préfecture (S²LOW §2.5).
import { AppError } from '../kernel';
import type { ConseilCtx } from './context';
import type { Db } from '../db';
import { formatDateFr } from './rules/dates';
import { getDeliberation, type DeliberationRow } from './deliberations';

export const deliberationsASigner = (db: Db): DeliberationRow[] =>
  db
    .prepare("SELECT * FROM deliberation WHERE signature = 'a_signer' AND adoptee = 1 ORDER BY numero")
    .all() as DeliberationRow[];

export const deliberationsATransmettre = (db: Db): DeliberationRow[] =>
  db
    .prepare("SELECT * FROM deliberation WHERE transmission = 'a_transmettre' ORDER BY numero")
    .all() as DeliberationRow[];

/** The signed PDF is a new document; the unsigned one stays in the store and in the journal. */
export function markSigned(c: ConseilCtx, id: number, signedPdfSha256: string, signataire: string): void {
  const d = getDeliberation(c.db, id);
  if (d.signature === 'signee') throw new AppError('CONFLICT', `La délibération n° ${d.numero} est déjà signée.`);
  if (!c.docs.has(signedPdfSha256)) throw new AppError('NOT_FOUND', 'Document signé introuvable.');
  c.db.prepare("UPDATE deliberation SET signature = 'signee', pdf_sha256 = ? WHERE id = ?").run(signedPdfSha256, id);
  c.audit({
    action: 'deliberation.signee',
    summary: `Délibération n° ${d.numero} signée par ${signataire}`,
    objectType: 'deliberation',
    objectId: id,
    details: { avant: d.pdf_sha256, apres: signedPdfSha256 },
  });
}

export function markTransmitted(c: ConseilCtx, id: number): void {
  const d = getDeliberation(c.db, id);
  if (d.transmission !== 'a_transmettre')
    throw new AppError('CONFLICT', `La délibération n° ${d.numero} n'est pas en attente de transmission.`);
  c.db.prepare("UPDATE deliberation SET transmission = 'transmise' WHERE id = ?").run(id);
  c.audit({
    action: 'deliberation.transmise',
    summary: `Délibération n° ${d.numero} transmise à la préfecture`,
    objectType: 'deliberation',
    objectId: id,
  });
}

/** The platform or the préfecture refused the act (KO for a rule, AnomalieActe): back to the secrétaire. */
export function markAnomalie(c: ConseilCtx, id: number, motif: string): void {
  const d = getDeliberation(c.db, id);
  c.db.prepare("UPDATE deliberation SET transmission = 'anomalie', anomalie_motif = ? WHERE id = ?").run(motif, id);
  c.audit({
    action: 'deliberation.anomalie',
    summary: `Transmission de la délibération n° ${d.numero} refusée : ${motif}`,
    objectType: 'deliberation',
    objectId: id,
  });
}

/**
 * AR of the préfecture (ARActe). The bordereau d'acquittement and the stamped act (S²LOW §2.5) come with it
 * when the platform gave them, or later (a synchronisation retries the download): calling again with the
 * same identifiant only adds the missing documents.
 */
export function markArRecu(
  c: ConseilCtx,
  id: number,
  ar: { date: string; identifiant: string; bordereauSha256?: string | null; tamponSha256?: string | null },
): void {
  const d = getDeliberation(c.db, id);
  for (const sha of [ar.bordereauSha256, ar.tamponSha256])
    if (sha && !c.docs.has(sha)) throw new AppError('NOT_FOUND', 'Document de la préfecture introuvable.');
  const bordereau = ar.bordereauSha256 ?? d.bordereau_sha256;
  const tampon = ar.tamponSha256 ?? d.tampon_sha256;
  c.db
    .prepare(
      "UPDATE deliberation SET transmission = 'ar_recu', ar_date = ?, ar_identifiant = ?, bordereau_sha256 = ?, tampon_sha256 = ? WHERE id = ?",
    )
    .run(ar.date, ar.identifiant, bordereau, tampon, id);
  const added = [
    bordereau !== d.bordereau_sha256 && "bordereau d'acquittement",
    tampon !== d.tampon_sha256 && 'acte tamponné',
  ].filter((x): x is string => Boolean(x));
  const details = { ...(bordereau ? { bordereau } : {}), ...(tampon ? { tampon } : {}) };
  if (d.transmission === 'ar_recu' && d.ar_identifiant === ar.identifiant) {
    if (added.length)
      c.audit({
        action: 'deliberation.ar.documents',
        summary: `Délibération n° ${d.numero} : ${added.join(' et ')} reçu${added.length > 1 ? 's' : ''} de la préfecture`,
        objectType: 'deliberation',
        objectId: id,
        details,
      });
    return;
  }
  c.audit({
    action: 'deliberation.ar',
    summary: `Accusé de réception de la préfecture pour la n° ${d.numero} : ${ar.identifiant}, reçu le ${formatDateFr(ar.date)}${added.length ? ` (avec ${added.join(' et ')})` : ''}`,
    objectType: 'deliberation',
    objectId: id,
    ...(added.length ? { details } : {}),
  });
}

/** The date of the decision, for the transmission: the séance's date. */
export const deliberationDate = (db: Db, seanceId: number): string =>
  (db.prepare('SELECT date FROM seance WHERE id = ?').get(seanceId) as { date: string }).date;

/** The annexes to transmit with a délibération: those of its point that were given an ACTES typologie. */
export const annexesOf = (db: Db, pointId: number | null): { sha256: string; nom: string; type: string }[] =>
  pointId === null
    ? []
    : (db
        .prepare(
          'SELECT sha256, nom, type_pj AS type FROM annexe WHERE point_id = ? AND type_pj IS NOT NULL ORDER BY id',
        )
        .all(pointId) as { sha256: string; nom: string; type: string }[]);

/**
 * The synchronisation's view of the AR documents still missing (§2.5 retry): acts whose AR is recorded but
 * whose bordereau or stamped copy has not arrived. The conseil owns its table; the sync asks through this.
 */
export function deliberationsSansPieces(db: Db): { id: number; has_bordereau: boolean; has_tampon: boolean }[] {
  const rows = db
    .prepare(
      `SELECT id, bordereau_sha256 IS NOT NULL AS b, tampon_sha256 IS NOT NULL AS t FROM deliberation
       WHERE transmission = 'ar_recu' AND ar_identifiant IS NOT NULL AND (bordereau_sha256 IS NULL OR tampon_sha256 IS NULL)`,
    )
    .all() as { id: number; b: number; t: number }[];
  return rows.map((r) => ({ id: r.id, has_bordereau: r.b === 1, has_tampon: r.t === 1 }));
}

/** A refused act sent again (sync.renvoyer): the deliberation waits for its transmission once more. */
export function remettreATransmettre(db: Db, id: number): void {
  db.prepare("UPDATE deliberation SET transmission = 'a_transmettre', anomalie_motif = NULL WHERE id = ?").run(id);
}
