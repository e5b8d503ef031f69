/**
 * The préfecture's messages that the synchronisation receives enter the register as arrivées, answerable from
 * it (issue 13), once per platform key; the accounting returns of HELIOS (PES_Retour) are not courrier.
 */
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import { SYNC_ACTOR, type InboundMessage } from '../sync';
import { registerArrivee } from './register';

export function registerPrefectureMessage(db: Db, docs: DocumentStore, m: InboundMessage, at: Date): void {
  if (m.kind === 'PES_Retour') return;
  registerArrivee(
    db,
    docs,
    {
      channel: 'prefecture',
      correspondent: { nom: 'Préfecture (contrôle de légalité)' },
      objet: m.title,
      nature: m.kind,
      messageId: m.platformKey,
      announce: false, // the synchronisation already wrote its « Arrivé » line
      attachments: m.documents.map((d) => ({ name: d.nom, sha256: d.sha256, mime: 'application/pdf' })),
    },
    SYNC_ACTOR,
    at,
  );
}
