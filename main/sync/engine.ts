/**
 * One synchronisation run (architecture §6): push the due outbox items through the connector, a few at a
 * time, each step persisted in one transaction with its effects; then pull what the platform has for us.
 * Offline (or certificate refused) → the run stops at once and everything waits: no error storm.
 */
import { parisDay } from '../kernel';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import type { ArPieces, Connector, PushIO, PushStep } from './connector';
import { onArPieces, onReceived, onRefused, onSent, piecesAttendues } from './effects';
import { pullSink } from './inbound';
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  dueItems,
  getItem,
  openCount,
  update,
  type Backoff,
  type OutboxRow,
} from './outbox';

export interface SyncProgress {
  phase: 'envoi' | 'reception' | 'termine' | 'hors_ligne';
  done: number;
  total: number;
  message: string;
}

export interface SyncOptions {
  db: Db;
  docs: DocumentStore;
  connector: Connector;
  /** the core's clock (Core.clock): every date the run writes comes from it, never from the machine's */
  now: () => Date;
  backoff?: Backoff;
  /** delay before polling a sent item again (S²LOW answers in minutes) */
  pollDelayMs?: number;
  concurrency?: number;
  pull?: boolean;
  /** keep going until nothing is open (bench, tests) or this deadline passes */
  untilDrained?: boolean;
  deadlineMs?: number;
  trigger?: 'demarrage' | 'horaire' | 'manuel' | 'test';
  onProgress?: (p: SyncProgress) => void;
  /**
   * The core's write lock around each step's transaction: the network I/O runs outside it (a silent platform
   * holds nothing), the writes never interleave with a window's handler. Default: run directly (tests, bench).
   */
  exclusive?: <T>(fn: () => T) => Promise<T>;
}

export interface SyncReport {
  outcome: 'ok' | 'hors_ligne' | 'erreur';
  message: string;
  steps: number;
  retries: number;
  sent: number;
  received: number;
  refused: number;
  open: number;
}

const STOP_RUN = new Set(['offline', 'tls', 'config', 'auth']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Offline extends Error {}

/**
 * §2.5 retry: an act whose AR is recorded but whose bordereau or stamped copy could not be downloaded is asked
 * for again at each synchronisation (a few per run), until both are there or the platform has refused them
 * `PIECES_MAX_ESSAIS` times for another reason than the network (counted in the outbox result).
 */
const PIECES_PAR_RUN = 20;
const PIECES_MAX_ESSAIS = 10;
interface PiecesDue extends OutboxRow {
  has_bordereau: number;
  has_tampon: number;
}
/** The outbox side of the retry; which acts still miss a document is the conseil's answer (effects.ts). */
function piecesDue(db: Db): PiecesDue[] {
  const missing = new Map(piecesAttendues(db).map((d) => [String(d.id), d]));
  if (missing.size === 0) return [];
  const rows = db
    .prepare(
      `SELECT o.* FROM sync_outbox o
       WHERE o.kind = 'acte' AND o.state = 'recu' AND o.remote_id IS NOT NULL AND o.ref_type = 'deliberation'
         AND o.ref_id IN (SELECT value FROM json_each(?))
         AND coalesce(json_extract(o.result, '$.documents_essais'), 0) < ?
       ORDER BY o.id LIMIT ?`,
    )
    .all(JSON.stringify([...missing.keys()]), PIECES_MAX_ESSAIS, PIECES_PAR_RUN) as OutboxRow[];
  return rows.map((r) => {
    const d = missing.get(String(r.ref_id));
    return { ...r, has_bordereau: d?.has_bordereau ? 1 : 0, has_tampon: d?.has_tampon ? 1 : 0 };
  });
}

/** One run's settings and counters, shared by its steps. */
interface Run {
  o: SyncOptions;
  now: () => Date;
  backoff: Backoff;
  pollDelay: number;
  rep: SyncReport;
  runId: number;
  deadline: number;
  emit: (p: SyncProgress) => void;
  locked: <T>(fn: () => T) => Promise<T>;
}

export async function runSync(o: SyncOptions): Promise<SyncReport> {
  const run = startRun(o);
  try {
    await drain(run);
    await catchUpPieces(run);
    if (o.pull !== false) await pull(run);
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
    run.rep.outcome = 'hors_ligne';
    run.rep.message = `Synchronisation reportée : ${e.message}. Tout est conservé et partira à la prochaine connexion.`;
    run.emit({ phase: 'hors_ligne', done: 0, total: 0, message: run.rep.message });
  }
  return finish(run);
}

function startRun(o: SyncOptions): Run {
  const now = o.now;
  const runId = Number(
    o.db
      .prepare('INSERT INTO sync_run (started_at, trigger) VALUES (?, ?)')
      .run(now().toISOString(), o.trigger ?? 'manuel').lastInsertRowid,
  );
  return {
    o,
    now,
    backoff: o.backoff ?? DEFAULT_BACKOFF,
    pollDelay: o.pollDelayMs ?? 5 * 60_000,
    rep: { outcome: 'ok', message: '', steps: 0, retries: 0, sent: 0, received: 0, refused: 0, open: 0 },
    runId,
    // a budget of real elapsed time (the run must end), not a date: the machine's clock is right here
    deadline: Date.now() + (o.deadlineMs ?? 10 * 60_000),
    emit: (p) => o.onProgress?.(p),
    locked: o.exclusive ?? (async <T>(fn: () => T): Promise<T> => fn()),
  };
}

/** Into the store before the transaction (content-addressed: a crash leaves at most an unreferenced file). */
const storePieces = (run: Run, p: ArPieces | undefined) => ({
  bordereau: p?.bordereau ? run.o.docs.put(p.bordereau.bytes).sha256 : null,
  tampon: p?.tampon ? run.o.docs.put(p.tampon.bytes).sha256 : null,
});

/** One step of an item, persisted in one transaction with its effects on the conseil, dashboard, journal. */
function apply(run: Run, item: OutboxRow, step: PushStep): void {
  const { o, rep } = run;
  const at = run.now();
  const doc = 'document' in step && step.document ? o.docs.put(step.document.bytes).sha256 : null;
  const pieces = storePieces(run, step.state === 'recu' ? step.pieces : undefined);
  o.db.transaction(() => {
    const fresh = getItem(o.db, item.id) as OutboxRow;
    if (step.state === 'envoye') {
      update(
        o.db,
        item.id,
        {
          state: 'envoye',
          remoteId: step.remoteId,
          remoteStatus: step.remoteStatus ?? fresh.remote_status,
          lastError: step.note ?? null,
          nextAttemptAt: new Date(at.getTime() + run.pollDelay),
        },
        at,
      );
      if (fresh.state !== 'envoye') {
        rep.sent++;
        onSent(o.db, o.docs, { ...fresh, remote_id: step.remoteId }, at);
      }
    } else if (step.state === 'recu') {
      const docs = {
        ...(doc ? { document: doc } : {}),
        ...(pieces.bordereau ? { bordereau: pieces.bordereau } : {}),
        ...(pieces.tampon ? { tampon: pieces.tampon } : {}),
      };
      update(
        o.db,
        item.id,
        {
          state: 'recu',
          remoteStatus: step.remoteStatus ?? fresh.remote_status,
          lastError: null,
          result: { ...step.result, ...docs },
        },
        at,
      );
      rep.received++;
      onReceived(o.db, o.docs, fresh, at, {
        ...step.result,
        bordereauSha256: pieces.bordereau,
        tamponSha256: pieces.tampon,
      });
    } else {
      update(
        o.db,
        item.id,
        {
          state: 'refuse',
          lastError: step.motif,
          result: { motif: step.motif, ...step.result, ...(doc ? { document: doc } : {}) },
        },
        at,
      );
      rep.refused++;
      onRefused(o.db, fresh, at, step.motif, o.docs);
    }
  })();
}

/** Push one item through the connector; a transport failure schedules a retry, a dead network stops the run. */
async function pushOne(run: Run, item: OutboxRow): Promise<void> {
  const { o } = run;
  let attempts = item.attempts;
  const io: PushIO = {
    read: (sha) => o.docs.read(sha),
    remoteIdOf: (id) => getItem(o.db, id)?.remote_id ?? null,
    today: parisDay(run.now()),
    now: run.now,
    beforePost: () => {
      attempts++;
      update(o.db, item.id, { state: 'envoi_en_cours', attempts }, run.now());
    },
  };
  try {
    const step = await o.connector.push(item, io);
    await run.locked(() => apply(run, item, step));
    run.rep.steps++;
  } catch (e) {
    const t = o.connector.classify(e);
    if (attempts === item.attempts) attempts++;
    run.rep.retries++;
    const at = run.now();
    await run.locked(() =>
      update(
        o.db,
        item.id,
        {
          attempts,
          lastError: `en attente de connexion : ${t.message}`,
          nextAttemptAt: new Date(at.getTime() + backoffDelay(attempts, run.backoff)),
        },
        at,
      ),
    );
    if (STOP_RUN.has(t.failure)) throw new Offline(t.message);
  }
}

/** Push the due items, a few at a time; with `untilDrained`, wait for the next due one until the deadline. */
async function drain(run: Run): Promise<void> {
  const { o } = run;
  let pass = 0;
  do {
    // « Synchroniser maintenant »: the secrétaire is waiting for the AR, so sent items are checked at once
    const items = dueItems(o.db, run.now(), 500, o.trigger === 'manuel' && pass++ === 0);
    let done = 0;
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++] as OutboxRow;
        await pushOne(run, item);
        done++;
        run.emit({ phase: 'envoi', done, total: items.length, message: `${item.label} : ${done}/${items.length}` });
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, Math.max(1, items.length)) }, worker));
    if (!o.untilDrained || openCount(o.db) === 0) break;
    const soonest = o.db
      .prepare(
        "SELECT min(next_attempt_at) AS t FROM sync_outbox WHERE state IN ('a_envoyer', 'envoi_en_cours', 'envoye')",
      )
      .get() as { t: string | null };
    const wait = soonest.t ? Math.max(0, Date.parse(soonest.t) - run.now().getTime()) : 0;
    if (Date.now() + wait > run.deadline) break;
    if (wait > 0) await sleep(Math.min(wait, 1000));
  } while (Date.now() < run.deadline);
}

/** §2.5 retry of the documents that did not come with their AR (see `piecesDue`). */
async function catchUpPieces(run: Run): Promise<void> {
  const { o } = run;
  const fetch = o.connector.pieces?.bind(o.connector);
  if (!fetch) return;
  for (const item of piecesDue(o.db)) {
    const p = await fetch(item, { bordereau: !item.has_bordereau, tampon: !item.has_tampon });
    const got = storePieces(run, p);
    const t = p.erreur === undefined ? null : o.connector.classify(p.erreur);
    const at = run.now();
    await run.locked(
      o.db.transaction(() => {
        const fresh = getItem(o.db, item.id) as OutboxRow;
        const old = fresh.result ? (JSON.parse(fresh.result) as Record<string, unknown>) : {};
        const essais = Number(old.documents_essais ?? 0) + (t && !STOP_RUN.has(t.failure) ? 1 : 0);
        const result: Record<string, unknown> = {
          ...old,
          ...(got.bordereau ? { bordereau: got.bordereau } : {}),
          ...(got.tampon ? { tampon: got.tampon } : {}),
          documents_essais: essais,
        };
        if (t) result.documents_erreur = t.message;
        else delete result.documents_erreur;
        o.db
          .prepare('UPDATE sync_outbox SET result = ?, updated_at = ? WHERE id = ?')
          .run(JSON.stringify(result), at.toISOString(), item.id);
        if (got.bordereau || got.tampon)
          onArPieces(o.db, o.docs, fresh, at, { bordereauSha256: got.bordereau, tamponSha256: got.tampon });
      }),
    );
    if (t && STOP_RUN.has(t.failure)) throw new Offline(t.message);
  }
}

/** Receive what the platform has for us; an interrupted reception resumes at the next run. */
async function pull(run: Run): Promise<void> {
  const { o, rep } = run;
  run.emit({
    phase: 'reception',
    done: 0,
    total: 1,
    message: 'Réception des messages de la préfecture et du comptable',
  });
  try {
    await o.connector.pull(pullSink(o.db, o.docs, run.now, rep));
  } catch (e) {
    const t = o.connector.classify(e);
    if (STOP_RUN.has(t.failure)) throw new Offline(t.message);
    rep.outcome = 'erreur';
    rep.message = `Réception interrompue : ${t.message}. Elle reprendra à la prochaine synchronisation.`;
  }
}

/** Close the run's journal line and tell the window. */
function finish(run: Run): SyncReport {
  const { o, rep } = run;
  rep.open = openCount(o.db);
  if (rep.outcome === 'ok')
    rep.message = `Synchronisation terminée : ${rep.sent} envoyé(s), ${rep.received} reçu(s), ${rep.refused} refusé(s), ${rep.open} en cours.`;
  o.db
    .prepare('UPDATE sync_run SET ended_at = ?, outcome = ?, summary = ? WHERE id = ?')
    .run(run.now().toISOString(), rep.outcome, rep.message, run.runId);
  run.emit({ phase: 'termine', done: 1, total: 1, message: rep.message });
  return rep;
}
