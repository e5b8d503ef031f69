/**
 * Messages from the platform, stored once (platform_key) with their documents, an « Arrivé » line and, when
 * an answer is expected, an « À faire » (s2low-protocol.md §2.8; PES_Retour §3). Classification cached §2.6.
 */
import { readSetting, writeSetting } from '../commune';
import { parseClassification } from '../conseil/index';
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import type { InboundItem, PullIO } from './connector';
import { arrival, todo } from './effects';
import { notifyInbound } from './sides';

const ANSWER_EXPECTED: Record<string, string> = {
  DemandePieceComplementaire: 'Répondre à la demande de pièces complémentaires (envoi des pièces ou refus motivé)',
  LettreObservations: "Répondre à la lettre d'observations (réponse ou rejet)",
  DefereTA: 'Déféré au tribunal administratif : prévenir le maire et préparer la défense',
};

export interface ClassificationCache {
  date: string;
  sha256: string;
  recue_le: string;
}

export function pullSink(db: Db, docs: DocumentStore, now: () => Date, counters: { received: number }): PullIO {
  return {
    has: (key) => Boolean(db.prepare('SELECT 1 FROM sync_inbound WHERE platform_key = ?').get(key)),
    receive: (item: InboundItem) => {
      const stored = item.documents.map((d) => ({ nom: d.nom, sha256: docs.put(d.bytes).sha256 }));
      db.transaction(() => {
        const at = now();
        const outbox = item.relatedRemoteId
          ? (db
              .prepare("SELECT id FROM sync_outbox WHERE kind = 'acte' AND remote_id = ?")
              .get(item.relatedRemoteId) as { id: number } | undefined)
          : undefined;
        const r = db
          .prepare(
            `INSERT INTO sync_inbound (platform_key, kind, outbox_id, remote_id, related_remote_id, id_acte, title, detail, documents, received_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform_key) DO NOTHING`,
          )
          .run(
            item.platformKey,
            item.kind,
            outbox?.id ?? null,
            item.remoteId,
            item.relatedRemoteId,
            item.idActe,
            item.title,
            item.detail,
            JSON.stringify(stored),
            at.toISOString(),
          );
        if (r.changes === 0) return;
        const id = Number(r.lastInsertRowid);
        arrival(db, at, item.kind === 'PES_Retour' ? 'helios' : 'prefecture', item.title, 'sync_inbound', id);
        const answer = ANSWER_EXPECTED[item.kind];
        if (answer)
          todo(
            db,
            at,
            `${answer} — ${item.title}`,
            'sync_inbound',
            id,
            item.kind === 'DefereTA' ? 'CGCT L2131-6' : 'CGCT L2131-6 (délai du déféré prorogé)',
          );
        // other domains keep it too (the courrier register, issue 13), in this same transaction
        notifyInbound(
          db,
          docs,
          { platformKey: item.platformKey, kind: item.kind, title: item.title, documents: stored },
          at,
        );
        counters.received++;
      })();
    },
    classification: (xml: Buffer) => {
      const parsed = parseClassification(xml); // throws on a non-classification: nothing cached
      const cached = readSetting<ClassificationCache>(db, 'actes_classification');
      const { sha256 } = docs.put(xml);
      if (cached?.sha256 === sha256) return;
      db.transaction(() => {
        writeSetting(db, 'actes_classification', {
          date: parsed.date,
          sha256,
          recue_le: now().toISOString(),
        } satisfies ClassificationCache);
        if (cached)
          arrival(
            db,
            now(),
            'prefecture',
            `Nouvelle classification des actes (version du ${parsed.date})`,
            'setting',
            'actes_classification',
          );
      })();
    },
  };
}

export { communeClassification } from '../conseil';
