/**
 * The outbox (architecture §4, §6): one row per thing to send, written by the caller in the SAME transaction
 * as the change that needs sending; a persisted state machine so that a crash at any point resumes right.
 *   a_envoyer → envoi_en_cours → envoye → recu | refuse        (annule for a cancelled act)
 * `envoi_en_cours` means « a POST may have reached the platform »: the next attempt looks the item up on the
 * platform before posting again (s2low-protocol.md §2.4 bulk listing; numéro interne unique, §2.1).
 */
import type { Db } from '../db';
import { dateCourte, parisDateHeure } from '../kernel';

export type OutboxKind = 'acte' | 'annulation' | 'reponse' | 'helios' | 'classification' | 'mail';
export type OutboxState = 'a_envoyer' | 'envoi_en_cours' | 'envoye' | 'recu' | 'refuse' | 'annule';

export interface OutboxRow {
  id: number;
  idem_key: string;
  kind: OutboxKind;
  ref_type: string | null;
  ref_id: string | null;
  label: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  remote_id: string | null;
  remote_status: number | null;
  result: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewItem {
  idemKey: string;
  kind: OutboxKind;
  refType?: string | null;
  refId?: string | number | null;
  label: string;
  payload: unknown;
}

/**
 * Add an item; call it INSIDE the caller's transaction. Idempotent on `idemKey`: a second call with the same
 * key returns the existing row's id and changes nothing. `now`: the core's clock (ctx.now), never defaulted.
 */
export function enqueue(db: Db, item: NewItem, now: Date): number {
  const at = now.toISOString();
  const existing = db.prepare('SELECT id FROM sync_outbox WHERE idem_key = ?').get(item.idemKey) as
    { id: number } | undefined;
  if (existing) return existing.id;
  return Number(
    db
      .prepare(
        `INSERT INTO sync_outbox (idem_key, kind, ref_type, ref_id, label, payload, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.idemKey,
        item.kind,
        item.refType ?? null,
        item.refId == null ? null : String(item.refId),
        item.label,
        JSON.stringify(item.payload),
        at,
        at,
        at,
      ).lastInsertRowid,
  );
}

export const getItem = (db: Db, id: number): OutboxRow | undefined =>
  db.prepare('SELECT * FROM sync_outbox WHERE id = ?').get(id) as OutboxRow | undefined;

/** Items whose next attempt is due, oldest first: what is not final. `sentNow`: sent items are due at once (manual run). */
export function dueItems(db: Db, now: Date, limit = 500, sentNow = false): OutboxRow[] {
  const sent = sentNow ? "OR state = 'envoye'" : '';
  return db
    .prepare(
      `SELECT * FROM sync_outbox WHERE (state IN ('a_envoyer', 'envoi_en_cours', 'envoye') AND next_attempt_at <= ?) ${sent} ORDER BY next_attempt_at, id LIMIT ?`,
    )
    .all(now.toISOString(), limit) as OutboxRow[];
}

export const openCount = (db: Db): number =>
  (
    db
      .prepare("SELECT count(*) AS n FROM sync_outbox WHERE state IN ('a_envoyer', 'envoi_en_cours', 'envoye')")
      .get() as { n: number }
  ).n;

export interface Change {
  state?: OutboxState;
  remoteId?: string | null;
  remoteStatus?: number | null;
  lastError?: string | null;
  result?: unknown;
  attempts?: number;
  nextAttemptAt?: Date;
}

export function update(db: Db, id: number, c: Change, now: Date): void {
  const sets: string[] = ['updated_at = @now'];
  const p: Record<string, unknown> = { id, now: now.toISOString() };
  const col = (name: string, key: string, v: unknown) => {
    sets.push(`${name} = @${key}`);
    p[key] = v;
  };
  if (c.state !== undefined) col('state', 'state', c.state);
  if (c.remoteId !== undefined) col('remote_id', 'remoteId', c.remoteId);
  if (c.remoteStatus !== undefined) col('remote_status', 'remoteStatus', c.remoteStatus);
  if (c.lastError !== undefined) col('last_error', 'lastError', c.lastError);
  if (c.result !== undefined) col('result', 'result', JSON.stringify(c.result));
  if (c.attempts !== undefined) col('attempts', 'attempts', c.attempts);
  col('next_attempt_at', 'next', (c.nextAttemptAt ?? now).toISOString());
  db.prepare(`UPDATE sync_outbox SET ${sets.join(', ')} WHERE id = @id`).run(p);
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}
export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

/** Exponential backoff with jitter: between half and all of min(max, base·2^(n−1)). */
export function backoffDelay(attempts: number, b: Backoff): number {
  const ceiling = Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (b.random ?? Math.random)() * (ceiling / 2));
}

/**
 * A corrected act accepted under a new numéro interne (requests.ts enqueueRenvoi: 2026_001_R1, unique per
 * collectivité, s2low-protocol.md §2.1): every refused transmission of the same délibération is now replaced
 * by it — its status says so and its « Corriger et renvoyer » leaves « À faire ». Same transaction as the AR.
 */
export function markReplaced(
  db: Db,
  item: Pick<OutboxRow, 'id' | 'kind' | 'ref_type' | 'ref_id' | 'payload'>,
  now: Date,
): number {
  if (item.kind !== 'acte' || item.ref_type === null || item.ref_id === null) return 0;
  const numero = (JSON.parse(item.payload) as { numero?: string }).numero ?? null;
  const refused = db
    .prepare(
      "SELECT id, payload, result FROM sync_outbox WHERE kind = 'acte' AND ref_type = ? AND ref_id = ? AND state = 'refuse' AND id <> ?",
    )
    .all(item.ref_type, item.ref_id, item.id) as { id: number; payload: string; result: string | null }[];
  for (const r of refused) {
    const result = {
      ...(r.result ? (JSON.parse(r.result) as Record<string, unknown>) : {}),
      remplace_par: { id: item.id, numero },
      numero: (JSON.parse(r.payload) as { numero?: string }).numero ?? null,
    };
    db.prepare('UPDATE sync_outbox SET result = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(result),
      now.toISOString(),
      r.id,
    );
    db.prepare(
      "UPDATE todo SET done_at = ? WHERE object_type = 'sync_outbox' AND object_id = ? AND done_at IS NULL",
    ).run(now.toISOString(), String(r.id));
  }
  return refused.length;
}

/** An e-mail (main/courrier/mail, over SMTP): the mairie's mail server takes it, not the préfecture. */
function mailStatus(
  r: Pick<OutboxRow, 'state' | 'last_error'> & Partial<Pick<OutboxRow, 'attempts' | 'next_attempt_at'>>,
  res: { date?: string; motif?: string },
): string {
  if (r.state === 'recu') return `envoyé${res.date ? ` le ${dateCourte(res.date)}` : ''}`;
  if (r.state === 'refuse') return `non envoyé : ${res.motif ?? r.last_error ?? 'motif non précisé'}`;
  if (r.state === 'annule') return 'annulé';
  if (!r.last_error) return 'en attente d’envoi';
  const why = r.last_error.replace(/^en attente de connexion : /, '');
  // a row without its retry time (a partial row) says when in words: no date is taken from the machine's clock
  const essais = r.attempts ? ` (${r.attempts} essai${r.attempts > 1 ? 's' : ''})` : '';
  const quand = r.next_attempt_at
    ? `à partir du ${parisDateHeure(new Date(r.next_attempt_at))}`
    : 'à la prochaine synchronisation';
  return `pas encore parti${essais} : ${why} — nouvel essai automatique ${quand}`;
}

/** The per-item status the secrétaire reads, in plain French. */
export function statusLabel(
  r: Pick<OutboxRow, 'kind' | 'state' | 'remote_status' | 'result' | 'last_error'> &
    Partial<Pick<OutboxRow, 'attempts' | 'next_attempt_at'>>,
): string {
  const res = r.result
    ? (JSON.parse(r.result) as {
        date?: string;
        identifiant?: string;
        motif?: string;
        numero?: string | null;
        remplace_par?: { numero: string | null };
      })
    : {};
  if (r.kind === 'mail') return mailStatus(r, res);
  switch (r.state) {
    case 'a_envoyer':
    case 'envoi_en_cours':
      return 'en attente de connexion';
    case 'envoye':
      if (r.remote_status === 17) return 'envoyé — en attente de validation par un agent habilité à télétransmettre';
      return r.kind === 'helios'
        ? 'envoyé — en attente de l’acquittement du comptable'
        : 'envoyé — en attente de l’accusé de réception';
    case 'recu': {
      const le = res.date ? ` le ${dateCourte(res.date)}` : '';
      if (r.kind === 'helios') return `reçu par le comptable${le}`;
      if (r.kind === 'annulation') return `annulation reçue par la préfecture${le}`;
      if (r.kind === 'classification') return 'classification demandée à la préfecture';
      return `reçu par la préfecture${le}${res.identifiant ? ` (${res.identifiant})` : ''}`;
    }
    case 'refuse':
      if (res.remplace_par)
        return `remplacé : ${res.numero ?? 'cet envoi'}, transmis sous ${res.remplace_par.numero ?? 'un nouveau numéro'}`;
      return `refusé : ${res.motif ?? r.last_error ?? 'motif non précisé'}`;
    case 'annule':
      return 'annulé';
  }
}
