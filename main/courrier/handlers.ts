import { AppError } from '../kernel';
import type { Ctx, Implementations } from '../context';
import type { courrierApi } from './schemas';
import { ROLE_LABELS } from '../auth';
import type { CourrierCtx } from './context';
import { searchContacts } from './contacts';
import { procedures } from './courrier';
import { courrierDetail } from './detail';
import { echeances, refreshCourrierTodos } from './echeances';
import { areAfterClassify, issueDocument } from './issue';
import { registerArrivee } from './register';
import { modeles, prepareReply, registerSignedReplies } from './replies';
import { deleteModele } from './modeles';
import { lever, listAbus, reglerSeuil, signaler } from './abus';
import { mayRead, mayWrite } from './rights';
import { parisDay } from './rules/days';
import { searchCourriers } from './search';
import { CHAMPS, saveModele, saveProcedure } from './reglages';
import { assign, classify, forward, piecesReceived, requestPieces, setStatut } from './service';

function cc(ctx: Ctx): CourrierCtx {
  const s = ctx.session();
  const { db, id } = ctx.commune();
  if (!s.role) throw new AppError('FORBIDDEN', 'Aucun rôle dans cette commune.');
  mayRead(s.role);
  return {
    db,
    docs: ctx.core.communes.documentsOf(id),
    now: ctx.now,
    today: parisDay(ctx.now),
    actor: ctx.actor(),
    role: s.role,
    agent: { nom: s.displayName, qualite: ROLE_LABELS[s.role] },
    audit: (e) => ctx.audit(e),
  };
}

/** Replies signed in the parapheur since the last look become départs (replies.ts). */
function withSigned(ctx: Ctx): CourrierCtx {
  const c = cc(ctx);
  if (registerSignedReplies(c.db, c.docs, c.actor, c.now, c.today)) refreshCourrierTodos(c.db, c.today, c.now);
  return c;
}

/** One transaction, then the dashboard's « À faire » brought up to date. */
function write<T>(ctx: Ctx, fn: (c: CourrierCtx) => T): T {
  const c = cc(ctx);
  const out = c.db.transaction(() => fn(c))();
  refreshCourrierTodos(c.db, c.today, c.now);
  return out;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  eml: 'message/rfc822',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const mimeOf = (nom: string) => MIME[nom.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

export const courrierHandlers = {
  'courrier.search': (ctx, args) => searchCourriers(withSigned(ctx).db, args),
  'courrier.get': (ctx, { courrierId }) => courrierDetail(withSigned(ctx).db, courrierId),
  'courrier.modeles': (ctx) => modeles(cc(ctx).db),
  'courrier.prepareReply': async (ctx, { courrierId, reponse }) => {
    const c = cc(ctx);
    const out = await prepareReply(c, courrierId, reponse);
    refreshCourrierTodos(c.db, c.today, c.now);
    return out;
  },
  'courrier.contacts': (ctx, { text }) => searchContacts(cc(ctx).db, text),
  'courrier.procedures': (ctx) => procedures(cc(ctx).db),
  'courrier.echeances': (ctx) => {
    const c = withSigned(ctx);
    return { today: c.today, echeances: echeances(c.db, c.today) };
  },
  'courrier.registerArrivee': (ctx, { arrivee, uploadIds }) => {
    const c = cc(ctx);
    mayWrite(c.role);
    const files = uploadIds.map((u) => ctx.core.uploads.take(ctx.conn.id, u));
    const attachments = files.map((f) => ({ name: f.nom, mime: mimeOf(f.nom), bytes: new Uint8Array(f.bytes) }));
    const r = registerArrivee(
      c.db,
      c.docs,
      { ...(arrivee as object), attachments } as Parameters<typeof registerArrivee>[2],
      c.actor,
      c.now,
    );
    refreshCourrierTodos(c.db, c.today, c.now);
    return r;
  },
  'courrier.classify': async (ctx, { courrierId, qualification }) => {
    const crpa = write(ctx, (c) => classify(c, courrierId, qualification));
    const c = cc(ctx);
    const areEnvoyeA = await areAfterClassify(c, courrierId); // R112-11-1: the ARE follows the classification
    if (areEnvoyeA) refreshCourrierTodos(c.db, c.today, c.now);
    return { ...crpa, areEnvoyeA };
  },
  'courrier.assign': (ctx, { courrierId, assigne }) => write(ctx, (c) => assign(c, courrierId, assigne)),
  'courrier.setStatut': (ctx, { courrierId, statut }) => write(ctx, (c) => setStatut(c, courrierId, statut)),
  'courrier.requestPieces': (ctx, { courrierId, demande }) => write(ctx, (c) => requestPieces(c, courrierId, demande)),
  'courrier.piecesReceived': (ctx, { courrierId, date }) => write(ctx, (c) => piecesReceived(c, courrierId, date)),
  'courrier.forward': (ctx, { courrierId, transmission }) => write(ctx, (c) => forward(c, courrierId, transmission)),
  'courrier.document': async (ctx, { courrierId, kind }) => {
    const c = cc(ctx);
    const out = await issueDocument(c, courrierId, kind);
    refreshCourrierTodos(c.db, c.today, c.now);
    return out;
  },
  'courrier.saveProcedure': (ctx, { procedure }) => write(ctx, (c) => saveProcedure(c, procedure)),
  'courrier.saveModele': (ctx, { modele }) => write(ctx, (c) => saveModele(c, modele)),
  'courrier.deleteModele': (ctx, { code, confirm }) => write(ctx, (c) => deleteModele(c, code, confirm)),
  'courrier.abus.list': (ctx) => listAbus(cc(ctx)),
  'courrier.abus.signaler': (ctx, { signalement }) => write(ctx, (c) => signaler(c, signalement)),
  'courrier.abus.lever': (ctx, { signalementId }) => write(ctx, (c) => lever(c, signalementId)),
  'courrier.abus.seuil': (ctx, { seuil }) => write(ctx, (c) => reglerSeuil(c, seuil)),
  'courrier.champsModele': (ctx) => (cc(ctx), CHAMPS.map((c) => ({ ...c }))),
  'courrier.piece': (ctx, { pieceId }) => {
    const c = cc(ctx);
    const p = c.db.prepare('SELECT nom, mime, sha256 FROM courrier_piece WHERE id = ?').get(pieceId) as
      { nom: string; mime: string; sha256: string } | undefined;
    if (!p) throw new AppError('NOT_FOUND', 'Cette pièce est introuvable.');
    return { nom: p.nom, mime: p.mime, base64: c.docs.read(p.sha256).toString('base64') };
  },
} satisfies Implementations<typeof courrierApi>;
