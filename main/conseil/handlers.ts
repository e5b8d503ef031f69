import { AppError } from '../kernel';
import type { Implementations } from '../context';
import type { conseilApi } from './schemas';
import { count, pdfValue } from '../documents';
import { ftsQuery } from '../db';
import { communeClassification, flattenMatieres } from './classification';
import { convocationFor, lateItemRefusal, recordAffichage, recordEnvoi, recordEnvois } from './convocation-service';
import {
  executoireOf,
  getDeliberation,
  modePublicite,
  publishDeliberation,
  setModePublicite,
  type DeliberationRow,
} from './deliberations';
import { seanceDetail, seancesList } from './detail';
import { arreterPv, listeDocument, publierPv, publishListe, savePvDebats, signerPv } from './apres-seance';
import { registrePdf } from './registre';
import { addMouvement, openSeance, setPresence } from './seance-day';
import { addPouvoir, removePouvoir } from './seance-pouvoirs';
import { closeSeance, reporterPoint, setInteresses, setSecretaires } from './seance-closing';
import { createSeance, getSeance, updateSeance } from './seances';
import { addAnnexe, movePoint, readAnnexe, removePoint, savePoint } from './ordre-du-jour';
import { recordNominationRound, recordVote } from './vote-service';
import { correctVote } from './vote-correction';

export const conseilHandlers = {
  'conseil.classification': (ctx) => {
    const { db, id } = ctx.commune();
    const c = communeClassification(db, ctx.core.communes.documentsOf(id));
    return {
      date: c.date,
      natures: c.natures.map(({ code, libelle, abrege }) => ({ code, libelle, abrege })),
      matieres: flattenMatieres(c),
      /** typologies of the pieces of a délibération (nature 1), for its annexes */
      typesPJ: c.natures.find((n) => n.code === '1')?.typesPJ ?? [],
    };
  },
  'conseil.seances': (ctx, { annee }) => seancesList(ctx.commune().db, annee ?? null),
  'conseil.seance': (ctx, { seanceId }) => seanceDetail(ctx.data(), seanceId),
  'conseil.createSeance': (ctx, { seance }) => ({ seanceId: ctx.write((c) => createSeance(c, seance)) }),
  'conseil.updateSeance': (ctx, { seanceId, seance }) => ctx.write((c) => updateSeance(c, seanceId, seance)),
  'conseil.savePoint': (ctx, { seanceId, pointId, point }) => ({
    pointId: ctx.write((c) => savePoint(c, seanceId, pointId, point, lateItemRefusal(c.db, c.today))),
  }),
  'conseil.removePoint': (ctx, { pointId }) => ctx.write((c) => removePoint(c, pointId)),
  'conseil.movePoint': (ctx, { pointId, direction }) => ctx.write((c) => movePoint(c, pointId, direction)),
  'conseil.addAnnexe': async (ctx, { pointId, uploadId, typePj }) => {
    const { nom, bytes } = ctx.core.uploads.take(ctx.conn.id, uploadId);
    const { pages } = await readAnnexe(bytes, nom);
    return { annexeId: ctx.write((c) => addAnnexe(c, pointId, nom, bytes, pages, typePj ?? null)) };
  },
  'conseil.convocationPdf': async (ctx, { seanceId, eluId }) => {
    const c = ctx.data();
    const s = getSeance(c.db, seanceId);
    const sent = c.db
      .prepare('SELECT sha256 FROM convocation_envoi WHERE seance_id = ? AND elu_id = ?')
      .get(seanceId, eluId) as { sha256: string | null } | undefined;
    const bytes = sent?.sha256 ? c.docs.read(sent.sha256) : await convocationFor(c.db, seanceId, eluId, c.today);
    return pdfValue(`convocation-${s.date}-${eluId}.pdf`, bytes);
  },
  'conseil.recordEnvoi': (ctx, { seanceId, envoi }) => ctx.writeAsync((c) => recordEnvoi(c, seanceId, envoi)),
  'conseil.recordEnvois': (ctx, { seanceId, envois }) => ctx.writeAsync((c) => recordEnvois(c, seanceId, envois)),
  'conseil.listePdf': async (ctx, { seanceId }) =>
    pdfValue(
      `liste-deliberations-${getSeance(ctx.commune().db, seanceId).date}.pdf`,
      await listeDocument(ctx.commune().db, seanceId),
    ),
  'conseil.recordAffichage': (ctx, { seanceId, date }) => ctx.write((c) => recordAffichage(c, seanceId, date)),
  'conseil.openSeance': (ctx, { seanceId, confirm }) => ctx.write((c) => openSeance(c, seanceId, confirm === true)),
  'conseil.setPresence': (ctx, { seanceId, presence }) => ctx.write((c) => setPresence(c, seanceId, presence)),
  'conseil.addMouvement': (ctx, { seanceId, mouvement }) => ctx.write((c) => addMouvement(c, seanceId, mouvement)),
  'conseil.addPouvoir': async (ctx, { seanceId, pouvoir, uploadId }) => {
    let scan: string | null = null;
    if (uploadId) {
      const { nom, bytes } = ctx.core.uploads.take(ctx.conn.id, uploadId);
      await readAnnexe(bytes, nom);
      scan = ctx.core.communes.documentsOf(ctx.commune().id).put(bytes).sha256;
    }
    return { pouvoirId: ctx.write((c) => addPouvoir(c, seanceId, pouvoir, scan)) };
  },
  'conseil.removePouvoir': (ctx, { seanceId, pouvoirId }) => ctx.write((c) => removePouvoir(c, seanceId, pouvoirId)),
  'conseil.setSecretaires': (ctx, { seanceId, eluIds }) => ctx.write((c) => setSecretaires(c, seanceId, eluIds)),
  'conseil.setInteresses': (ctx, { pointId, eluIds }) => ctx.write((c) => setInteresses(c, pointId, eluIds)),
  'conseil.vote': (ctx, { pointId, vote }) => ctx.writeAsync((c) => recordVote(c, pointId, vote)),
  'conseil.correctVote': (ctx, { pointId, vote }) => ctx.writeAsync((c) => correctVote(c, pointId, vote)),
  'conseil.nominationRound': (ctx, { pointId, round }) =>
    ctx.writeAsync((c) => recordNominationRound(c, pointId, round)),
  'conseil.reporterPoint': (ctx, { pointId, motif }) => ctx.write((c) => reporterPoint(c, pointId, motif)),
  'conseil.closeSeance': (ctx, { seanceId }) => ctx.write((c) => closeSeance(c, seanceId)),
  'conseil.publishListe': async (ctx, { seanceId, date }) => {
    const r = await ctx.writeAsync((c) => publishListe(c, seanceId, date));
    return {
      ...r,
      ...pdfValue(
        `liste-deliberations-${getSeance(ctx.commune().db, seanceId).date}.pdf`,
        await listeDocument(ctx.commune().db, seanceId),
      ),
    };
  },
  'conseil.pvSave': (ctx, { seanceId, debats }) => ctx.write((c) => savePvDebats(c, seanceId, debats)),
  'conseil.pvArreter': (ctx, { seanceId, parSeanceId, vote }) =>
    ctx.writeAsync((c) => arreterPv(c, seanceId, parSeanceId, vote)),
  'conseil.pvSigner': (ctx, { seanceId }) => ctx.write((c) => signerPv(c, seanceId, null)),
  'conseil.pvPublier': (ctx, { seanceId, date }) => ctx.write((c) => publierPv(c, seanceId, date)),
  'conseil.deliberations': (ctx, { annee, texte, limit, offset }) => {
    const db = ctx.commune().db;
    const where: string[] = [];
    const params: unknown[] = [];
    if (annee) {
      where.push('s.date LIKE ?');
      params.push(`${annee}-%`);
    }
    const fts = texte ? ftsQuery(texte) : null;
    if (texte) {
      // accents and case ignored (main/db/search.ts); the numéro also matches as typed
      where.push(
        `(${fts ? 'd.id IN (SELECT rowid FROM deliberation_recherche WHERE deliberation_recherche MATCH ?) OR ' : ''}d.numero LIKE ? ESCAPE '\\')`,
      );
      if (fts) params.push(fts);
      params.push(`%${texte.replace(/[\\%_]/g, (x) => `\\${x}`)}%`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      db
        .prepare(`SELECT count(*) AS n FROM deliberation d JOIN seance s ON s.id = d.seance_id ${clause}`)
        .get(...params) as { n: number }
    ).n;
    const rows = db
      .prepare(
        `SELECT d.*, s.date AS seance_date FROM deliberation d JOIN seance s ON s.id = d.seance_id ${clause} ORDER BY s.date DESC, d.numero DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as (DeliberationRow & { seance_date: string })[];
    return { total, rows: rows.map((d) => ({ ...d, executoire: executoireOf(d) })), modePublicite: modePublicite(db) };
  },
  'conseil.publishDeliberation': (ctx, { deliberationId, debut, confirm, confirmNonSignee }) => {
    ctx.write((c) => publishDeliberation(c, deliberationId, { debut, confirm, confirmNonSignee }));
    const d = getDeliberation(ctx.commune().db, deliberationId);
    return { ...d, executoire: executoireOf(d) };
  },
  'conseil.setModePublicite': (ctx, { mode, deliberationNumero }) =>
    ctx.write((c) => setModePublicite(c, mode, deliberationNumero)),
  'conseil.registre': async (ctx, { annee }) => {
    const c = ctx.data();
    const r = await registrePdf(c.db, annee, c.today);
    if (r.deliberations === 0) throw new AppError('NOT_FOUND', `Aucune délibération enregistrée pour ${annee}.`);
    c.db.transaction(() =>
      c.audit({
        action: 'conseil.registre',
        summary: `Registre des délibérations ${annee} imprimé (${count(r.seances, 'séance')}, ${count(r.deliberations, 'délibération')})`,
      }),
    )();
    return {
      ...pdfValue(`registre-deliberations-${annee}.pdf`, r.pdf),
      deliberations: r.deliberations,
      seances: r.seances,
    };
  },
} satisfies Implementations<
  typeof conseilApi,
  | 'conseil.classification'
  | 'conseil.seances'
  | 'conseil.seance'
  | 'conseil.createSeance'
  | 'conseil.updateSeance'
  | 'conseil.savePoint'
  | 'conseil.removePoint'
  | 'conseil.movePoint'
  | 'conseil.addAnnexe'
  | 'conseil.convocationPdf'
  | 'conseil.recordEnvoi'
  | 'conseil.recordAffichage'
  | 'conseil.recordEnvois'
  | 'conseil.listePdf'
  | 'conseil.openSeance'
  | 'conseil.setPresence'
  | 'conseil.addMouvement'
  | 'conseil.addPouvoir'
  | 'conseil.removePouvoir'
  | 'conseil.setSecretaires'
  | 'conseil.setInteresses'
  | 'conseil.vote'
  | 'conseil.correctVote'
  | 'conseil.nominationRound'
  | 'conseil.reporterPoint'
  | 'conseil.closeSeance'
  | 'conseil.publishListe'
  | 'conseil.pvSave'
  | 'conseil.pvArreter'
  | 'conseil.pvSigner'
  | 'conseil.pvPublier'
  | 'conseil.deliberations'
  | 'conseil.publishDeliberation'
  | 'conseil.setModePublicite'
  | 'conseil.registre'
>;
