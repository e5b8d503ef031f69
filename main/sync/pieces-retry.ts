// The §2.5 retry of a synchronisation run: the bordereau and stamped act that did not come with their AR.
import type { Db } from '../db';
import { onArPieces, piecesAttendues } from './effects';
import { getItem, type OutboxRow } from './outbox';
import { Offline, STOP_RUN, storePieces, type Run } from './run';

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

/** §2.5 retry of the documents that did not come with their AR (see `piecesDue`). */
export async function catchUpPieces(run: Run): Promise<void> {
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
