/** A courrier as the detail screen shows it: facts, contact, attachments, links, CRPA computation, documents. */
import type { Db } from '../db';
import { statusLabel, type OutboxRow } from '../sync/index';
import type { ContactRow } from './contacts';
import { crpaOf, getCourrier } from './courrier';
import { CLASSEMENT_LABELS } from './rules/classification';

export function courrierDetail(db: Db, id: number) {
  const c = getCourrier(db, id);
  const contact = c.contact_id
    ? ((db
        .prepare('SELECT id, kind, nom, email, adresse, telephone, siret FROM contact WHERE id = ?')
        .get(c.contact_id) as ContactRow | undefined) ?? null)
    : null;
  const pieces = db
    .prepare('SELECT id, nom, mime, taille, role FROM courrier_piece WHERE courrier_id = ? ORDER BY id')
    .all(id) as { id: number; nom: string; mime: string; taille: number; role: 'piece' | 'document' }[];
  const liens = db
    .prepare(
      `SELECT l.type, 'vers' AS direction, c.id, c.sens, c.annee, c.numero, c.objet FROM courrier_lien l JOIN courrier c ON c.id = l.cible_id WHERE l.courrier_id = ?
       UNION ALL SELECT l.type, 'depuis', c.id, c.sens, c.annee, c.numero, c.objet FROM courrier_lien l JOIN courrier c ON c.id = l.courrier_id WHERE l.cible_id = ?`,
    )
    .all(id, id) as {
    type: string;
    direction: 'vers' | 'depuis';
    id: number;
    sens: string;
    annee: number;
    numero: number;
    objet: string;
  }[];
  // each e-mail with its SMTP outbox item (register.ts recordOutgoingEmail): the secrétaire reads whether it left
  const mails = db
    .prepare(
      `SELECT cc.id, cc.kind, cc.destinataire, cc.sujet, cc.created_at, o.kind AS o_kind, o.state, o.remote_status, o.result, o.last_error, o.attempts, o.next_attempt_at
       FROM courrier_courriel cc LEFT JOIN sync_outbox o ON o.idem_key = 'mail:courrier_courriel:' || cc.id WHERE cc.courrier_id = ? ORDER BY cc.id`,
    )
    .all(id) as ({
    id: number;
    kind: string;
    destinataire: string;
    sujet: string;
    created_at: string;
    o_kind: OutboxRow['kind'] | null;
  } & Pick<OutboxRow, 'state' | 'remote_status' | 'result' | 'last_error' | 'attempts' | 'next_attempt_at'>)[];
  const courriels = mails.map(
    ({ o_kind, state, remote_status, result, last_error, attempts, next_attempt_at, ...m }) => ({
      ...m,
      envoi: o_kind
        ? statusLabel({ kind: o_kind, state, remote_status, result, last_error, attempts, next_attempt_at })
        : 'en attente d’envoi',
    }),
  );
  const crpa = crpaOf(db, c);
  return {
    courrier: c,
    classementLabel: c.classement ? CLASSEMENT_LABELS[c.classement] : null,
    contact,
    pieces,
    liens,
    courriels,
    ...crpa,
  };
}
