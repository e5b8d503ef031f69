/** Handlers of the token, the délégations register, the parapheur and the séance de signature. */
import { AppError, parisDay } from '../kernel';
import type { Ctx, Implementations } from '../context';
import type { signingApi } from './schemas';
import { readSetting, writeSetting } from '../commune';
import {
  checkCertificate,
  describeCertificate,
  expiryWarning,
  holderMatches,
  checkModulePath,
  installedModules,
  KNOWN_MODULES,
  moduleToLoad,
  readSigningSettings,
  testToken,
  thisOs as os,
  tokenFor,
  writeSigningSettings,
  readSignatures,
  readPes,
} from '../signing';
import { createDelegation, getDelegation, listDelegations, revokeDelegation } from './delegations';
import {
  commenter,
  documentDetail,
  feedFromConseil,
  getDocument,
  insertDocument,
  listDocuments,
  refuser,
  resoumettre,
  viser,
} from './queue';
import { checkMayRefuse, mayRefuse } from './rights';
import { endSession, sessionOf, signSelection, startSession, type Owner, type ParapheurEnv } from './session';

/** The window's session now, as a séance owner; null when logged out, locked or outside a commune. */
function ownerNow(ctx: Ctx): Owner | null {
  const s = ctx.conn.session;
  return s && !s.locked && s.communeId ? { connId: ctx.conn.id, userId: s.userId, communeId: s.communeId } : null;
}

/** The logged-in, unlocked user in the open commune (throws otherwise): the owner of a séance opened now. */
const ownerOf = (ctx: Ctx): Owner => ({
  connId: ctx.conn.id,
  userId: ctx.session().userId,
  communeId: ctx.commune().id,
});

/** The shared context of the open commune, with the séance de signature's progress pushed to this window. */
const env = (ctx: Ctx): ParapheurEnv => ({ ...ctx.data(), emit: (p) => ctx.conn.emit('parapheur.progress', p) });

type SeenCert = { holder: string; notAfter: string };

export const parapheurHandlers = {
  'signing.modules': (ctx) => {
    const configured = readSigningSettings(ctx.commune().db).modulePath;
    return { os: os(), connus: KNOWN_MODULES, installes: installedModules(os(), configured), configure: configured };
  },
  'signing.settings': (ctx) => readSigningSettings(ctx.commune().db),
  'signing.saveSettings': (ctx, { modulePath, trustedRoots }) =>
    ctx.write((e) => {
      // the only way a library path enters the core: checked here (local, absolute, existing .so/.dll/.dylib file)
      if (modulePath) checkModulePath(modulePath, os());
      for (const pem of trustedRoots)
        describeCertificate(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
      writeSigningSettings(e.db, { modulePath, trustedRoots });
      e.audit({
        action: 'signature.parametres',
        summary: `Paramètres de signature : pilote ${modulePath ?? 'automatique'}, ${trustedRoots.length} autorité(s) de confiance`,
      });
    }),
  'signing.scan': (ctx) =>
    testToken(moduleToLoad(ctx.commune().db), readSigningSettings(ctx.commune().db).trustedRoots, ctx.now),
  'signing.test': (ctx) =>
    testToken(moduleToLoad(ctx.commune().db), readSigningSettings(ctx.commune().db).trustedRoots, ctx.now),
  'signing.certificate': (ctx, { slotId, certificateId, eluId }) => {
    const db = ctx.commune().db;
    const certs = tokenFor(moduleToLoad(db)).certificates(slotId);
    const c = certs.find((x) => x.id === certificateId);
    if (!c) throw new AppError('NOT_FOUND', 'Ce certificat n’est plus sur la clé.');
    const info = describeCertificate(c.der);
    const check = checkCertificate(
      c.der,
      readSigningSettings(db).trustedRoots,
      ctx.now,
      certs.filter((x) => x !== c).map((x) => x.der),
    );
    const elu = eluId
      ? (db.prepare('SELECT prenom, nom FROM elu WHERE id = ?').get(eluId) as
          { prenom: string; nom: string } | undefined)
      : undefined;
    const seen = readSetting<Record<string, SeenCert>>(db, 'certificats_vus') ?? {};
    db.transaction(() =>
      writeSetting(db, 'certificats_vus', { ...seen, [info.sha256]: { holder: info.holder, notAfter: info.notAfter } }),
    )();
    return {
      ...info,
      problemes: check.problems,
      avertissement: check.warning,
      correspondAElu: elu ? holderMatches(info, elu) : null,
    };
  },
  'signing.expiryWarnings': (ctx) =>
    Object.values(readSetting<Record<string, SeenCert>>(ctx.commune().db, 'certificats_vus') ?? {})
      .map((c) => expiryWarning(c, ctx.now))
      .filter((w): w is string => w !== null),

  'parapheur.delegations': (ctx) => listDelegations(ctx.commune().db, parisDay(ctx.now)),
  'parapheur.saveDelegation': (ctx, { delegation }) =>
    ctx.write((e) => {
      const id = createDelegation(e.db, delegation, e.now);
      const d = getDelegation(e.db, id);
      e.audit({
        action: 'delegation.creee',
        summary: `Délégation (art. ${d.article} CGCT, arrêté n° ${d.arrete_numero}) à ${d.delegataire_nom ?? `élu n° ${d.delegataire_elu_id}`}`,
        objectType: 'delegation',
        objectId: id,
      });
      return { delegationId: id };
    }),
  'parapheur.revokeDelegation': (ctx, { delegationId, date }) =>
    ctx.write((e) => {
      revokeDelegation(e.db, delegationId, date);
      e.audit({
        action: 'delegation.rapportee',
        summary: `Délégation n° ${delegationId} rapportée le ${date}`,
        objectType: 'delegation',
        objectId: delegationId,
      });
    }),
  'parapheur.list': (ctx, { statut }) => {
    const e = env(ctx);
    e.db.transaction(() => feedFromConseil(e.db, e.now))();
    const s = ctx.session();
    return listDocuments(e.db, statut ?? null).map((d) => ({ ...d, peutRefuser: mayRefuse(e.db, s, d.id, e.today) }));
  },
  'parapheur.get': (ctx, { documentId }) => documentDetail(ctx.commune().db, documentId),
  'parapheur.file': (ctx, { documentId, version }) => {
    const e = env(ctx);
    const d = getDocument(e.db, documentId);
    const sha = version === 'originale' ? d.original_sha256 : d.current_sha256;
    return {
      nom: `${d.titre.slice(0, 80)}.${d.mime === 'application/pdf' ? 'pdf' : 'xml'}`,
      mime: d.mime,
      base64: e.docs.read(sha).toString('base64'),
    };
  },
  'parapheur.viser': (ctx, { documentId }) =>
    ctx.write((e) => viser(e.db, documentId, ctx.session().displayName, e.now)),
  'parapheur.refuser': (ctx, { documentId, motif }) =>
    ctx.write((e) => {
      checkMayRefuse(e.db, ctx.session(), documentId, e.today);
      refuser(e.db, documentId, ctx.session().displayName, motif, e.now);
      e.audit({
        action: 'parapheur.refus',
        summary: `${getDocument(e.db, documentId).titre} refusé : ${motif}`,
        objectType: 'parapheur',
        objectId: documentId,
      });
    }),
  'parapheur.commenter': (ctx, { documentId, texte }) =>
    ctx.write((e) => commenter(e.db, documentId, ctx.session().displayName, texte, e.now)),
  'parapheur.resoumettre': (ctx, { documentId }) => ctx.write((e) => resoumettre(e.db, documentId, e.now)),
  'parapheur.importer': async (ctx, { uploadId, kind, titre }) => {
    const { bytes } =
      kind === 'pes'
        ? ctx.core.uploads.take(ctx.conn.id, uploadId)
        : await ctx.core.uploads.takePdf(ctx.conn.id, uploadId);
    const buf = Buffer.from(bytes);
    if (kind === 'pes') readPes(buf);
    else await readSignatures(buf);
    return ctx.write((e) => {
      const { sha256 } = e.docs.put(buf);
      const id = insertDocument(
        e.db,
        {
          kind,
          titre,
          source_type: 'import',
          source_id: null,
          seance_id: null,
          mime: kind === 'pes' ? 'application/xml' : 'application/pdf',
          sha256,
        },
        [
          {
            type: 'signature',
            role: 'maire',
            elu_id: null,
            libelle: kind === 'pes' ? "Signature de l'ordonnateur" : 'Signature du maire ou de son délégataire',
          },
        ],
        e.now,
      );
      e.audit({
        action: 'parapheur.depot',
        summary: `${titre} déposé dans le parapheur`,
        objectType: 'parapheur',
        objectId: id,
      });
      return { documentId: id };
    });
  },
  'parapheur.sessionStart': (ctx, { slotId, certificateId, pin, signataire }) => {
    // An élu logged in with his own account signs as himself only (his token, his name, his délégations).
    const me = ctx.session().eluId;
    if (me !== null && !('eluId' in signataire && signataire.eluId === me))
      throw new AppError(
        'FORBIDDEN',
        'Vous êtes connecté avec votre compte d’élu : seule votre propre clé peut signer. Pour un autre signataire, connectez-vous avec son compte ou celui du secrétariat.',
      );
    const e = env(ctx);
    return startSession(e, ownerOf(ctx), { modulePath: moduleToLoad(e.db), slotId, certificateId, pin, signataire });
  },
  'parapheur.sessionState': (ctx) => sessionOf(ownerOf(ctx), env(ctx)),
  'parapheur.sessionEnd': (ctx) => endSession(ctx.conn.id),
  'parapheur.signer': (ctx, { documentIds, pin }) =>
    signSelection(env(ctx), ctx.conn.id, () => ownerNow(ctx), documentIds, pin),
} satisfies Implementations<
  typeof signingApi,
  | 'signing.modules'
  | 'signing.settings'
  | 'signing.saveSettings'
  | 'signing.scan'
  | 'signing.test'
  | 'signing.certificate'
  | 'signing.expiryWarnings'
  | 'parapheur.delegations'
  | 'parapheur.saveDelegation'
  | 'parapheur.revokeDelegation'
  | 'parapheur.list'
  | 'parapheur.get'
  | 'parapheur.file'
  | 'parapheur.viser'
  | 'parapheur.refuser'
  | 'parapheur.commenter'
  | 'parapheur.resoumettre'
  | 'parapheur.importer'
  | 'parapheur.sessionStart'
  | 'parapheur.sessionState'
  | 'parapheur.sessionEnd'
  | 'parapheur.signer'
>;
