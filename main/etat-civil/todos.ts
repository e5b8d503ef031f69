/**
 * The état civil's « À faire » on the dashboard: mentions to apply and avis due, with the article. No name of
 * an administré appears (the dashboard is read by every élu): acts are named by kind, number and year.
 */
import type { Db } from '../db';
import { acteRef, type ActeRow } from './actes';
import { avisNext, type AvisRow } from './avis';
import { ARTICLE_49 } from './rules/deadlines';
import { NATURE_LABELS, type Nature } from './rules/mentions';
import { demandeTodos } from './demandes-stats';

interface Todo {
  due_date: string | null;
  title: string;
  legal_ref: string;
  object_type: string;
  object_id: string;
}

export function etatCivilTodos(db: Db): Todo[] {
  const todos: Todo[] = [];
  const mentions = db
    .prepare(
      "SELECT m.id, m.nature, m.echeance, a.type, a.numero, a.annee FROM ec_mention m JOIN acte_etat_civil a ON a.id = m.acte_id WHERE m.statut = 'brouillon' AND m.avis_id IS NULL AND m.echeance IS NOT NULL",
    )
    .all() as ({ id: number; nature: Nature; echeance: string } & Pick<ActeRow, 'type' | 'numero' | 'annee'>)[];
  for (const m of mentions)
    todos.push({
      due_date: m.echeance,
      title: `Apposer la mention de ${NATURE_LABELS[m.nature].toLowerCase()} en marge de l’${acteRef(m)}`,
      legal_ref: ARTICLE_49,
      object_type: 'etat-civil.mention',
      object_id: String(m.id),
    });
  const avis = db
    .prepare(
      'SELECT a.*, m.statut AS mention_statut FROM ec_avis a LEFT JOIN ec_mention m ON m.id = a.mention_id WHERE a.recepisse_le IS NULL',
    )
    .all() as (AvisRow & { mention_statut: string | null })[];
  for (const a of avis) {
    const next = avisNext(a);
    if (next)
      todos.push({
        due_date: next.due || null,
        title: `${next.title} (${NATURE_LABELS[a.nature].toLowerCase()})`,
        legal_ref: next.ref,
        object_type: 'etat-civil.avis',
        object_id: String(a.id),
      });
  }
  // the counter's requests waiting: complément, production, handing over or posting (issue 12)
  todos.push(...demandeTodos(db));
  return todos;
}

/** Rewrite the état civil's rows of the dashboard's « À faire ». */
export function refreshEtatCivilTodos(db: Db, _today: string, now: Date): void {
  db.transaction(() => {
    db.prepare("DELETE FROM todo WHERE object_type LIKE 'etat-civil.%'").run();
    const ins = db.prepare(
      'INSERT INTO todo (created_at, due_date, title, legal_ref, object_type, object_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const t of etatCivilTodos(db))
      ins.run(now.toISOString(), t.due_date, t.title, t.legal_ref, t.object_type, t.object_id);
  })();
}
