/**
 * Producing what a request asked (décret 2017-890 art. 27): only when the decision grants it or an override
 * with its written reason does, never by e-mail (IGREC n° 72-1), once. The PDF goes to the content-addressed
 * store, a piece row and the journal keep who issued which document when.
 */
import { AppError } from '../kernel';
import { readSetting, writeSetting } from '../commune';
import type { Db } from '../db';
import { insertDocument } from '../parapheur';
import type { Session } from '../context';
import type { EcCtx } from './context';
import { documentProblem, produceDocument } from './copies';
import {
  actorName,
  capital,
  demandeRef,
  event,
  getDemande,
  objetRef,
  STATUT_LABELS,
  type DemandeRow,
} from './demandes';
import { currentDecision, refusCourriel } from './demandes-decision';
import { officierFor } from './demandes-officier';
import type { OfficierChoisi } from './demandes-schemas';
import { dateCourte } from './rules/dates';

/** Why this request cannot be produced in its state, or nothing (state only: the decision is checked after). */
function checkProducible(d: DemandeRow): void {
  if (d.livraison === 'courriel') throw new AppError('RULE', refusCourriel());
  if (d.statut === 'produite' || d.statut === 'remise' || d.statut === 'envoyee')
    throw new AppError(
      'CONFLICT',
      `La ${demandeRef(d)} est déjà produite (le ${dateCourte(d.produite_le!)}) : un document délivré ne se produit pas deux fois. Enregistrez une nouvelle demande pour un autre exemplaire.`,
    );
  if (d.statut === 'refusee')
    throw new AppError('RULE', `La ${demandeRef(d)} a été refusée : rien n’est produit (décret 2017-890 art. 30).`);
  if (d.statut !== 'a_produire')
    throw new AppError(
      'RULE',
      `La ${demandeRef(d)} n’est pas accordée (${STATUT_LABELS[d.statut].toLowerCase()}) : complétez-la, ou dérogez par un motif écrit, avant de produire.`,
    );
  if (!d.acte_id)
    throw new AppError(
      'RULE',
      'Retrouvez d’abord l’acte dans les registres (recherche) : un document se produit depuis l’acte.',
    );
}

/** Produce the document in the number of copies asked, signed by the officier of the day (officierFor). */
export async function produceDemande(
  c: EcCtx,
  s: Session,
  id: number,
  choix: OfficierChoisi | null,
): Promise<{ pdf: Uint8Array; nom: string; pieceId: number }> {
  const d = getDemande(c, id);
  checkProducible(d);
  // the act may have changed since the decision (register closed, death keyed): decide again on today's facts
  const decision = currentDecision(c, d);
  if (decision.outcome !== 'granted' && !d.derogation_le)
    throw new AppError('RULE', `La décision a changé depuis son calcul : ${decision.motif} Calculez-la de nouveau.`);
  // granted to a requester not entitled on a communicable register: the rule gives a non-certified copy (§2.3)
  const granted = decision.outcome === 'granted' && !d.derogation_le ? decision : null;
  const document = granted?.document ?? d.document;
  const problem = documentProblem(c, d.acte_id!, document);
  // an act only indexed: keyed from its scan first (etatCivil.saisir), then produced (issue 12)
  if (problem) throw new AppError('RULE', problem);
  const officier = officierFor(c, s, choix);
  const opts = JSON.parse(d.options) as { tousMariages: boolean; nationalite: boolean };
  const doc = await produceDocument(c, {
    acteId: d.acte_id!,
    document,
    copies: d.exemplaires,
    delivreLe: c.today,
    officier: { nom: officier.nom, qualite: officier.qualite },
    toutesMentionsMariage: opts.tousMariages,
    nationalite: opts.nationalite,
    simpleRenseignement: granted?.simpleRenseignement === true,
  });
  const pieceId = c.db.transaction(() => {
    const now = getDemande(c, id);
    checkProducible(now); // a second window may have produced it meanwhile
    const { sha256 } = c.docs.put(doc.pdf);
    // the commune keeps a signed PDF: the officier signs it in the parapheur (PAdES), as the délibérations
    const parapheurId = readReglages(c.db).pdfSigne
      ? insertDocument(
          c.db,
          {
            kind: 'etat_civil',
            titre: `${doc.titre} (${demandeRef(d)})`,
            source_type: 'import',
            source_id: null,
            seance_id: null,
            mime: 'application/pdf',
            sha256,
          },
          [
            {
              type: 'signature',
              role: 'maire',
              elu_id: officier.choix.eluId ?? null,
              libelle: `Signature de ${officier.nom}, ${officier.qualite}`,
            },
          ],
          c.now,
        )
      : null;
    const pid = Number(
      c.db
        .prepare(
          "INSERT INTO ec_demande_piece (demande_id, nature, sha256, pages, officier, parapheur_document_id, created_at, created_by) VALUES (?, 'document', ?, ?, ?, ?, ?, ?)",
        )
        .run(
          id,
          sha256,
          doc.pages,
          `${officier.nom}, ${officier.qualite}`,
          parapheurId,
          c.now.toISOString(),
          actorName(c),
        ).lastInsertRowid,
    );
    c.db
      .prepare(
        "UPDATE ec_demande SET statut = 'produite', officier_nom = ?, officier_qualite = ?, produite_le = ?, updated_at = ? WHERE id = ?",
      )
      .run(officier.nom, officier.qualite, c.today, c.now.toISOString(), id);
    event(c, id, `produite (${d.exemplaires} exemplaire${d.exemplaires > 1 ? 's' : ''})`, 'produite', {
      officier: officier.nom,
      derogation: !!d.derogation_le,
    });
    c.audit({
      action: 'etat-civil.demande.produite',
      summary: `${capital(demandeRef(d))} : ${doc.titre} délivrée en ${d.exemplaires} exemplaire${d.exemplaires > 1 ? 's' : ''} par ${officier.nom}, ${officier.qualite}${d.derogation_le ? ' (sur dérogation écrite)' : ''}${parapheurId ? ' ; déposée au parapheur pour signature électronique' : ''}`,
      objectType: 'ec_demande',
      objectId: id,
    });
    return pid;
  })();
  return { pdf: doc.pdf, nom: doc.nom, pieceId };
}

/** Handed over at the counter or posted (art. 27: « remis ou envoyés » — never by e-mail). */
export function remiseDemande(c: EcCtx, id: number, mode: 'remise' | 'envoi', date: string): void {
  const d = getDemande(c, id);
  if (d.statut !== 'produite')
    throw new AppError(
      'RULE',
      d.statut === 'remise' || d.statut === 'envoyee'
        ? `La ${demandeRef(d)} est déjà ${STATUT_LABELS[d.statut].toLowerCase()} (le ${dateCourte(d.remise_le!)}).`
        : `La ${demandeRef(d)} n’est pas produite : rien à remettre ni à envoyer.`,
    );
  if (date < d.produite_le! || date > c.today)
    throw new AppError('INVALID', `Date : entre la production (${dateCourte(d.produite_le!)}) et aujourd’hui.`, {
      date: 'Hors de la période possible.',
    });
  if (mode === 'envoi' && !d.demandeur_adresse)
    throw new AppError('INVALID', 'Adresse du demandeur : indiquez-la avant d’envoyer par la poste.');
  const statut = mode === 'remise' ? 'remise' : 'envoyee';
  c.db
    .prepare('UPDATE ec_demande SET statut = ?, remise_le = ?, updated_at = ? WHERE id = ?')
    .run(statut, date, c.now.toISOString(), id);
  event(c, id, mode === 'remise' ? 'remise au guichet' : 'envoyée par la poste', statut);
  c.audit({
    action: `etat-civil.demande.${statut}`,
    summary: `${capital(demandeRef(d))} ${mode === 'remise' ? 'remise au guichet' : 'envoyée par la poste'} le ${dateCourte(date)} : ${objetRef(c, d)}`,
    objectType: 'ec_demande',
    objectId: id,
  });
}

/** A piece printed earlier, to print again (read only: the stored bytes, never regenerated). */
export function readPiece(c: EcCtx, demandeId: number, pieceId: number): { nom: string; bytes: Buffer } {
  const p = c.db
    .prepare('SELECT nature, sha256 FROM ec_demande_piece WHERE id = ? AND demande_id = ?')
    .get(pieceId, demandeId) as { nature: string; sha256: string } | undefined;
  if (!p) throw new AppError('NOT_FOUND', 'Pièce introuvable.');
  const d = getDemande(c, demandeId);
  // a printed piece names the requester: reading it again is a consultation, journaled without his name
  c.audit({
    action: 'etat-civil.demande.piece-consultee',
    summary: `Consultation d’une pièce imprimée (${p.nature.replace('_', ' ')}) de la ${demandeRef(d)}`,
    objectType: 'ec_demande',
    objectId: demandeId,
  });
  return { nom: `${p.nature.replace('_', '-')}-demande-${d.annee}-${d.numero}.pdf`, bytes: c.docs.read(p.sha256) };
}

const REGLAGES = 'etat_civil_reglages';
/** The commune's choice to keep a signed PDF of what it issues (signed in the parapheur, PAdES). Off by default. */
export const readReglages = (db: Db): { pdfSigne: boolean } =>
  readSetting<{ pdfSigne: boolean }>(db, REGLAGES) ?? { pdfSigne: false };

/** Only the secrétaire or the maire decide it for the commune. */
export function writeReglages(c: EcCtx, role: string | null, pdfSigne: boolean): { pdfSigne: boolean } {
  if (role !== 'secretaire' && role !== 'maire')
    throw new AppError(
      'FORBIDDEN',
      'Seuls la secrétaire de mairie et le maire choisissent de conserver un PDF signé des copies et extraits.',
    );
  writeSetting(c.db, REGLAGES, { pdfSigne });
  c.audit({
    action: 'etat-civil.reglages',
    summary: pdfSigne
      ? 'Copies et extraits : un PDF signé par l’officier (parapheur) est conservé'
      : 'Copies et extraits : plus de PDF signé conservé',
  });
  return { pdfSigne };
}
