// One document signed within a séance de signature: the signataire's authority for its current step, the
// PAdES or XAdES signature, its record and what follows in the same transaction (architecture §4).
import { AppError } from '../kernel';
import { readIdentity } from '../commune';
import { annexesOf, deliberationDate, getDeliberation, markSigned, signerPv } from '../conseil';
import { acteFromDeliberation, enqueue, enqueueHelios } from '../sync';
import { signPdf, signPes, type Signer } from '../signing';
import { authorityFor } from './delegations';
import { currentStep, getDocument, refreshStatut, stepsOf } from './queue';
import { stepContextOf } from './rights';
import type { Live, ParapheurEnv } from './session';

/** The current step of a document, and the authority of the séance's signataire for it (throws with the article). */
export function stepAuthority(env: ParapheurEnv, live: Live, id: number) {
  const d = getDocument(env.db, id);
  const step = currentStep(env.db, id);
  if (d.statut !== 'a_signer' || step?.type !== 'signature')
    throw new AppError(
      'CONFLICT',
      `« ${d.titre} » n'attend pas de signature (${d.statut === 'a_viser' ? 'visa du secrétariat d’abord' : d.statut}).`,
    );
  const auth = authorityFor(env.db, live.who, stepContextOf(env.db, d, step), env.today);
  return { d, step, auth };
}

export async function signOne(env: ParapheurEnv, live: Live, signer: Signer, id: number): Promise<string> {
  const { d, step, auth } = stepAuthority(env, live, id);
  const { sha256 } = env.docs.put(await signedBytes(env, live, signer, { d, auth }));
  env.db.transaction(() => {
    env.db
      .prepare(
        `INSERT INTO signature_record (document_id, step_id, format, signataire, qualite, elu_id, delegation_id, fondement, cert_holder, cert_issuer, cert_serial, cert_sha256, signed_at, before_sha256, after_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        step.id,
        d.mime === 'application/pdf' ? 'PAdES-B-B' : 'XAdES-BES',
        live.nom,
        auth.qualite,
        live.who.eluId ?? null,
        auth.delegationId,
        auth.fondement,
        live.info.holder,
        live.info.issuer,
        live.info.serial,
        live.info.sha256,
        env.now.toISOString(),
        d.current_sha256,
        sha256,
      );
    env.db
      .prepare("UPDATE circuit_step SET statut = 'fait', fait_par = ?, fait_le = ? WHERE id = ?")
      .run(live.nom, env.now.toISOString(), step.id);
    env.db.prepare('UPDATE parapheur_document SET current_sha256 = ? WHERE id = ?').run(sha256, id);
    const statut = refreshStatut(env.db, id, env.now);
    env.audit({
      action: 'parapheur.signature',
      summary: `${d.titre} signé par ${live.nom} (${auth.qualite})`,
      objectType: 'parapheur',
      objectId: id,
      details: { avant: d.current_sha256, apres: sha256, fondement: auth.fondement },
    });
    if (statut === 'signe') onFullySigned(env, d, sha256);
  })();
  return `Signé par ${live.nom} (${auth.qualite}).`;
}

type Authorized = ReturnType<typeof stepAuthority>;

/** The document's bytes signed: PAdES for a PDF (after the signatures already made), XAdES for a PES_Aller. */
async function signedBytes(
  env: ParapheurEnv,
  live: Live,
  signer: Signer,
  { d, auth }: Pick<Authorized, 'd' | 'auth'>,
): Promise<Uint8Array> {
  const before = env.docs.read(d.current_sha256);
  const commune = readIdentity(env.db).nom;
  const prior = stepsOf(env.db, d.id).filter((s) => s.type === 'signature' && s.statut === 'fait').length;
  return d.mime === 'application/pdf'
    ? await signPdf(before, {
        signer,
        nom: live.nom,
        qualite: auth.qualite,
        reason: d.titre,
        location: commune,
        at: env.now,
        expectedPrior: prior,
      })
    : (await signPes(before, { signer, role: auth.qualite, at: env.now })).bytes;
}

/** The last signature of a document sets off what waited for it, inside the signature's transaction. */
function onFullySigned(env: ParapheurEnv, d: Authorized['d'], sha256: string): void {
  if (d.source_type === 'deliberation') {
    markSigned(env, d.source_id!, sha256, signataires(env, d.id));
    // The outbox row is written in the same transaction as the signature that makes the act ready (architecture §4).
    const delib = getDeliberation(env.db, d.source_id!);
    if (delib.adoptee && delib.transmission === 'a_transmettre')
      enqueue(
        env.db,
        acteFromDeliberation(delib, deliberationDate(env.db, delib.seance_id), {
          annexes: annexesOf(env.db, delib.point_id),
        }),
        env.now,
      );
  }
  if (d.source_type === 'pv') signerPv(env, d.source_id!, sha256);
  // A signed PES_Aller leaves for the comptable public (HELIOS) with the same transaction (architecture §4).
  if (d.kind === 'pes') enqueueHelios(env.db, { sha256, nom: pesFileName(d.titre) }, env.now);
}

const signataires = (env: ParapheurEnv, id: number) =>
  (
    env.db.prepare('SELECT signataire FROM signature_record WHERE document_id = ? ORDER BY id').all(id) as {
      signataire: string;
    }[]
  )
    .map((r) => r.signataire)
    .join(' et ');

/** The PES file name sent to HELIOS: the document's title, letters and digits only. */
const pesFileName = (titre: string) =>
  `${
    titre
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'PES'
  }.xml`;
