/**
 * The parapheur queue: documents to visa and to sign, each with its circuit (visa by the secrétaire, then
 * the signatures the law asks for), comments, and refusal back to the secrétaire (domain-rules §4.3).
 */
import { AppError } from '../kernel';
import { readElus } from '../commune';
import { deliberationsASigner, getPv } from '../conseil';
import type { Db } from '../db';
import type { Kind } from './delegations';

export type Statut = 'a_viser' | 'a_signer' | 'signe' | 'refuse';
export interface DocumentRow {
  id: number;
  kind: Kind;
  titre: string;
  source_type: 'deliberation' | 'pv' | 'import';
  source_id: number | null;
  seance_id: number | null;
  mime: 'application/pdf' | 'application/xml';
  original_sha256: string;
  current_sha256: string;
  statut: Statut;
  refus_motif: string | null;
  created_at: string;
  updated_at: string;
}
export interface StepRow {
  id: number;
  document_id: number;
  rang: number;
  type: 'visa' | 'signature';
  role: 'secretaire' | 'president' | 'secretaire_seance' | 'maire';
  elu_id: number | null;
  libelle: string;
  statut: 'en_attente' | 'fait' | 'refuse';
  fait_par: string | null;
  fait_le: string | null;
}
type NewStep = Pick<StepRow, 'type' | 'role' | 'elu_id' | 'libelle'>;

const VISA: NewStep = { type: 'visa', role: 'secretaire', elu_id: null, libelle: 'Visa du secrétariat' };

/** Signatures of a délibération or a PV: the président (or the maire) then each secrétaire de séance (L2121-15, L2121-23). */
function seanceSteps(db: Db, seanceId: number): NewStep[] {
  const s = db.prepare('SELECT president_elu_id FROM seance WHERE id = ?').get(seanceId) as
    { president_elu_id: number | null } | undefined;
  const maire = readElus(db).find((e) => e.fonction === 'maire' && !e.mandat_fin);
  const secretaires = db
    .prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ? ORDER BY elu_id')
    .all(seanceId) as { elu_id: number }[];
  return [
    {
      type: 'signature',
      role: 'president',
      elu_id: s?.president_elu_id ?? maire?.id ?? null,
      libelle: 'Signature du président de séance',
    },
    ...secretaires.map((x) => ({
      type: 'signature' as const,
      role: 'secretaire_seance' as const,
      elu_id: x.elu_id,
      libelle: 'Signature du secrétaire de séance',
    })),
  ];
}

export function insertDocument(
  db: Db,
  d: Pick<DocumentRow, 'kind' | 'titre' | 'source_type' | 'source_id' | 'seance_id' | 'mime'> & { sha256: string },
  steps: NewStep[],
  now: Date,
): number {
  const at = now.toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO parapheur_document (kind, titre, source_type, source_id, seance_id, mime, original_sha256, current_sha256, statut, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'a_viser', ?, ?)`,
      )
      .run(d.kind, d.titre, d.source_type, d.source_id, d.seance_id, d.mime, d.sha256, d.sha256, at, at)
      .lastInsertRowid,
  );
  const ins = db.prepare(
    'INSERT INTO circuit_step (document_id, rang, type, role, elu_id, libelle) VALUES (?, ?, ?, ?, ?, ?)',
  );
  [VISA, ...steps].forEach((s, i) => ins.run(id, i + 1, s.type, s.role, s.elu_id, s.libelle));
  return id;
}

/** Bring in what the conseil has « à signer »: adopted délibérations and arrêtés PVs not yet in the parapheur. */
export function feedFromConseil(db: Db, now: Date): number {
  let added = 0;
  const known = db.prepare('SELECT 1 FROM parapheur_document WHERE source_type = ? AND source_id = ?');
  for (const d of deliberationsASigner(db)) {
    if (!d.pdf_sha256 || known.get('deliberation', d.id)) continue;
    insertDocument(
      db,
      {
        kind: 'deliberation',
        titre: `Délibération n° ${d.numero} — ${d.objet}`,
        source_type: 'deliberation',
        source_id: d.id,
        seance_id: d.seance_id,
        mime: 'application/pdf',
        sha256: d.pdf_sha256,
      },
      seanceSteps(db, d.seance_id),
      now,
    );
    added++;
  }
  const pvs = db
    .prepare(
      "SELECT pv.seance_id, s.date FROM pv JOIN seance s ON s.id = pv.seance_id WHERE pv.statut = 'arrete' AND pv.pdf_sha256 IS NOT NULL",
    )
    .all() as { seance_id: number; date: string }[];
  for (const p of pvs) {
    if (known.get('pv', p.seance_id)) continue;
    const pv = getPv(db, p.seance_id);
    insertDocument(
      db,
      {
        kind: 'pv',
        titre: `Procès-verbal de la séance du ${p.date.split('-').reverse().join('/')}`,
        source_type: 'pv',
        source_id: p.seance_id,
        seance_id: p.seance_id,
        mime: 'application/pdf',
        sha256: pv.pdf_sha256!,
      },
      seanceSteps(db, p.seance_id),
      now,
    );
    added++;
  }
  return added;
}

export function getDocument(db: Db, id: number): DocumentRow {
  const d = db.prepare('SELECT * FROM parapheur_document WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!d) throw new AppError('NOT_FOUND', 'Document introuvable dans le parapheur.');
  return d;
}

export const stepsOf = (db: Db, id: number): StepRow[] =>
  db.prepare('SELECT * FROM circuit_step WHERE document_id = ? ORDER BY rang').all(id) as StepRow[];
export const currentStep = (db: Db, id: number): StepRow | null =>
  stepsOf(db, id).find((s) => s.statut !== 'fait') ?? null;

/** The document's status follows from its circuit. */
export function refreshStatut(db: Db, id: number, now: Date): Statut {
  const steps = stepsOf(db, id);
  const next = steps.find((s) => s.statut !== 'fait');
  const statut: Statut = !next
    ? 'signe'
    : next.statut === 'refuse'
      ? 'refuse'
      : next.type === 'visa'
        ? 'a_viser'
        : 'a_signer';
  db.prepare('UPDATE parapheur_document SET statut = ?, updated_at = ? WHERE id = ?').run(
    statut,
    now.toISOString(),
    id,
  );
  return statut;
}

export function viser(db: Db, id: number, auteur: string, now: Date): void {
  const d = getDocument(db, id);
  const step = currentStep(db, id);
  if (d.statut !== 'a_viser' || step?.type !== 'visa')
    throw new AppError('CONFLICT', `« ${d.titre} » n'attend pas de visa.`);
  db.prepare("UPDATE circuit_step SET statut = 'fait', fait_par = ?, fait_le = ? WHERE id = ?").run(
    auteur,
    now.toISOString(),
    step.id,
  );
  refreshStatut(db, id, now);
}

export function commenter(db: Db, id: number, auteur: string, texte: string, now: Date, refus = false): void {
  getDocument(db, id);
  db.prepare('INSERT INTO parapheur_comment (document_id, at, auteur, texte, refus) VALUES (?, ?, ?, ?, ?)').run(
    id,
    now.toISOString(),
    auteur,
    texte,
    refus ? 1 : 0,
  );
}

/** Refusal with its reason: the document goes back to the secrétaire; signatures already made stay. */
export function refuser(db: Db, id: number, auteur: string, motif: string, now: Date): void {
  const d = getDocument(db, id);
  const step = currentStep(db, id);
  if (!step || d.statut === 'refuse' || d.statut === 'signe')
    throw new AppError('CONFLICT', `« ${d.titre} » n'est pas en attente : il ne peut pas être refusé.`);
  db.prepare("UPDATE circuit_step SET statut = 'refuse', fait_par = ?, fait_le = ? WHERE id = ?").run(
    auteur,
    now.toISOString(),
    step.id,
  );
  db.prepare('UPDATE parapheur_document SET refus_motif = ? WHERE id = ?').run(motif, id);
  commenter(db, id, auteur, motif, now, true);
  refreshStatut(db, id, now);
}

/** Back into the circuit after a refusal: a new visa, then the pending signatures. */
export function resoumettre(db: Db, id: number, now: Date): void {
  const d = getDocument(db, id);
  if (d.statut !== 'refuse') throw new AppError('CONFLICT', `« ${d.titre} » n'a pas été refusé.`);
  db.prepare(
    "UPDATE circuit_step SET statut = 'en_attente', fait_par = NULL, fait_le = NULL WHERE document_id = ? AND (statut = 'refuse' OR type = 'visa')",
  ).run(id);
  db.prepare('UPDATE parapheur_document SET refus_motif = NULL WHERE id = ?').run(id);
  refreshStatut(db, id, now);
}

export function listDocuments(db: Db, statut: Statut | null) {
  const rows = (
    statut
      ? db.prepare('SELECT * FROM parapheur_document WHERE statut = ? ORDER BY created_at, id').all(statut)
      : db.prepare("SELECT * FROM parapheur_document ORDER BY statut = 'signe', created_at, id").all()
  ) as DocumentRow[];
  const comments = db.prepare('SELECT count(*) AS n FROM parapheur_comment WHERE document_id = ?');
  return rows.map((d) => ({
    ...d,
    etape: currentStep(db, d.id),
    commentaires: (comments.get(d.id) as { n: number }).n,
  }));
}

export function documentDetail(db: Db, id: number) {
  return {
    document: getDocument(db, id),
    circuit: stepsOf(db, id),
    commentaires: db.prepare('SELECT * FROM parapheur_comment WHERE document_id = ? ORDER BY at, id').all(id) as {
      id: number;
      at: string;
      auteur: string;
      texte: string;
      refus: number;
    }[],
    signatures: db.prepare('SELECT * FROM signature_record WHERE document_id = ? ORDER BY id').all(id) as Record<
      string,
      unknown
    >[],
  };
}
