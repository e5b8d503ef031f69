// The push phase of a synchronisation run: the due outbox items through the connector, a few at a time, each
// step persisted in one transaction with its effects (architecture §6; S²LOW §2).
import { parisDay } from '../kernel';
import type { PushIO, PushStep } from './connector';
import { onReceived, onRefused, onSent } from './effects';
import { backoffDelay, dueItems, getItem, openCount, update, type OutboxRow } from './outbox';
import { Offline, STOP_RUN, storePieces, type Run } from './run';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One step of an item, persisted in one transaction with its effects on the conseil, dashboard, journal. */
function apply(run: Run, item: OutboxRow, step: PushStep): void {
  const { o } = run;
  const at = run.now();
  const doc = 'document' in step && step.document ? o.docs.put(step.document.bytes).sha256 : null;
  const pieces = storePieces(run, step.state === 'recu' ? step.pieces : undefined);
  o.db.transaction(() => {
    const fresh = getItem(o.db, item.id) as OutboxRow;
    if (step.state === 'envoye') applyEnvoye(run, fresh, step, at);
    else if (step.state === 'recu') applyRecu(run, fresh, step, at, doc, pieces);
    else applyRefuse(run, fresh, step, at, doc);
  })();
}

/** Posted: polled again after `pollDelay`; the first time, the act is marked transmitted. */
function applyEnvoye(run: Run, fresh: OutboxRow, step: Extract<PushStep, { state: 'envoye' }>, at: Date): void {
  const { o, rep } = run;
  update(
    o.db,
    fresh.id,
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
}

/** Acknowledged (AR): its result and documents kept (S²LOW §2.5), the act marked received. */
function applyRecu(
  run: Run,
  fresh: OutboxRow,
  step: Extract<PushStep, { state: 'recu' }>,
  at: Date,
  doc: string | null,
  pieces: ReturnType<typeof storePieces>,
): void {
  const { o, rep } = run;
  const docs = {
    ...(doc ? { document: doc } : {}),
    ...(pieces.bordereau ? { bordereau: pieces.bordereau } : {}),
    ...(pieces.tampon ? { tampon: pieces.tampon } : {}),
  };
  update(
    o.db,
    fresh.id,
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
}

/** Refused by the platform or the préfecture: back to the secrétaire with the reason. */
function applyRefuse(
  run: Run,
  fresh: OutboxRow,
  step: Extract<PushStep, { state: 'refuse' }>,
  at: Date,
  doc: string | null,
): void {
  const { o, rep } = run;
  update(
    o.db,
    fresh.id,
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
export async function drain(run: Run): Promise<void> {
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
