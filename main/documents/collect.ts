import fs from 'node:fs';
import path from 'node:path';
import { type Db, openLike } from '../db';
import type { DocumentStore } from '../context';

/**
 * Garbage collection of a commune's document store, run once per opening day (after the daily backup).
 * A document is kept while anything may still need it: any text of any table of the commune's database
 * (columns named *_sha256, JSON payloads of the outbox and inbound messages, settings such as the ACTES
 * classification — and columns added later, without a list to keep in step) or of any of its backups, since
 * a restored backup must find its documents. Only files older than the grace period go: a document written
 * just before its row (an upload taken, then the transaction) is never caught in between.
 */
export const GRACE_MS = 30 * 24 * 60 * 60 * 1000;
/** temporary files of an interrupted write (DocumentStore.put) */
const TMP_GRACE_MS = 24 * 60 * 60 * 1000;
const HASH = /[0-9a-f]{64}/g;
const GLOB_HASH = `*${'[0-9a-f]'.repeat(64)}*`;
const CACHE = 'references-sauvegardes.json';

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Every SHA-256 written anywhere in a database's text: the filter runs in SQLite, only candidates reach JS. */
export function referencedHashes(db: Db): Set<string> {
  const out = new Set<string>();
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
    for (const c of cols) {
      const sql = `SELECT ${quote(c)} FROM ${quote(t)} WHERE typeof(${quote(c)}) = 'text' AND length(${quote(c)}) >= 64 AND ${quote(c)} GLOB ?`;
      for (const v of db.prepare(sql).pluck().iterate(GLOB_HASH))
        for (const m of String(v).matchAll(HASH)) out.add(m[0]);
    }
  }
  return out;
}

type Cache = Record<string, { size: number; mtimeMs: number; hashes: string[] }>;

/** The references of each backup, cached by name, size and date: a backup never changes once written. */
function backupReferences(
  base: Db,
  backupDir: string,
  cacheFile: string,
): { hashes: Set<string>; unreadable: string[] } {
  let old: Cache = {};
  try {
    old = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Cache;
  } catch {
    // no cache yet, or a damaged one: every backup is read again
  }
  const cache: Cache = {};
  const hashes = new Set<string>();
  const unreadable: string[] = [];
  const files = fs.existsSync(backupDir) ? fs.readdirSync(backupDir).filter((f) => f.endsWith('.sqlite')) : [];
  for (const f of files) {
    const st = fs.statSync(path.join(backupDir, f));
    let entry = old[f];
    if (!entry || entry.size !== st.size || entry.mtimeMs !== st.mtimeMs) {
      try {
        // the backups are encrypted with the key of the base (main/db/cipher.ts)
        const db = openLike(base, path.join(backupDir, f), { readonly: true, fileMustExist: true });
        try {
          entry = { size: st.size, mtimeMs: st.mtimeMs, hashes: [...referencedHashes(db)] };
        } finally {
          db.close();
        }
      } catch {
        unreadable.push(f); // a damaged raw copy cannot be restored (restore checks it), so it keeps nothing alive
        continue;
      }
    }
    cache[f] = entry;
    for (const h of entry.hashes) hashes.add(h);
  }
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, JSON.stringify(cache));
  return { hashes, unreadable };
}

export interface CollectResult {
  removed: string[];
  kept: number;
  error?: string;
}

/** Never throws: a failed collection must not stop the commune from opening; it just removes nothing. */
export function collectDocuments(o: {
  db: Db;
  docs: DocumentStore;
  backupDir: string;
  now: Date;
  graceMs?: number;
}): CollectResult {
  const removed: string[] = [];
  try {
    const live = referencedHashes(o.db);
    const backups = backupReferences(o.db, o.backupDir, path.join(o.docs.root, CACHE));
    const entries = o.docs.entries();
    for (const e of entries) {
      const age = o.now.getTime() - e.modifiedMs;
      const unused = e.sha256
        ? !live.has(e.sha256) && !backups.hashes.has(e.sha256) && age > (o.graceMs ?? GRACE_MS)
        : age > TMP_GRACE_MS;
      if (!unused) continue;
      fs.rmSync(e.file, { force: true });
      removed.push(e.sha256 ?? path.basename(e.file));
    }
    return { removed, kept: entries.length - removed.length };
  } catch (e) {
    return { removed, kept: -1, error: (e as Error).message };
  }
}
