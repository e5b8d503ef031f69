/** Handlers of the token, the délégations register, the parapheur and the séance de signature. */
import { AppError } from '../api/errors';
import type { Ctx, Implementations } from '../api/handler';
import { readSetting, writeSetting } from '../commune/commune';
import { parisDay } from '../conseil';
import { checkCertificate, describeCertificate, expiryWarning, holderMatches } from '../signing/certificate';
import { installedModules, KNOWN_MODULES, readSigningSettings, testToken, tokenFor, writeSigningSettings, type Os } from '../signing/modules';
import { readSignatures } from '../signing/pades';
import { readPes } from '../signing/xades';
import { createDelegation, getDelegation, listDelegations, revokeDelegation } from './delegations';
import { commenter, documentDetail, feedFromConseil, getDocument, insertDocument, listDocuments, refuser, resoumettre, viser } from './queue';
import { endSession, sessionOf, signSelection, startSession, type ParapheurEnv } from './session';

const os = (): Os => (process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux');

function env(ctx: Ctx): ParapheurEnv {
  const { db, id } = ctx.commune();
  return { db, docs: ctx.core.communes.documentsOf(id), now: ctx.now, today: parisDay(ctx.now), audit: (e) => ctx.audit(e), emit: (p) => ctx.conn.emit('parapheur.progress', p) };
}

function modulePathOf(ctx: Ctx, given: string | null | undefined): string {
  const p = given ?? readSigningSettings(ctx.commune().db).modulePath ?? installedModules(os(), null)[0];
  if (!p) throw new AppError('NOT_FOUND', "Aucun pilote de clé (module PKCS#11) n'est installé sur cet ordinateur : installez le logiciel fourni avec la clé, ou indiquez son chemin dans Paramètres › Signature.");
  return p;
}

const writeTx = <T>(ctx: Ctx, fn: (e: ParapheurEnv) => T): T => {
  const e = env(ctx);
  return e.db.transaction(() => fn(e))();
};

type SeenCert = { holder: string; notAfter: string };

export const parapheurHandlers = {
  'signing.modules': (ctx) => {
    const configured = readSigningSettings(ctx.commune().db).modulePath;
    return { os: os(), connus: KNOWN_MODULES, installes: installedModules(os(), configured), configure: configured };
  },
  'signing.settings': (ctx) => readSigningSettings(ctx.commune().db),
  'signing.saveSettings': (ctx, { modulePath, trustedRoots }) =>
    writeTx(ctx, (e) => {
      for (const pem of trustedRoots) describeCertificate(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
      writeSigningSettings(e.db, { modulePath, trustedRoots });
      e.audit({ action: 'signature.parametres', summary: `Paramètres de signature : pilote ${modulePath ?? 'automatique'}, ${trustedRoots.length} autorité(s) de confiance` });
    }),
  'signing.scan': (ctx, { modulePath }) => testToken(modulePathOf(ctx, modulePath), readSigningSettings(ctx.commune().db).trustedRoots, ctx.now),
  'signing.test': (ctx, { modulePath }) => testToken(modulePathOf(ctx, modulePath), readSigningSettings(ctx.commune().db).trustedRoots, ctx.now),
  'signing.certificate': (ctx, { modulePath, slotId, certificateId, eluId }) => {
    const db = ctx.commune().db;
    const certs = tokenFor(modulePathOf(ctx, modulePath)).certificates(slotId);
    const c = certs.find((x) => x.id === certificateId);
    if (!c) throw new AppError('NOT_FOUND', 'Ce certificat n’est plus sur la clé.');
    const info = describeCertificate(c.der);
    const check = checkCertificate(c.der, readSigningSettings(db).trustedRoots, ctx.now, certs.filter((x) => x !== c).map((x) => x.der));
    const elu = eluId ? (db.prepare('SELECT prenom, nom FROM elu WHERE id = ?').get(eluId) as { prenom: string; nom: string } | undefined) : undefined;
    const seen = readSetting<Record<string, SeenCert>>(db, 'certificats_vus') ?? {};
    db.transaction(() => writeSetting(db, 'certificats_vus', { ...seen, [info.sha256]: { holder: info.holder, notAfter: info.notAfter } }))();
    return { ...info, problemes: check.problems, avertissement: check.warning, correspondAElu: elu ? holderMatches(info, elu) : null };
  },
  'signing.expiryWarnings': (ctx) =>
    Object.values(readSetting<Record<string, SeenCert>>(ctx.commune().db, 'certificats_vus') ?? {})
      .map((c) => expiryWarning(c, ctx.now))
      .filter((w): w is string => w !== null),

  'parapheur.delegations': (ctx) => listDelegations(ctx.commune().db, parisDay(ctx.now)),
  'parapheur.saveDelegation': (ctx, { delegation }) =>
    writeTx(ctx, (e) => {
      const id = createDelegation(e.db, delegation, e.now);
      const d = getDelegation(e.db, id);
      e.audit({ action: 'delegation.creee', summary: `Délégation (art. ${d.article} CGCT, arrêté n° ${d.arrete_numero}) à ${d.delegataire_nom ?? `élu n° ${d.delegataire_elu_id}`}`, objectType: 'delegation', objectId: id });
      return { delegationId: id };
    }),
  'parapheur.revokeDelegation': (ctx, { delegationId, date }) =>
    writeTx(ctx, (e) => {
      revokeDelegation(e.db, delegationId, date);
      e.audit({ action: 'delegation.rapportee', summary: `Délégation n° ${delegationId} rapportée le ${date}`, objectType: 'delegation', objectId: delegationId });
    }),
  'parapheur.list': (ctx, { statut }) => {
    const e = env(ctx);
    e.db.transaction(() => feedFromConseil(e.db, e.now))();
    return listDocuments(e.db, statut ?? null);
  },
  'parapheur.get': (ctx, { documentId }) => documentDetail(ctx.commune().db, documentId),
  'parapheur.file': (ctx, { documentId, version }) => {
    const e = env(ctx);
    const d = getDocument(e.db, documentId);
    const sha = version === 'originale' ? d.original_sha256 : d.current_sha256;
    return { nom: `${d.titre.slice(0, 80)}.${d.mime === 'application/pdf' ? 'pdf' : 'xml'}`, mime: d.mime, base64: e.docs.read(sha).toString('base64') };
  },
  'parapheur.viser': (ctx, { documentId }) => writeTx(ctx, (e) => viser(e.db, documentId, ctx.session().displayName, e.now)),
  'parapheur.refuser': (ctx, { documentId, motif }) =>
    writeTx(ctx, (e) => {
      refuser(e.db, documentId, ctx.session().displayName, motif, e.now);
      e.audit({ action: 'parapheur.refus', summary: `${getDocument(e.db, documentId).titre} refusé : ${motif}`, objectType: 'parapheur', objectId: documentId });
    }),
  'parapheur.commenter': (ctx, { documentId, texte }) => writeTx(ctx, (e) => commenter(e.db, documentId, ctx.session().displayName, texte, e.now)),
  'parapheur.resoumettre': (ctx, { documentId }) => writeTx(ctx, (e) => resoumettre(e.db, documentId, e.now)),
  'parapheur.importer': async (ctx, { uploadId, kind, titre }) => {
    const { bytes } = ctx.core.uploads.take(ctx.conn.id, uploadId);
    const buf = Buffer.from(bytes);
    if (kind === 'pes') readPes(buf);
    else await readSignatures(buf);
    return writeTx(ctx, (e) => {
      const { sha256 } = e.docs.put(buf);
      const id = insertDocument(e.db, { kind, titre, source_type: 'import', source_id: null, seance_id: null, mime: kind === 'pes' ? 'application/xml' : 'application/pdf', sha256 }, [{ type: 'signature', role: 'maire', elu_id: null, libelle: kind === 'pes' ? "Signature de l'ordonnateur" : 'Signature du maire ou de son délégataire' }], e.now);
      e.audit({ action: 'parapheur.depot', summary: `${titre} déposé dans le parapheur`, objectType: 'parapheur', objectId: id });
      return { documentId: id };
    });
  },
  'parapheur.sessionStart': (ctx, { modulePath, slotId, certificateId, pin, signataire }) => {
    // An élu logged in with his own account signs as himself only (his token, his name, his délégations).
    const me = ctx.session().eluId;
    if (me !== null && !('eluId' in signataire && signataire.eluId === me))
      throw new AppError('FORBIDDEN', 'Vous êtes connecté avec votre compte d’élu : seule votre propre clé peut signer. Pour un autre signataire, connectez-vous avec son compte ou celui du secrétariat.');
    return startSession(env(ctx), ctx.conn.id, { modulePath: modulePath ?? modulePathOf(ctx, null), slotId, certificateId, pin, signataire });
  },
  'parapheur.sessionState': (ctx) => sessionOf(ctx.conn.id, env(ctx)),
  'parapheur.sessionEnd': (ctx) => endSession(ctx.conn.id),
  'parapheur.signer': (ctx, { documentIds, pin }) => signSelection(env(ctx), ctx.conn.id, documentIds, pin),
} satisfies Implementations<
  | 'signing.modules' | 'signing.settings' | 'signing.saveSettings' | 'signing.scan' | 'signing.test' | 'signing.certificate' | 'signing.expiryWarnings'
  | 'parapheur.delegations' | 'parapheur.saveDelegation' | 'parapheur.revokeDelegation' | 'parapheur.list' | 'parapheur.get' | 'parapheur.file'
  | 'parapheur.viser' | 'parapheur.refuser' | 'parapheur.commenter' | 'parapheur.resoumettre' | 'parapheur.importer'
  | 'parapheur.sessionStart' | 'parapheur.sessionState' | 'parapheur.sessionEnd' | 'parapheur.signer'
>;
