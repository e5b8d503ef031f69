/**
 * What a step of an outbox item changes besides the outbox, in the SAME transaction: the délibération's
 * transmission state (conseil public interface), the dashboard's « Arrivé » and « À faire », the journal.
 */
import { record } from '../audit';
import {
  deliberationsSansPieces,
  getDeliberation,
  markAnomalie,
  markArRecu,
  markTransmitted,
  type ConseilCtx,
} from '../conseil/index';
import { parisDay } from '../kernel';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import { markReplaced, type OutboxRow } from './outbox';

export const SYNC_ACTOR = { login: null, name: 'Synchronisation' };

function conseilCtx(db: Db, docs: DocumentStore, now: Date): ConseilCtx {
  return { db, docs, now, today: parisDay(now), audit: (e) => record(db, now, SYNC_ACTOR, e) };
}

export function arrival(
  db: Db,
  now: Date,
  source: string,
  title: string,
  objectType: string,
  objectId: string | number,
): void {
  db.prepare('INSERT INTO arrival (arrived_at, source, title, object_type, object_id) VALUES (?, ?, ?, ?, ?)').run(
    now.toISOString(),
    source,
    title,
    objectType,
    String(objectId),
  );
}

export function todo(
  db: Db,
  now: Date,
  title: string,
  objectType: string,
  objectId: string | number,
  legalRef: string | null = null,
  due: string | null = null,
): void {
  db.prepare(
    'INSERT INTO todo (created_at, due_date, title, legal_ref, object_type, object_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(now.toISOString(), due, title, legalRef, objectType, String(objectId));
}

const isDeliberation = (item: OutboxRow) =>
  item.kind === 'acte' && item.ref_type === 'deliberation' && item.ref_id !== null;

/** The platform accepted the act (S²LOW transaction created). */
export function onSent(db: Db, docs: DocumentStore, item: OutboxRow, now: Date): void {
  if (isDeliberation(item)) {
    const d = getDeliberation(db, Number(item.ref_id));
    if (d.transmission === 'a_transmettre') markTransmitted(conseilCtx(db, docs, now), d.id);
  }
  record(db, now, SYNC_ACTOR, {
    action: `sync.${item.kind}.envoye`,
    summary: `${item.label} : envoyé à la plateforme`,
    objectType: 'sync_outbox',
    objectId: item.id,
  });
}

/** AR received (ARActe §2.4, ARAnnulation §2.7, AR of a reply §2.8, PES_Acquit §3). */
export function onReceived(
  db: Db,
  docs: DocumentStore,
  item: OutboxRow,
  now: Date,
  ar: { date: string; identifiant?: string; bordereauSha256?: string | null; tamponSha256?: string | null },
): void {
  if (isDeliberation(item) && ar.identifiant) {
    markArRecu(conseilCtx(db, docs, now), Number(item.ref_id), {
      date: ar.date,
      identifiant: ar.identifiant,
      bordereauSha256: ar.bordereauSha256,
      tamponSha256: ar.tamponSha256,
    });
  }
  markReplaced(db, item, now); // a corrected act: its refused predecessors are replaced, their « À faire » done
  if (item.kind === 'acte' || item.kind === 'helios' || item.kind === 'annulation') {
    const who =
      item.kind === 'helios'
        ? 'Acquittement du comptable'
        : item.kind === 'annulation'
          ? "Accusé de réception de l'annulation"
          : 'Accusé de réception de la préfecture';
    arrival(
      db,
      now,
      item.kind === 'helios' ? 'helios' : 'prefecture',
      `${who} — ${item.label}`,
      'sync_outbox',
      item.id,
    );
  }
  record(db, now, SYNC_ACTOR, {
    action: `sync.${item.kind}.recu`,
    summary: `${item.label} : reçu${ar.identifiant ? ` (${ar.identifiant})` : ''}`,
    objectType: 'sync_outbox',
    objectId: item.id,
  });
}

/** A permanent refusal (KO for a rule, AnomalieActe, PES_Acquit in error): shown, and back to the secrétaire. */
export function onRefused(db: Db, item: OutboxRow, now: Date, motif: string, docs?: DocumentStore): void {
  if (isDeliberation(item) && docs) markAnomalie(conseilCtx(db, docs, now), Number(item.ref_id), motif);
  arrival(
    db,
    now,
    item.kind === 'helios' ? 'helios' : item.kind === 'mail' ? 'courriel' : 'prefecture',
    `Refusé — ${item.label} : ${motif}`,
    'sync_outbox',
    item.id,
  );
  todo(db, now, `Corriger et renvoyer : ${item.label} (refusé : ${motif})`, 'sync_outbox', item.id);
  record(db, now, SYNC_ACTOR, {
    action: `sync.${item.kind}.refuse`,
    summary: `${item.label} : refusé — ${motif}`,
    objectType: 'sync_outbox',
    objectId: item.id,
  });
}

/** §2.5 documents downloaded after their AR (a previous download had failed): added to the délibération. */
export function onArPieces(
  db: Db,
  docs: DocumentStore,
  item: OutboxRow,
  now: Date,
  p: { bordereauSha256?: string | null; tamponSha256?: string | null },
): void {
  if (!isDeliberation(item)) return;
  const d = getDeliberation(db, Number(item.ref_id));
  if (d.transmission !== 'ar_recu' || !d.ar_identifiant || !d.ar_date) return;
  markArRecu(conseilCtx(db, docs, now), d.id, {
    date: d.ar_date,
    identifiant: d.ar_identifiant,
    bordereauSha256: p.bordereauSha256,
    tamponSha256: p.tamponSha256,
  });
}

/** The acts whose AR came without all its documents, as the conseil knows them (§2.5 retry). */
export const piecesAttendues = (db: Db) => deliberationsSansPieces(db);
