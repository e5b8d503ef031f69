/** A courrier as the detail screen shows it: facts, contact, attachments, links, CRPA computation, documents. */
import type { Db } from '../db';
import type { ContactRow } from './contacts';
import { crpaOf, getCourrier } from './courrier';
import { CLASSEMENT_LABELS } from './rules/classification';

export function courrierDetail(db: Db, id: number) {
  const c = getCourrier(db, id);
  const contact = c.contact_id ? ((db.prepare('SELECT id, kind, nom, email, adresse, telephone, siret FROM contact WHERE id = ?').get(c.contact_id) as ContactRow | undefined) ?? null) : null;
  const pieces = db.prepare('SELECT id, nom, mime, taille, role FROM courrier_piece WHERE courrier_id = ? ORDER BY id').all(id) as { id: number; nom: string; mime: string; taille: number; role: 'piece' | 'document' }[];
  const liens = db
    .prepare(
      `SELECT l.type, 'vers' AS direction, c.id, c.sens, c.annee, c.numero, c.objet FROM courrier_lien l JOIN courrier c ON c.id = l.cible_id WHERE l.courrier_id = ?
       UNION ALL SELECT l.type, 'depuis', c.id, c.sens, c.annee, c.numero, c.objet FROM courrier_lien l JOIN courrier c ON c.id = l.courrier_id WHERE l.cible_id = ?`,
    )
    .all(id, id) as { type: string; direction: 'vers' | 'depuis'; id: number; sens: string; annee: number; numero: number; objet: string }[];
  const courriels = db.prepare('SELECT id, kind, destinataire, sujet, created_at FROM courrier_courriel WHERE courrier_id = ? ORDER BY id').all(id) as { id: number; kind: string; destinataire: string; sujet: string; created_at: string }[];
  const crpa = crpaOf(db, c);
  return { courrier: c, classementLabel: c.classement ? CLASSEMENT_LABELS[c.classement] : null, contact, pieces, liens, courriels, ...crpa };
}
