/** What the window may ask of the synchronisation (contract: main/sync/schemas.ts). */
import { X509Certificate } from 'node:crypto';
import { AppError, parisDay } from '../kernel';
import type { Ctx, Implementations } from '../context';
import type { syncApi } from './schemas';
import { runSync, type SyncReport } from './engine';
import { enqueueAnnulation, enqueueClassificationRequest, enqueueRenvoi, enqueueReponse } from './requests';
import { connectorFor, readPlateforme, savePlateforme } from './settings';
import { syncStatus } from './status';
import { withSides } from './sides';

/** One run at a time per commune; « Synchroniser maintenant » joins the run in progress. */
const running = new Map<string, Promise<SyncReport>>();

export function startSync(ctx: Ctx, trigger: 'demarrage' | 'horaire' | 'manuel'): Promise<SyncReport> | null {
  const { id, db, dir } = ctx.commune();
  const existing = running.get(id);
  if (existing) return existing;
  const docs = ctx.core.communes.documentsOf(id);
  // other channels ride along (the mairie's mailbox, issue 13: e-mails leave over SMTP, the inbox is read after
  // the platform), registered by the host (sync/sides.ts)
  const connector = withSides(connectorFor(db, dir), {
    db,
    docs,
    dataDir: ctx.core.dataDir,
    now: () => ctx.core.clock(),
  });
  if (typeof connector === 'string') return null;
  const p = runSync({
    db,
    docs,
    connector,
    trigger,
    now: () => ctx.core.clock(),
    exclusive: (fn) => ctx.core.exclusive(fn),
    onProgress: (e) => ctx.conn.emit('sync.progress', e),
  }).finally(() => {
    connector.close();
    running.delete(id);
  });
  running.set(id, p);
  return p;
}

/** A certificate authority file (PEM or DER) as PEM, or a French refusal. */
function caPem(f: { nom: string; bytes: Buffer }): string {
  try {
    return new X509Certificate(f.bytes).toString();
  } catch {
    throw new AppError(
      'INVALID',
      `« ${f.nom} » n'est pas un certificat d'autorité lisible (fichier .pem, .crt ou .cer attendu).`,
      { caUploadId: 'Certificat illisible.' },
    );
  }
}

export const syncHandlers = {
  'sync.status': (ctx) => {
    const { id, db } = ctx.commune();
    return syncStatus(db, ctx.now, running.has(id));
  },
  'sync.now': (ctx) => {
    const p = startSync(ctx, 'manuel');
    if (!p)
      throw new AppError(
        'RULE',
        'La plateforme de télétransmission n’est pas encore configurée (Paramètres → Plateforme).',
      );
    void p.catch(() => undefined);
    return { started: true };
  },
  'sync.messages': (ctx) =>
    ctx
      .commune()
      .db.prepare(
        'SELECT id, kind, title, detail, id_acte, documents, received_at, outbox_id, reply_outbox_id FROM sync_inbound ORDER BY received_at DESC LIMIT 500',
      )
      .all(),
  'sync.plateforme': (ctx) => {
    const p = readPlateforme(ctx.commune().db);
    return p ? { url: p.url, login: p.login ?? null, certificat: Boolean(p.certificat) } : null;
  },
  'sync.savePlateforme': (ctx, a) => {
    const { db, dir } = ctx.commune();
    const p12 = a.certificatUploadId
      ? Buffer.from(ctx.core.uploads.take(ctx.conn.id, a.certificatUploadId).bytes)
      : null;
    const ca = a.caUploadId ? caPem(ctx.core.uploads.take(ctx.conn.id, a.caUploadId)) : null;
    db.transaction(() => {
      savePlateforme(db, dir, {
        url: a.url,
        login: a.login ?? null,
        password: a.password ?? null,
        p12,
        p12Password: a.certificatPassword ?? null,
        ca,
      });
      ctx.audit({
        action: 'sync.plateforme',
        summary: `Plateforme de télétransmission : ${a.url}${p12 ? ' (nouveau certificat)' : ''}`,
      });
    })();
    return { ok: true };
  },
  'sync.testConnexion': async (ctx) => {
    const { db, dir } = ctx.commune();
    const c = connectorFor(db, dir, 15_000);
    if (typeof c === 'string') return { ok: false, message: c, steps: [] };
    try {
      // the test waits on the platform (up to 15 s) without holding the core's write lock
      return await ctx.offLock(() => c.test(ctx.now));
    } finally {
      c.close();
    }
  },
  'sync.annuler': (ctx, { outboxId }) => {
    const { db } = ctx.commune();
    return { outboxId: db.transaction(() => enqueueAnnulation(db, outboxId, ctx.now))() };
  },
  'sync.renvoyer': (ctx, { outboxId }) => {
    const { db } = ctx.commune();
    return { outboxId: db.transaction(() => enqueueRenvoi(db, outboxId, ctx.now))() };
  },
  'sync.repondre': async (ctx, a) => {
    const { id, db } = ctx.commune();
    const { nom, bytes } = await ctx.core.uploads.takePdf(ctx.conn.id, a.uploadId);
    const { sha256 } = ctx.core.communes.documentsOf(id).put(bytes);
    return {
      outboxId: enqueueReponse(
        db,
        a.inboundId,
        { mode: a.mode, typeActe: a.typeActe, document: { sha256, nom } },
        ctx.now,
      ),
    };
  },
  'sync.demanderClassification': (ctx) => ({
    outboxId: enqueueClassificationRequest(ctx.commune().db, parisDay(ctx.now), ctx.now),
  }),
} satisfies Implementations<
  typeof syncApi,
  | 'sync.status'
  | 'sync.now'
  | 'sync.messages'
  | 'sync.plateforme'
  | 'sync.savePlateforme'
  | 'sync.testConnexion'
  | 'sync.annuler'
  | 'sync.renvoyer'
  | 'sync.repondre'
  | 'sync.demanderClassification'
>;
