/**
 * The letters of a request: the complément (what is missing with its article; the request then waits), the
 * refusal (a decision: signed by an officier, its author named, CRPA L212-1; the request is closed), and the
 * receipt, printed only when asked (CRPA L112-3 and R112-4 2°: a request for a copy of an act needs none).
 * Each printed letter is kept (content-addressed) and journaled without the requester's name.
 */
import { AppError } from '../kernel';
import type { Session } from '../context';
import type { EcCtx } from './context';
import {
  actorName,
  capital,
  demandeRef,
  event,
  getDemande,
  objetRef,
  STATUT_LABELS,
  type DemandeRow,
  type Statut,
} from './demandes';
import { officierFor } from './demandes-officier';
import type { OfficierChoisi } from './demandes-schemas';
import { renderLettre, type LettreKind, type Signataire } from './demandes-lettres-pdf';

export type PieceNature = 'lettre_complement' | 'lettre_refus' | 'recepisse';

function keep(c: EcCtx, d: DemandeRow, nature: PieceNature, pdf: Uint8Array, signataire: Signataire): number {
  const { sha256 } = c.docs.put(pdf);
  return Number(
    c.db
      .prepare(
        'INSERT INTO ec_demande_piece (demande_id, nature, sha256, officier, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(d.id, nature, sha256, `${signataire.nom}, ${signataire.qualite}`, c.now.toISOString(), actorName(c))
      .lastInsertRowid,
  );
}

/** The state a letter may be sent in, and the state it leads to. */
function check(d: DemandeRow, lettre: 'complement' | 'refus'): Statut {
  if (d.derogation_le)
    throw new AppError(
      'RULE',
      `La ${demandeRef(d)} est accordée sur dérogation écrite : ni complément ni refus à envoyer.`,
    );
  if (lettre === 'complement') {
    if (d.decision_issue !== 'incomplete' || (d.statut !== 'recue' && d.statut !== 'incomplete'))
      throw new AppError(
        'RULE',
        `La ${demandeRef(d)} n’attend aucun renseignement (${STATUT_LABELS[d.statut].toLowerCase()}) : pas de lettre de complément.`,
      );
    return 'incomplete';
  }
  if (d.decision_issue !== 'refused' || d.statut !== 'recue')
    throw new AppError(
      'RULE',
      `La ${demandeRef(d)} n’est pas refusée (${STATUT_LABELS[d.statut].toLowerCase()}) : pas de lettre de refus.`,
    );
  return 'refusee';
}

/** Print the complément or the refusal letter; the request then waits, or is closed as refused. */
export async function lettreDemande(
  c: EcCtx,
  s: Session,
  id: number,
  lettre: 'complement' | 'refus',
  choix: OfficierChoisi | null,
): Promise<{ pdf: Uint8Array; nom: string; pieceId: number }> {
  const d = getDemande(c, id);
  check(d, lettre);
  // the complément is signed by whoever handles the request (CRPA L111-2); the refusal, a decision, by an officier
  const signataire: Signataire =
    lettre === 'refus' ? officierFor(c, s, choix) : { nom: actorName(c), qualite: c.qualite };
  const kind: LettreKind = lettre === 'refus' ? 'refus' : 'complement';
  const pdf = await renderLettre(c, d, kind, signataire);
  const pieceId = c.db.transaction(() => {
    const now = getDemande(c, id);
    const statut = check(now, lettre); // a second window may have changed it meanwhile
    const pid = keep(c, now, lettre === 'refus' ? 'lettre_refus' : 'lettre_complement', pdf, signataire);
    c.db.prepare('UPDATE ec_demande SET statut = ?, updated_at = ? WHERE id = ?').run(statut, c.now.toISOString(), id);
    event(c, id, lettre === 'refus' ? 'lettre de refus' : 'lettre de demande de complément', statut, {
      signataire: signataire.nom,
    });
    c.audit({
      action: lettre === 'refus' ? 'etat-civil.demande.refusee' : 'etat-civil.demande.complement',
      summary: `${capital(demandeRef(d))} : ${lettre === 'refus' ? `lettre de refus signée par ${signataire.nom}, ${signataire.qualite}` : 'lettre de demande de complément'} (${objetRef(c, d)})`,
      objectType: 'ec_demande',
      objectId: id,
    });
    return pid;
  })();
  return {
    pdf,
    nom: `${lettre === 'refus' ? 'lettre-de-refus' : 'demande-de-complement'}-${d.annee}-${d.numero}.pdf`,
    pieceId,
  };
}

/** A receipt, only on request: the law requires none for these requests (CRPA L112-3, R112-4 2°). */
export async function recepisseDemande(
  c: EcCtx,
  id: number,
): Promise<{ pdf: Uint8Array; nom: string; pieceId: number }> {
  const d = getDemande(c, id);
  const signataire: Signataire = { nom: actorName(c), qualite: c.qualite };
  const pdf = await renderLettre(c, d, 'recepisse', signataire);
  const pieceId = c.db.transaction(() => {
    const pid = keep(c, d, 'recepisse', pdf, signataire);
    event(c, id, 'récépissé imprimé à la demande', d.statut);
    c.audit({
      action: 'etat-civil.demande.recepisse',
      summary: `${capital(demandeRef(d))} : récépissé imprimé à la demande du requérant`,
      objectType: 'ec_demande',
      objectId: id,
    });
    return pid;
  })();
  return { pdf, nom: `recepisse-demande-${d.annee}-${d.numero}.pdf`, pieceId };
}
