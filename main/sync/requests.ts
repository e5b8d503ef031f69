/**
 * Things the secrétaire asks to send besides acts: annulation (§2.7), reply to the préfecture (§2.8), PES_Aller (§3), new classification (§2.6).
 * `now` is always the core's clock (ctx.now): no default, so a caller cannot fall back on the machine's clock.
 */
import { AppError } from '../kernel';
import type { Db } from '../db';
import {
  annexesOf,
  deliberationDate,
  getDeliberation,
  NUMERO_INTERNE_PATTERN,
  remettreATransmettre,
} from '../conseil/index';
import { acteFromDeliberation } from './acte';
import { enqueue, getItem } from './outbox';
import type { ActePayload, ReponsePayload } from './s2low/push';

export function enqueueAnnulation(db: Db, acteOutboxId: number, now: Date): number {
  const acte = getItem(db, acteOutboxId);
  if (!acte || acte.kind !== 'acte') throw new AppError('NOT_FOUND', 'Acte introuvable.');
  if (acte.state !== 'recu')
    throw new AppError(
      'RULE',
      'Seul un acte dont la préfecture a accusé réception peut être annulé (S²LOW : état « Acquittement reçu »).',
    );
  const { numero } = JSON.parse(acte.payload) as ActePayload;
  return enqueue(
    db,
    {
      idemKey: `annulation:${numero}`,
      kind: 'annulation',
      refType: 'sync_outbox',
      refId: acte.id,
      label: `Annulation — ${acte.label}`,
      payload: { acteOutboxId, numero },
    },
    now,
  );
}

const TYPE_ENVOIE = { reponse: 4, refus: 3 } as const;

/** Reply to a courrier: réponse / pièces complémentaires (4), refus / rejet (3); a courrier simple takes 1. */
export function enqueueReponse(
  db: Db,
  inboundId: number,
  r: {
    mode: 'reponse' | 'refus';
    typeActe: string;
    document: { sha256: string; nom: string };
    annexes?: ReponsePayload['annexes'];
  },
  now: Date,
): number {
  const inb = db.prepare('SELECT * FROM sync_inbound WHERE id = ?').get(inboundId) as
    { id: number; kind: string; remote_id: string; title: string; reply_outbox_id: number | null } | undefined;
  if (!inb) throw new AppError('NOT_FOUND', 'Message introuvable.');
  const types: Record<string, number> = { CourrierSimple: 2, DemandePieceComplementaire: 3, LettreObservations: 4 };
  const courrierType = types[inb.kind];
  if (!courrierType)
    throw new AppError(
      'RULE',
      'On ne répond pas à ce message par la plateforme (un déféré se traite devant le tribunal administratif).',
    );
  if (inb.reply_outbox_id) throw new AppError('CONFLICT', 'Une réponse à ce message est déjà partie ou en attente.');
  const numero = (
    db
      .prepare('SELECT o.payload FROM sync_outbox o JOIN sync_inbound i ON i.outbox_id = o.id WHERE i.id = ?')
      .get(inboundId) as { payload: string } | undefined
  )?.payload;
  const payload: ReponsePayload = {
    courrierRemoteId: inb.remote_id,
    courrierType,
    numero: numero ? (JSON.parse(numero) as ActePayload).numero : '',
    typeEnvoie: courrierType === 2 ? 1 : TYPE_ENVOIE[r.mode],
    typeActe: r.typeActe,
    document: r.document,
    annexes: r.annexes ?? [],
  };
  return db.transaction(() => {
    const id = enqueue(
      db,
      {
        idemKey: `reponse:${inb.remote_id}`,
        kind: 'reponse',
        refType: 'sync_inbound',
        refId: inb.id,
        label: `Réponse — ${inb.title}`,
        payload,
      },
      now,
    );
    db.prepare('UPDATE sync_inbound SET reply_outbox_id = ? WHERE id = ?').run(id, inb.id);
    return id;
  })();
}

export const enqueueHelios = (db: Db, f: { sha256: string; nom: string }, now: Date): number =>
  enqueue(
    db,
    {
      idemKey: `helios:${f.sha256}`,
      kind: 'helios',
      refType: 'document',
      refId: f.sha256,
      label: `Flux comptable ${f.nom}`,
      payload: f,
    },
    now,
  );

export const enqueueClassificationRequest = (db: Db, today: string, now: Date): number =>
  enqueue(
    db,
    {
      idemKey: `classification:${today}`,
      kind: 'classification',
      label: 'Demande de mise à jour de la classification des actes',
      payload: {},
    },
    now,
  );

/**
 * Send again an act the platform or the préfecture refused (KO for a rule, AnomalieActe), once the cause is
 * corrected (a new signed PDF, typed annexes, the commune's classification). The numéro interne must be
 * unique per collectivité on the platform (s2low-protocol.md §2.1), so the new transmission carries the
 * délibération's number with a suffix: 2026_007_R1, then _R2… The refused item stays as history.
 */
export function enqueueRenvoi(db: Db, refusedOutboxId: number, now: Date): number {
  const old = getItem(db, refusedOutboxId);
  if (!old || old.kind !== 'acte' || old.ref_type !== 'deliberation' || old.ref_id === null)
    throw new AppError('NOT_FOUND', 'Acte introuvable.');
  if (old.state !== 'refuse') throw new AppError('CONFLICT', 'Seul un envoi refusé peut être renvoyé.');
  const d = getDeliberation(db, Number(old.ref_id));
  const tries = (
    db
      .prepare("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'acte' AND ref_type = 'deliberation' AND ref_id = ?")
      .get(old.ref_id) as { n: number }
  ).n;
  const numero = `${d.numero}_R${tries}`;
  if (!NUMERO_INTERNE_PATTERN.test(numero))
    throw new AppError('RULE', `Le numéro de renvoi ${numero} dépasse les 15 caractères permis par ACTES.`);
  const item = acteFromDeliberation(d, deliberationDate(db, d.seance_id), { annexes: annexesOf(db, d.point_id) });
  const payload = { ...(item.payload as ActePayload), numero };
  remettreATransmettre(db, d.id);
  return enqueue(db, { ...item, idemKey: `acte:${numero}`, label: `${item.label} (renvoi ${tries})`, payload }, now);
}
