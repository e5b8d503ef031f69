/**
 * The « séance de signature »: the élu plugs the token, the certificate is checked, the PIN is typed once,
 * then the selection is signed in order with a result per document. If the key wants the PIN for every
 * signature (CKA_ALWAYS_AUTHENTICATE), the PIN is asked for each document and never kept. A token pulled
 * out mid-batch stops it cleanly: what is signed stays signed, the rest stays in the parapheur. This file holds the
 * séance's lifecycle and the batch; one document's signature is in sign-document.ts.
 */
import { AppError } from '../kernel';
import { readElus } from '../commune';
import type { ConseilCtx } from '../conseil';
import {
  checkCertificate,
  describeCertificate,
  holderMatches,
  type CertificateInfo,
  type Signer,
  readSigningSettings,
  releaseToken,
  tokenFor,
  type TokenSession,
  isTokenError,
} from '../signing';
import { getDelegation, type Signataire } from './delegations';
import { signOne, stepAuthority } from './sign-document';

export interface ParapheurEnv extends ConseilCtx {
  emit(payload: Progress): void;
}

export type Progress =
  | {
      type: 'document';
      index: number;
      total: number;
      documentId: number;
      etat: 'en_cours' | 'signe' | 'erreur';
      message?: string;
    }
  | { type: 'arret'; message: string; restants: number[] };

/**
 * Who opened the séance de signature: it belongs to that person, in that commune, on that window. Anyone
 * else at the window (after « Se déconnecter », a lock, another login, a commune switch) cannot use it.
 */
export interface Owner {
  connId: string;
  userId: number;
  communeId: string;
}

export interface Live {
  owner: Owner;
  /** a batch is signing: the token session is closed when it stops, never under a running C_Sign */
  busy: boolean;
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
  /** resolved by the core from the saved setting or the vendor defaults, never given by the window */
  modulePath: string;
  slotId: string;
  certificateId: string;
  pin: string;
  signataire: Signataire;
}

/** Check the certificate BEFORE the PIN, then log in once. Kept for this window, for its owner only. */
export function startSession(env: ParapheurEnv, owner: Owner, a: StartArgs) {
  endSession(owner.connId);
  const settings = readSigningSettings(env.db);
  const modulePath = a.modulePath;
  const token = tokenFor(modulePath);
  const all = token.certificates(a.slotId);
  const cert = all.find((c) => c.id === a.certificateId);
  if (!cert)
    throw new AppError('NOT_FOUND', 'Ce certificat n’est plus sur la clé : cliquez sur « Rechercher la clé ».');
  const others = all.filter((c) => c.id !== cert.id).map((c) => c.der);
  const check = checkCertificate(cert.der, settings.trustedRoots, env.now, others);
  if (check.problems.length) throw new AppError('RULE', check.problems.join(' '));
  const info = describeCertificate(cert.der);
  const person = personOf(env, a.signataire);
  if (!holderMatches(info, person))
    throw new AppError(
      'RULE',
      `Ce certificat est au nom de ${info.holder}, pas de ${person.nomComplet} : chacun signe avec sa propre clé (signer avec la clé d'un autre est un faux en écriture publique).`,
    );
  const session = token.login(a.slotId, a.pin);
  try {
    const key = session.key(cert.id);
    const chain = others.filter((d) => info.issuer && describeCertificate(d).holder === info.issuer);
    sessions.set(owner.connId, {
      owner: { ...owner },
      busy: false,
      modulePath,
      session,
      keyHandle: key.handle,
      alwaysAuthenticate: key.alwaysAuthenticate,
      certificate: cert.der,
      chain,
      info,
      who: a.signataire,
      nom: person.nomComplet,
      signes: new Set(),
    });
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

/**
 * End the window's séance de signature: C_Logout + C_CloseSession, the PIN is forgotten. Called on
 * « Terminer », and by the core at every end of the Clocher session (logout, lock, commune switch, other
 * login, window closed). During a batch the token session closes as soon as the current signature returns.
 */
export function endSession(connId: string): void {
  const live = sessions.get(connId);
  sessions.delete(connId);
  if (live && !live.busy) live.session.logout();
}

/** Why `current` (the window's session now, null if logged out or locked) may not use the séance, or null. */
function notOwner(live: Live, current: Owner | null): string | null {
  if (!current)
    return 'Votre session Clocher est fermée ou verrouillée : la séance de signature est close, rien n’a été signé. Reconnectez-vous puis rouvrez la séance avec votre clé et votre code PIN.';
  if (
    current.userId !== live.owner.userId ||
    current.communeId !== live.owner.communeId ||
    current.connId !== live.owner.connId
  )
    return 'Cette séance de signature a été ouverte par une autre personne ou dans une autre commune : elle est fermée et rien n’a été signé. Ouvrez votre propre séance de signature avec votre clé et votre code PIN.';
  return null;
}

export const sessionOf = (current: Owner, env?: ParapheurEnv) => {
  const s = sessions.get(current.connId);
  if (!s) return null;
  if (notOwner(s, current)) {
    endSession(current.connId);
    return null;
  }
  return {
    certificat: s.info,
    signataire: s.nom,
    pinAChaqueSignature: s.alwaysAuthenticate,
    aSigner: env ? signablesFor(env, s) : [],
    signesCetteSeance: s.signes.size,
  };
};

/** What the person who opened the séance may sign now: documents whose current step is a signature he holds. */
function signablesFor(env: ParapheurEnv, live: Live): number[] {
  const ids = (
    env.db.prepare("SELECT id FROM parapheur_document WHERE statut = 'a_signer' ORDER BY created_at, id").all() as {
      id: number;
    }[]
  ).map((r) => r.id);
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

const STOPPED = 'Non signé : la séance de signature s’est arrêtée ; le document reste dans le parapheur.';

/**
 * Sign the selection in order. Never retries a PIN; stops at a removed token or a refused PIN. Before every
 * signature the window's current session is checked against the séance's owner (`current` is read each time:
 * a lock may come during a long batch).
 */
export async function signSelection(
  env: ParapheurEnv,
  connId: string,
  current: () => Owner | null,
  documentIds: number[],
  pin?: string,
) {
  const live = liveForBatch(connId, current, documentIds, pin);
  const signer = signerOf(live, pin);
  const results: { documentId: number; ok: boolean; message: string }[] = [];
  const stop = (from: number, message: string) => {
    const restants = documentIds.slice(from);
    for (const r of restants) results.push({ documentId: r, ok: false, message: STOPPED });
    env.emit({ type: 'arret', message, restants });
    return { results, arret: message };
  };
  live.busy = true;
  try {
    for (const [index, documentId] of documentIds.entries()) {
      const gone =
        sessions.get(connId) !== live
          ? 'La séance de signature a été fermée (déconnexion, verrouillage ou changement de commune) : les documents restants n’ont pas été signés.'
          : notOwner(live, current());
      if (gone) {
        endSession(connId);
        return stop(index, gone);
      }
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
        if (stopsBatch(e)) {
          if (isTokenError(e, 'TOKEN_REMOVED')) {
            endSession(connId);
            live.session.logout();
            releaseToken(live.modulePath);
          }
          return stop(index + 1, message);
        }
        if (!(e instanceof AppError)) throw e;
      }
    }
    return { results, arret: null };
  } finally {
    live.busy = false;
    if (sessions.get(connId) !== live) live.session.logout(); // ended during the batch
  }
}

/** The window's séance, if its owner is still the one at the window and the PIN is given when the key wants it. */
function liveForBatch(connId: string, current: () => Owner | null, documentIds: number[], pin?: string): Live {
  const live = sessions.get(connId);
  if (!live) throw new AppError('CONFLICT', 'Ouvrez d’abord la séance de signature (clé branchée et code PIN).');
  const refused = notOwner(live, current());
  if (refused) {
    endSession(connId);
    throw new AppError('FORBIDDEN', refused);
  }
  if (live.alwaysAuthenticate && (documentIds.length !== 1 || !pin))
    throw new AppError(
      'INVALID',
      'Cette clé demande le code PIN à chaque signature : signez les documents un par un, en saisissant le code PIN pour chacun.',
      { pin: 'Code PIN requis pour cette signature.' },
    );
  return live;
}

/** The séance's key as a signer; the PIN goes with each signature only when the key asks for it (CKA_ALWAYS_AUTHENTICATE). */
const signerOf = (live: Live, pin?: string): Signer => ({
  certificate: live.certificate,
  chain: live.chain,
  signDigest: (d) => live.session.signDigest(live.keyHandle, d, live.alwaysAuthenticate ? pin : undefined),
});

/** A token pulled out, a PIN refused or locked, a lost login: the rest of the batch cannot be signed. */
const stopsBatch = (e: unknown): boolean =>
  isTokenError(e, 'TOKEN_REMOVED') ||
  isTokenError(e, 'PIN_LOCKED') ||
  isTokenError(e, 'PIN_INCORRECT') ||
  isTokenError(e, 'NOT_LOGGED_IN');
