/**
 * The « séance de signature »: the élu plugs the token, the certificate is checked, the PIN is typed once,
 * then the selection is signed in order with a result per document. If the key wants the PIN for every
 * signature (CKA_ALWAYS_AUTHENTICATE), the PIN is asked for each document and never kept. A token pulled
 * out mid-batch stops it cleanly: what is signed stays signed, the rest stays in the parapheur.
 */
import { AppError } from '../api/errors';
import { readElus, readIdentity } from '../commune/commune';
import { annexesOf, deliberationDate, getDeliberation, markSigned, signerPv, type ConseilCtx } from '../conseil';
import { acteFromDeliberation, enqueue, enqueueHelios } from '../sync';
import { checkCertificate, describeCertificate, holderMatches, type CertificateInfo } from '../signing/certificate';
import type { Signer } from '../signing/cms';
import { readSigningSettings, releaseToken, tokenFor } from '../signing/modules';
import { signPdf } from '../signing/pades';
import type { TokenSession } from '../signing/token';
import { isTokenError } from '../signing/token-errors';
import { signPes } from '../signing/xades';
import { authorityFor, getDelegation, type Signataire } from './delegations';
import { currentStep, getDocument, refreshStatut, stepsOf } from './queue';

export interface ParapheurEnv extends ConseilCtx {
  emit(payload: Progress): void;
}

export type Progress =
  | { type: 'document'; index: number; total: number; documentId: number; etat: 'en_cours' | 'signe' | 'erreur'; message?: string }
  | { type: 'arret'; message: string; restants: number[] };

interface Live {
  modulePath: string;
  session: TokenSession;
  keyHandle: Buffer;
  alwaysAuthenticate: boolean;
  certificate: Buffer;
  chain: Buffer[];
  info: CertificateInfo;
  who: Signataire;
  nom: string;
  /** documents signed in this séance (its summary counts these, not the whole queue) */
  signes: Set<number>;
}

const sessions = new Map<string, Live>();

export interface StartArgs {
  modulePath?: string | null | undefined;
  slotId: string;
  certificateId: string;
  pin: string;
  signataire: Signataire;
}

/** Check the certificate BEFORE the PIN, then log in once. Keyed by the window's connection. */
export function startSession(env: ParapheurEnv, connId: string, a: StartArgs) {
  endSession(connId);
  const settings = readSigningSettings(env.db);
  const modulePath = a.modulePath ?? settings.modulePath;
  if (!modulePath) throw new AppError('INVALID', 'Indiquez le pilote de la clé (module PKCS#11) dans Paramètres › Signature, ou cliquez sur « Tester la clé ».');
  const token = tokenFor(modulePath);
  const all = token.certificates(a.slotId);
  const cert = all.find((c) => c.id === a.certificateId);
  if (!cert) throw new AppError('NOT_FOUND', 'Ce certificat n’est plus sur la clé : cliquez sur « Rechercher la clé ».');
  const others = all.filter((c) => c.id !== cert.id).map((c) => c.der);
  const check = checkCertificate(cert.der, settings.trustedRoots, env.now, others);
  if (check.problems.length) throw new AppError('RULE', check.problems.join(' '));
  const info = describeCertificate(cert.der);
  const person = personOf(env, a.signataire);
  if (!holderMatches(info, person))
    throw new AppError('RULE', `Ce certificat est au nom de ${info.holder}, pas de ${person.nomComplet} : chacun signe avec sa propre clé (signer avec la clé d'un autre est un faux en écriture publique).`);
  const session = token.login(a.slotId, a.pin);
  try {
    const key = session.key(cert.id);
    const chain = others.filter((d) => info.issuer && describeCertificate(d).holder === info.issuer);
    sessions.set(connId, { modulePath, session, keyHandle: key.handle, alwaysAuthenticate: key.alwaysAuthenticate, certificate: cert.der, chain, info, who: a.signataire, nom: person.nomComplet, signes: new Set() });
    return {
      certificat: info,
      avertissement: check.warning,
      pinAChaqueSignature: key.alwaysAuthenticate,
      message: key.alwaysAuthenticate
        ? 'Cette clé demande le code PIN à chaque signature : Clocher vous le demandera pour chaque document, un par un.'
        : `Clé ouverte pour ${person.nomComplet}. Sélectionnez les documents à signer.`,
    };
  } catch (e) {
    session.logout();
    throw e;
  }
}

function personOf(env: ParapheurEnv, who: Signataire): { prenom: string; nom: string; nomComplet: string } {
  if (who.eluId) {
    const e = readElus(env.db).find((x) => x.id === who.eluId);
    if (!e) throw new AppError('NOT_FOUND', 'Élu introuvable.');
    return { prenom: e.prenom, nom: e.nom, nomComplet: `${e.prenom} ${e.nom}` };
  }
  const d = getDelegation(env.db, who.delegationId!);
  return { prenom: '', nom: d.delegataire_nom ?? '', nomComplet: d.delegataire_nom ?? '' };
}

export function endSession(connId: string): void {
  sessions.get(connId)?.session.logout();
  sessions.delete(connId);
}

export const sessionOf = (connId: string, env?: ParapheurEnv) => {
  const s = sessions.get(connId);
  return s ? { certificat: s.info, signataire: s.nom, pinAChaqueSignature: s.alwaysAuthenticate, aSigner: env ? signablesFor(env, s) : [], signesCetteSeance: s.signes.size } : null;
};

/** What the person who opened the séance may sign now: documents whose current step is a signature he holds. */
function signablesFor(env: ParapheurEnv, live: Live): number[] {
  const ids = (env.db.prepare("SELECT id FROM parapheur_document WHERE statut = 'a_signer' ORDER BY created_at, id").all() as { id: number }[]).map((r) => r.id);
  return ids.filter((id) => {
    try {
      stepAuthority(env, live, id);
      return true;
    } catch (e) {
      if (e instanceof AppError) return false;
      throw e;
    }
  });
}

/** The current step of a document, and the authority of the séance's signataire for it (throws with the article). */
function stepAuthority(env: ParapheurEnv, live: Live, id: number) {
  const d = getDocument(env.db, id);
  const step = currentStep(env.db, id);
  if (d.statut !== 'a_signer' || step?.type !== 'signature') throw new AppError('CONFLICT', `« ${d.titre} » n'attend pas de signature (${d.statut === 'a_viser' ? 'visa du secrétariat d’abord' : d.statut}).`);
  const seance = d.seance_id ? (env.db.prepare('SELECT date, president_elu_id FROM seance WHERE id = ?').get(d.seance_id) as { date: string; president_elu_id: number | null }) : null;
  const role = step.role === 'secretaire' ? 'maire' : step.role;
  const auth = authorityFor(env.db, live.who, { kind: d.kind, role, stepEluId: step.elu_id, seancePresidentId: seance?.president_elu_id ?? step.elu_id, seanceDate: seance?.date ?? null }, env.today);
  return { d, step, auth };
}

/** Sign the selection in order. Never retries a PIN; stops at a removed token or a refused PIN. */
export async function signSelection(env: ParapheurEnv, connId: string, documentIds: number[], pin?: string) {
  const live = sessions.get(connId);
  if (!live) throw new AppError('CONFLICT', 'Ouvrez d’abord la séance de signature (clé branchée et code PIN).');
  if (live.alwaysAuthenticate && (documentIds.length !== 1 || !pin))
    throw new AppError('INVALID', 'Cette clé demande le code PIN à chaque signature : signez les documents un par un, en saisissant le code PIN pour chacun.', { pin: 'Code PIN requis pour cette signature.' });
  const signer: Signer = { certificate: live.certificate, chain: live.chain, signDigest: (d) => live.session.signDigest(live.keyHandle, d, live.alwaysAuthenticate ? pin : undefined) };
  const results: { documentId: number; ok: boolean; message: string }[] = [];
  for (const [index, documentId] of documentIds.entries()) {
    env.emit({ type: 'document', index, total: documentIds.length, documentId, etat: 'en_cours' });
    try {
      const message = await signOne(env, live, signer, documentId);
      results.push({ documentId, ok: true, message });
      live.signes.add(documentId);
      env.emit({ type: 'document', index, total: documentIds.length, documentId, etat: 'signe', message });
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'Erreur inattendue : ce document n’a pas été signé.';
      results.push({ documentId, ok: false, message });
      env.emit({ type: 'document', index, total: documentIds.length, documentId, etat: 'erreur', message });
      if (isTokenError(e, 'TOKEN_REMOVED') || isTokenError(e, 'PIN_LOCKED') || isTokenError(e, 'PIN_INCORRECT') || isTokenError(e, 'NOT_LOGGED_IN')) {
        const restants = documentIds.slice(index + 1);
        for (const r of restants) results.push({ documentId: r, ok: false, message: 'Non signé : la séance de signature s’est arrêtée ; le document reste dans le parapheur.' });
        if (isTokenError(e, 'TOKEN_REMOVED')) {
          endSession(connId);
          releaseToken(live.modulePath);
        }
        env.emit({ type: 'arret', message, restants });
        return { results, arret: message };
      }
      if (!(e instanceof AppError)) throw e;
    }
  }
  return { results, arret: null };
}

async function signOne(env: ParapheurEnv, live: Live, signer: Signer, id: number): Promise<string> {
  const { d, step, auth } = stepAuthority(env, live, id);
  const before = env.docs.read(d.current_sha256);
  const commune = readIdentity(env.db).nom;
  const prior = stepsOf(env.db, id).filter((s) => s.type === 'signature' && s.statut === 'fait').length;
  const after =
    d.mime === 'application/pdf'
      ? await signPdf(before, { signer, nom: live.nom, qualite: auth.qualite, reason: d.titre, location: commune, at: env.now, expectedPrior: prior })
      : (await signPes(before, { signer, role: auth.qualite, at: env.now })).bytes;
  const { sha256 } = env.docs.put(after);
  env.db.transaction(() => {
    env.db
      .prepare(
        `INSERT INTO signature_record (document_id, step_id, format, signataire, qualite, elu_id, delegation_id, fondement, cert_holder, cert_issuer, cert_serial, cert_sha256, signed_at, before_sha256, after_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, step.id, d.mime === 'application/pdf' ? 'PAdES-B-B' : 'XAdES-BES', live.nom, auth.qualite, live.who.eluId ?? null, auth.delegationId, auth.fondement, live.info.holder, live.info.issuer, live.info.serial, live.info.sha256, env.now.toISOString(), d.current_sha256, sha256);
    env.db.prepare("UPDATE circuit_step SET statut = 'fait', fait_par = ?, fait_le = ? WHERE id = ?").run(live.nom, env.now.toISOString(), step.id);
    env.db.prepare('UPDATE parapheur_document SET current_sha256 = ? WHERE id = ?').run(sha256, id);
    const statut = refreshStatut(env.db, id, env.now);
    env.audit({ action: 'parapheur.signature', summary: `${d.titre} signé par ${live.nom} (${auth.qualite})`, objectType: 'parapheur', objectId: id, details: { avant: d.current_sha256, apres: sha256, fondement: auth.fondement } });
    if (statut === 'signe' && d.source_type === 'deliberation') {
      markSigned(env, d.source_id!, sha256, signataires(env, id));
      // The outbox row is written in the same transaction as the signature that makes the act ready (architecture §4).
      const delib = getDeliberation(env.db, d.source_id!);
      if (delib.adoptee && delib.transmission === 'a_transmettre') enqueue(env.db, acteFromDeliberation(delib, deliberationDate(env.db, delib.seance_id), { annexes: annexesOf(env.db, delib.point_id) }), env.now);
    }
    if (statut === 'signe' && d.source_type === 'pv') signerPv(env, d.source_id!, sha256);
    // A signed PES_Aller leaves for the comptable public (HELIOS) with the same transaction (architecture §4).
    if (statut === 'signe' && d.kind === 'pes') enqueueHelios(env.db, { sha256, nom: pesFileName(d.titre) }, env.now);
  })();
  return `Signé par ${live.nom} (${auth.qualite}).`;
}

const signataires = (env: ParapheurEnv, id: number) =>
  (env.db.prepare('SELECT signataire FROM signature_record WHERE document_id = ? ORDER BY id').all(id) as { signataire: string }[]).map((r) => r.signataire).join(' et ');


/** The PES file name sent to HELIOS: the document's title, letters and digits only. */
const pesFileName = (titre: string) =>
  `${titre.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'PES'}.xml`;
