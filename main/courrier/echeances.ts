/**
 * The deadlines view and the dashboard's « À faire »: acknowledgements owed (AEE, ARE, AR) and implicit
 * decisions in the next 15 days (domain-rules §3.4: warn at D-15), overdue ones first, each with its article.
 */
import type { Db } from '../db';
import { crpaOf, type CourrierRow } from './courrier';
import { readIdentity } from '../commune';
import { addDays } from './rules/days';
import { workingDaysBetween } from './rules/working-days';

export interface Echeance {
  courrierId: number;
  reference: string;
  correspondant: string;
  objet: string;
  kind: 'aee' | 'are' | 'ar' | 'decision';
  label: string;
  due: string;
  article: string;
  overdue: boolean;
  /** working days left (negative: late), for « ARE dans n jours ouvrés » */
  joursOuvres: number;
}

const HORIZON_DAYS = 15;

/**
 * What is owed, without the count of working days: the dashboard's « À faire » shows only the date, and counting
 * working days one by one for every late courrier was most of its refresh on a large commune (issue 9).
 */
function dues(db: Db, today: string): Omit<Echeance, 'joursOuvres'>[] {
  // Open arrivées only; a request older than a year and a half has long been decided one way or the other.
  // (index courrier_ouverts, migration 0360)
  const rows = db
    .prepare(
      "SELECT * FROM courrier WHERE sens = 'arrivee' AND statut IN ('a_traiter', 'en_cours') AND date_enregistrement >= ? ORDER BY id",
    )
    .all(addDays(today, -550)) as CourrierRow[];
  const out: Omit<Echeance, 'joursOuvres'>[] = [];
  const limit = addDays(today, HORIZON_DAYS);
  for (const c of rows) {
    const { acks, decision, qualification } = crpaOf(db, c);
    const base = {
      courrierId: c.id,
      reference: `A-${c.annee}-${c.numero}`,
      correspondant: c.correspondant,
      objet: c.objet,
    };
    for (const a of acks)
      out.push({ ...base, kind: a.kind, label: a.label, due: a.due, article: a.article, overdue: a.due < today });
    if (decision.date && decision.date <= limit && qualification?.regime) {
      const what = qualification.regime === 'SVA' ? 'Acceptation implicite' : 'Rejet implicite';
      out.push({
        ...base,
        kind: 'decision',
        label: `${what} si aucune décision n’est prise`,
        due: decision.date,
        article: qualification.article,
        overdue: decision.date < today,
      });
    }
  }
  return out.sort((x, y) => x.due.localeCompare(y.due) || x.courrierId - y.courrierId);
}

/** The deadlines view: each deadline with the working days left (R112-11-2 counts in working days). */
export function echeances(db: Db, today: string): Echeance[] {
  const dep = readIdentity(db).departement;
  return dues(db, today).map((e) => ({ ...e, joursOuvres: workingDaysBetween(today, e.due, dep) }));
}

/** Rewrite the courrier's rows of the dashboard's « À faire ». */
export function refreshCourrierTodos(db: Db, today: string, now: Date): void {
  db.transaction(() => {
    db.prepare("DELETE FROM todo WHERE object_type = 'courrier' AND done_at IS NULL").run();
    const ins = db.prepare(
      "INSERT INTO todo (created_at, due_date, title, legal_ref, object_type, object_id) VALUES (?, ?, ?, ?, 'courrier', ?)",
    );
    for (const e of dues(db, today))
      ins.run(
        now.toISOString(),
        e.due,
        `${e.label} — ${e.reference} ${e.correspondant} : ${e.objet}`,
        e.article,
        String(e.courrierId),
      );
  })();
}
