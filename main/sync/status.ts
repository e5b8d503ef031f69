/** What « Synchronisation » shows: the outbox, the last run, and when the next one is due. */
import { readHoraires } from '../commune';
import type { Db } from '../db';
import { statusLabel, type OutboxRow } from './outbox';
import { nextRun } from './scheduler';
import { sideConfigured } from './sides';
import { readPlateforme } from './settings';

interface LastRun {
  started_at: string;
  ended_at: string | null;
  trigger: string;
  outcome: string | null;
  summary: string | null;
}

export function syncStatus(db: Db, now: Date, enCours: boolean) {
  const rows = db.prepare('SELECT * FROM sync_outbox ORDER BY created_at DESC, id DESC LIMIT 500').all() as OutboxRow[];
  // a refused act can be sent again once, from its latest attempt (sync.renvoyer)
  const latestByRef = new Map<string, number>();
  for (const r of rows)
    if (r.kind === 'acte' && r.ref_id && !latestByRef.has(r.ref_id)) latestByRef.set(r.ref_id, r.id);
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    label: r.label,
    state: r.state,
    statut: statusLabel(r),
    attempts: r.attempts,
    lastError: r.last_error,
    updatedAt: r.updated_at,
    refType: r.ref_type,
    refId: r.ref_id,
    renvoyable:
      r.state === 'refuse' &&
      r.kind === 'acte' &&
      r.ref_type === 'deliberation' &&
      latestByRef.get(r.ref_id ?? '') === r.id,
  }));
  const dernier = db
    .prepare('SELECT started_at, ended_at, trigger, outcome, summary FROM sync_run ORDER BY id DESC LIMIT 1')
    .get() as LastRun | undefined;
  return {
    items,
    dernier: dernier ?? null,
    enCours,
    configuree: Boolean(readPlateforme(db)?.url) || sideConfigured(db),
    prochaine: nextRun(readHoraires(db), now),
  };
}
