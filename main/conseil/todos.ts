import { readIdentity, readSetting } from '../commune';
import type { Db } from '../db';
import { convocationRule, lastSendingDate } from './rules/convocation';
import { addDays, formatDateFr } from './rules/dates';
import { listeDeadline, pvPublicationDeadline, reliureDeadline } from './rules/publicite';
import { ruleOptions } from './convocation-service';
import type { SeanceRow } from './seances';

interface Todo {
  due_date: string | null;
  title: string;
  legal_ref: string;
  object_type: string;
  object_id: string;
}

/**
 * The conseil's « À faire » for the dashboard, computed from the state of the séances and rewritten after
 * every change: nothing to tick by hand, nothing forgotten.
 */
export function conseilTodos(db: Db, today: string): Todo[] {
  const todos: Todo[] = [];
  const { population } = readIdentity(db);
  const seances = db
    .prepare("SELECT * FROM seance WHERE statut <> 'close' OR liste_publiee_le IS NULL OR date >= ? ORDER BY date")
    .all(addDays(today, -400)) as SeanceRow[];
  for (const s of seances) {
    const d = formatDateFr(s.date);
    if ((s.statut === 'preparation' || s.statut === 'convoquee') && s.date >= today) {
      const sent = (
        db.prepare('SELECT count(*) AS n FROM convocation_envoi WHERE seance_id = ?').get(s.id) as { n: number }
      ).n;
      const rule = convocationRule(population, ruleOptions(db, s));
      if (sent === 0)
        todos.push({
          due_date: lastSendingDate(s.date, rule.joursFrancs),
          title: `Envoyer les convocations de la séance du ${d}`,
          legal_ref: `CGCT ${rule.article}`,
          object_type: 'conseil.seance',
          object_id: String(s.id),
        });
      if (!s.convocation_affichee_le)
        todos.push({
          due_date: lastSendingDate(s.date, rule.joursFrancs),
          title: `Afficher la convocation de la séance du ${d}`,
          legal_ref: 'CGCT L2121-10',
          object_type: 'conseil.seance',
          object_id: String(s.id),
        });
    }
    if (s.statut === 'close' && !s.liste_publiee_le)
      todos.push({
        due_date: listeDeadline(s.date),
        title: `Publier la liste des délibérations de la séance du ${d}`,
        legal_ref: 'CGCT L2121-25',
        object_type: 'conseil.seance',
        object_id: String(s.id),
      });
  }
  const pvs = db
    .prepare("SELECT pv.*, s.date FROM pv JOIN seance s ON s.id = pv.seance_id WHERE pv.statut <> 'publie'")
    .all() as { seance_id: number; statut: string; arrete_le: string | null; date: string }[];
  for (const pv of pvs) {
    const d = formatDateFr(pv.date);
    if (pv.statut === 'brouillon') {
      const next = db
        .prepare("SELECT date FROM seance WHERE date > ? AND statut <> 'close' ORDER BY date LIMIT 1")
        .get(pv.date) as { date: string } | undefined;
      todos.push({
        due_date: next?.date ?? null,
        title: `Faire arrêter le procès-verbal de la séance du ${d} à la séance suivante`,
        legal_ref: 'CGCT L2121-15',
        object_type: 'conseil.pv',
        object_id: String(pv.seance_id),
      });
    } else if (pv.statut === 'arrete')
      todos.push({
        due_date: pvPublicationDeadline(pv.arrete_le!),
        title: `Faire signer le procès-verbal de la séance du ${d}`,
        legal_ref: 'CGCT L2121-15',
        object_type: 'conseil.pv',
        object_id: String(pv.seance_id),
      });
    else if (pv.statut === 'signe')
      todos.push({
        due_date: pvPublicationDeadline(pv.arrete_le!),
        title: `Publier le procès-verbal de la séance du ${d}`,
        legal_ref: 'CGCT L2121-15',
        object_type: 'conseil.pv',
        object_id: String(pv.seance_id),
      });
  }
  const ending = db
    .prepare(
      'SELECT id, numero, publication_fin FROM deliberation WHERE publication_fin IS NOT NULL AND publication_fin BETWEEN ? AND ?',
    )
    .all(today, addDays(today, 15)) as { id: number; numero: string; publication_fin: string }[];
  for (const e of ending)
    todos.push({
      due_date: e.publication_fin,
      title: `Fin de la publication en ligne de la délibération n° ${e.numero} (deux mois au moins)`,
      legal_ref: 'CGCT R2131-1',
      object_type: 'conseil.deliberation',
      object_id: String(e.id),
    });
  const unpublished = (
    db
      .prepare(
        'SELECT count(*) AS n FROM deliberation WHERE adoptee = 1 AND publication_debut IS NULL AND created_at IS NOT NULL',
      )
      .get() as { n: number }
  ).n;
  if (unpublished)
    todos.push({
      due_date: null,
      title: `${unpublished} délibération${unpublished > 1 ? 's' : ''} à publier (elles ne sont exécutoires qu'une fois publiées)`,
      legal_ref: 'CGCT L2131-1',
      object_type: 'conseil.publication',
      object_id: 'toutes',
    });
  const lastBinding = readSetting<number>(db, 'registre_derniere_reliure') ?? null;
  const deadline = reliureDeadline(population, lastBinding, today);
  const toBind = db
    .prepare('SELECT 1 FROM deliberation d JOIN seance s ON s.id = d.seance_id WHERE s.date > ? LIMIT 1')
    .get(`${lastBinding ?? Number(today.slice(0, 4)) - (population < 1000 ? 5 : 1)}-12-31`);
  if (toBind && deadline <= addDays(today, 60))
    todos.push({
      due_date: deadline,
      title: 'Imprimer et faire relier le registre des délibérations',
      legal_ref: 'CGCT R2121-9',
      object_type: 'conseil.registre',
      object_id: deadline.slice(0, 4),
    });
  // At least one séance per quarter (L2121-7).
  const month = Number(today.slice(5, 7));
  const qStart = `${today.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const planned = db.prepare('SELECT 1 FROM seance WHERE date >= ? AND date <= ?').get(qStart, endOfQuarter(today));
  if (!planned)
    todos.push({
      due_date: endOfQuarter(today),
      title: 'Aucune séance du conseil municipal prévue ce trimestre',
      legal_ref: 'CGCT L2121-7',
      object_type: 'conseil.trimestre',
      object_id: qStart,
    });
  return todos;
}

function endOfQuarter(today: string): string {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return new Date(Date.UTC(y, q * 3 + 3, 0, 12)).toISOString().slice(0, 10);
}

/** Rewrite the conseil's rows of the dashboard's « À faire ». */
export function refreshConseilTodos(db: Db, today: string, now: Date): void {
  db.transaction(() => {
    db.prepare("DELETE FROM todo WHERE object_type LIKE 'conseil.%'").run();
    const ins = db.prepare(
      'INSERT INTO todo (created_at, due_date, title, legal_ref, object_type, object_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const t of conseilTodos(db, today))
      ins.run(now.toISOString(), t.due_date, t.title, t.legal_ref, t.object_type, t.object_id);
  })();
}
