/**
 * A commune database and document store for the synchronisation's tests, crash child and bench (no Core,
 * no login): migrated schema, one séance, and acts enqueued exactly as the conseil hook will do it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../migrations';
import { openDatabase, type Db } from '../main/db/sqlite';
import { DocumentStore } from '../main/documents/store';
import { acteFromDeliberation } from '../main/sync/index';
import { enqueue } from '../main/sync/outbox';
import { TEST_NOW } from './support';
import type { S2lowConnector } from '../main/sync/s2low/connector';
import { connectorFor, savePlateforme } from '../main/sync/settings';

export interface Harness {
  dir: string;
  db: Db;
  docs: DocumentStore;
}

export function openHarness(dir: string): Harness {
  fs.mkdirSync(dir, { recursive: true });
  const { db } = openDatabase(path.join(dir, 'commune.sqlite'), {
    migrations: communeMigrations,
    what: 'Le dossier de test',
  });
  return { dir, db, docs: new DocumentStore(path.join(dir, 'documents'), null) }; // a plain base, plain documents
}

export const pdfBytes = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'latin1');

/** Adopted délibérations, signed and enqueued in the same transaction (as the conseil hook does). */
export function addDeliberations(
  h: Harness,
  n: number,
  opts: { date?: string; prefix?: string; matiere?: string; pdf?: (numero: string) => Buffer } = {},
): number[] {
  const date = opts.date ?? '2026-01-15';
  const now = new Date().toISOString();
  const seance = Number(
    h.db
      .prepare(
        "INSERT INTO seance (date, heure, lieu, nature, created_at) VALUES (?, '20:00', 'Mairie', 'ordinaire', ?)",
      )
      .run(date, now).lastInsertRowid,
  );
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    const numero = `${opts.prefix ?? date.slice(0, 4) + '_'}${String(i).padStart(3, '0')}`;
    const { sha256 } = h.docs.put(opts.pdf ? opts.pdf(numero) : pdfBytes(`délibération ${numero}`));
    h.db.transaction(() => {
      const id = Number(
        h.db
          .prepare(
            "INSERT INTO deliberation (seance_id, numero, objet, matiere, pour, adoptee, signature, transmission, pdf_sha256, created_at) VALUES (?, ?, ?, ?, 10, 1, 'signee', 'a_transmettre', ?, ?)",
          )
          .run(seance, numero, `Objet de la délibération ${numero} — tarifs été`, opts.matiere ?? '7.1', sha256, now)
          .lastInsertRowid,
      );
      enqueue(
        h.db,
        acteFromDeliberation(
          {
            id,
            numero,
            objet: `Objet de la délibération ${numero} — tarifs été`,
            matiere: opts.matiere ?? '7.1',
            pdf_sha256: sha256,
          },
          date,
        ),
        TEST_NOW,
      );
      ids.push(id);
    })();
  }
  return ids;
}

export function configure(
  h: Harness,
  fake: {
    url: string;
    caPem: string;
    clientP12: Buffer;
    p12Password: string;
    login: string | null;
    password: string | null;
  },
  p12?: Buffer,
): void {
  savePlateforme(h.db, h.dir, {
    url: fake.url,
    login: fake.login,
    password: fake.password,
    p12: p12 ?? fake.clientP12,
    p12Password: fake.p12Password,
    ca: fake.caPem,
  });
}

type FakePlatform = Parameters<typeof configure>[1] & { setFaults(f: object): void };

/** A fresh commune configured for the fake S²LOW, its connector, and no fault: the usual start of a sync test. */
export function connectedHarness(
  fake: FakePlatform,
  dir: string,
  timeoutMs = 2000,
): { h: Harness; conn: S2lowConnector } {
  const h = openHarness(dir);
  configure(h, fake);
  const conn = connectorFor(h.db, h.dir, timeoutMs);
  if (typeof conn === 'string') throw new Error(conn);
  fake.setFaults({});
  return { h, conn };
}
