/**
 * Replies from templates: the mail-merge fields come from the arrivée and the commune; the letter goes to the
 * parapheur for the maire's signature (L2122-19: or his délégataire) and, once signed, is registered as a
 * départ linked to the arrivée (« réponse à »), which becomes « répondu ».
 */
import { z } from 'zod';
import { record, type Actor } from '../audit';
import { AppError, dateCourte, parseOrThrow, trimmed } from '../kernel';
import { readElus, readIdentity, fullName } from '../commune';
import type { Db } from '../db';
import { PdfWriter, type DocumentStore } from '../documents';
import { insertDocument } from '../parapheur';
import type { CourrierCtx } from './context';
import { getCourrier, type CourrierRow } from './courrier';
import { serviceLines } from './documents';
import { mayAnswer } from './rights';

/** Every template, the archived ones last (migration 0340): with how many replies were made from each. */
export const modeles = (db: Db) =>
  db
    .prepare(
      `SELECT code, titre, corps, builtin, archive_le AS archiveLe, (SELECT count(*) FROM courrier_reponse r WHERE r.modele = m.code) AS reponses
       FROM courrier_modele m ORDER BY archive_le IS NOT NULL, builtin DESC, titre`,
    )
    .all() as {
    code: string;
    titre: string;
    corps: string;
    builtin: number;
    /** set once archived: kept for the replies made from it, never offered for a new one */
    archiveLe: string | null;
    reponses: number;
  }[];

/** {{champ}} → value; an unknown field is left visible so that nobody signs a letter with a hole in it. */
export function merge(corps: string, fields: Record<string, string>): string {
  return corps.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (m, k: string) => fields[k] ?? m);
}

export function fieldsOf(db: Db, c: CourrierRow, texte: string, today: string): Record<string, string> {
  const m = readIdentity(db);
  const maire = readElus(db).find((e) => e.fonction === 'maire' && !e.mandat_fin);
  return {
    correspondant: c.correspondant,
    objet: c.objet,
    numero: `${c.annee}-${c.numero}`,
    date_reception: dateCourte(c.date_enregistrement),
    date_courrier: dateCourte(c.date_courrier),
    date: dateCourte(today),
    commune: m.nom,
    maire: maire ? fullName(maire) : 'le maire',
    texte,
  };
}

const replyInput = z.object({ modele: z.string().max(60), texte: trimmed('Texte de la réponse', 20_000) });

export async function prepareReply(
  ctx: CourrierCtx,
  arriveeId: number,
  input: unknown,
): Promise<{ reponseId: number; parapheurDocumentId: number }> {
  const c = getCourrier(ctx.db, arriveeId);
  mayAnswer(ctx.role, c);
  if (c.sens !== 'arrivee') throw new AppError('RULE', 'On répond à un courrier reçu.');
  const r = parseOrThrow(replyInput, input);
  const modele = modeles(ctx.db).find((x) => x.code === r.modele && !x.archiveLe);
  if (!modele) throw new AppError('INVALID', 'Modèle : choisissez-le dans la liste.', { modele: 'Modèle inconnu.' });
  const fields = fieldsOf(ctx.db, c, r.texte, ctx.today);
  const m = readIdentity(ctx.db);
  const objet = `Réponse : ${c.objet}`.slice(0, 500);
  const w = await PdfWriter.create({
    title: objet,
    commune: `Commune de ${m.nom}`,
    createdAt: ctx.now,
    header: `Commune de ${m.nom} (${m.code_postal}) — ${modele.titre}`,
  });
  w.text('RÉPUBLIQUE FRANÇAISE', { align: 'center', bold: true, size: 10, after: 10 });
  w.text(`${m.nom}, le ${fields.date}`, { align: 'right', after: 8 });
  w.text(c.correspondant, { bold: true, after: 8 });
  w.text(`Objet : ${c.objet} — votre courrier n° ${fields.numero}`, { bold: true, after: 8 });
  for (const p of merge(modele.corps, fields).split('\n')) w.text(p, { after: 6 });
  w.spacer(6);
  for (const s of serviceLines(ctx)) w.text(s, { size: 9, after: 2 });
  w.signatures([{ title: 'Le maire', name: fields.maire! }]);
  const bytes = await w.save();
  const { sha256 } = ctx.docs.put(bytes);
  return ctx.db.transaction(() => {
    const docId = insertDocument(
      ctx.db,
      {
        kind: 'courrier',
        titre: `${objet} (courrier n° ${fields.numero})`,
        source_type: 'import',
        source_id: null,
        seance_id: null,
        mime: 'application/pdf',
        sha256,
      },
      [{ type: 'signature', role: 'maire', elu_id: null, libelle: 'Signature du maire ou de son délégataire' }],
      ctx.now,
    );
    const id = Number(
      ctx.db
        .prepare(
          'INSERT INTO courrier_reponse (arrivee_id, modele, objet, sha256, parapheur_document_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(arriveeId, modele.code, objet, sha256, docId, ctx.now.toISOString()).lastInsertRowid,
    );
    ctx.db.prepare("UPDATE courrier SET statut = 'en_cours' WHERE id = ? AND statut = 'a_traiter'").run(arriveeId);
    ctx.audit({
      action: 'courrier.reponse.parapheur',
      summary: `Réponse au courrier arrivée n° ${fields.numero} déposée dans le parapheur pour signature`,
      objectType: 'courrier',
      objectId: arriveeId,
    });
    return { reponseId: id, parapheurDocumentId: docId };
  })();
}

/**
 * Replies signed in the parapheur become départs (numbered when signed: the date the letter leaves). Run when
 * the register or the dashboard is read; idempotent (depart_id set in the same transaction).
 */
export function registerSignedReplies(db: Db, docs: DocumentStore, actor: Actor, now: Date, today: string): number {
  const ready = db
    .prepare(
      "SELECT r.id, r.arrivee_id, r.objet, d.current_sha256 FROM courrier_reponse r JOIN parapheur_document d ON d.id = r.parapheur_document_id WHERE r.depart_id IS NULL AND d.statut = 'signe'",
    )
    .all() as { id: number; arrivee_id: number; objet: string; current_sha256: string }[];
  for (const r of ready) {
    db.transaction(() => {
      const a = getCourrier(db, r.arrivee_id);
      const annee = Number(today.slice(0, 4));
      const numero = (
        db
          .prepare("SELECT coalesce(max(numero), 0) + 1 AS n FROM courrier WHERE sens = 'depart' AND annee = ?")
          .get(annee) as { n: number }
      ).n;
      const id = Number(
        db
          .prepare(
            `INSERT INTO courrier (sens, annee, numero, date_courrier, date_enregistrement, correspondant, contact_id, objet, nature, canal, statut, created_at) VALUES ('depart', ?, ?, ?, ?, ?, ?, ?, 'Réponse', 'papier', 'classe', ?)`,
          )
          .run(annee, numero, today, today, a.correspondant, a.contact_id, r.objet, now.toISOString()).lastInsertRowid,
      );
      const size = docs.read(r.current_sha256).byteLength;
      db.prepare(
        "INSERT INTO courrier_piece (courrier_id, nom, sha256, mime, taille, role) VALUES (?, ?, ?, 'application/pdf', ?, 'document')",
      ).run(id, `reponse-${annee}-${numero}-signee.pdf`, r.current_sha256, size);
      db.prepare("INSERT INTO courrier_lien (courrier_id, cible_id, type) VALUES (?, ?, 'reponse_a')").run(id, a.id);
      db.prepare("UPDATE courrier SET statut = 'repondu' WHERE id = ?").run(a.id);
      db.prepare('UPDATE courrier_reponse SET depart_id = ? WHERE id = ?').run(id, r.id);
      record(db, now, actor, {
        action: 'courrier.depart.enregistre',
        summary: `Courrier départ n° ${annee}-${numero} enregistré : réponse signée au courrier arrivée n° ${a.annee}-${a.numero}`,
        objectType: 'courrier',
        objectId: id,
      });
    })();
  }
  return ready.length;
}
