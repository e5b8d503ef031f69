/** Thin: who may (access.ts), which state (the services), one transaction per write, then the « À faire ». */
import type { Ctx, Implementations } from '../context';
import type { etatCivilApi } from './schemas';
import { etatCivilQualite } from './access';
import { createActe, openActe, saisirActe } from './actes';
import {
  avisAppliquer,
  avisEntrant,
  avisEnvoye,
  avisPdf,
  avisRecepisse,
  avisRelance,
  listAvis,
  recepissePdf,
} from './avis';
import { parisDay, type EcCtx } from './context';
import { importCsv, previewCsv } from './import';
import { prevoirMention, saveMention, validateMention } from './mention-service';
import { addPages, listRegistres, readPage, saveRegistre, scanPages } from './registres';
import { searchActes } from './search';
import { tablePdf } from './tables';
import { createDemande, readDemande, updateDemande } from './demandes';
import { consultDemande, consultListe } from './demandes-consultation';
import { decideDemande, overrideDemande } from './demandes-decision';
import { officiersDuJour, statsAccess } from './demandes-officier';
import { produceDemande, readPiece, readReglages, remiseDemande, writeReglages } from './demandes-production';
import { lettreDemande, recepisseDemande } from './demandes-lettres';
import { demandeStats } from './demandes-stats';
import { refreshEtatCivilTodos } from './todos';

/** Every call first checks that this person is an officier de l'état civil or the secrétaire (access.ts). */
function ec(ctx: Ctx): EcCtx {
  const { db, id } = ctx.commune();
  const today = parisDay(ctx.now);
  const qualite = etatCivilQualite(db, ctx.session(), today);
  return {
    db,
    docs: ctx.core.communes.documentsOf(id),
    now: ctx.now,
    today,
    actor: ctx.actor(),
    qualite,
    audit: (e) => ctx.audit(e),
  };
}

function write<T>(ctx: Ctx, fn: (c: EcCtx) => T): T {
  const c = ec(ctx);
  const out = c.db.transaction(() => fn(c))();
  refreshEtatCivilTodos(c.db, c.today, c.now);
  return out;
}

const SCANS = ['commune', 'etat-civil'] as const;
const file = (nom: string, mime: string, bytes: Uint8Array) => ({
  nom,
  mime,
  base64: Buffer.from(bytes).toString('base64'),
});

export const etatCivilHandlers = {
  'etatCivil.registres': (ctx) => listRegistres(ec(ctx)),
  'etatCivil.saveRegistre': (ctx, { registreId, registre, confirm }) => ({
    registreId: write(ctx, (c) => saveRegistre(c, registreId, registre, confirm)),
  }),
  // scans from an officier de l'état civil: their own upload scope, taken only here (documents/uploads.ts)
  'etatCivil.uploadStart': (ctx, { nom, size }) => (
    ec(ctx),
    ctx.core.uploads.start(ctx.conn.id, nom, size, 'etat-civil')
  ),
  'etatCivil.uploadChunk': (ctx, { uploadId, offset, data }) => (
    ec(ctx),
    ctx.core.uploads.chunk(ctx.conn.id, uploadId, offset, data)
  ),
  'etatCivil.addPages': async (ctx, { registreId, uploadId }) => {
    ec(ctx); // refuse before reading the file
    const { nom, bytes } = ctx.core.uploads.take(ctx.conn.id, uploadId, SCANS);
    const pages = await scanPages(bytes, nom);
    return write(ctx, (c) => addPages(c, registreId, nom, pages));
  },
  'etatCivil.page': (ctx, { registreId, page }) =>
    write(ctx, (c) => {
      const p = readPage(c, registreId, page);
      c.audit({
        action: 'etat-civil.registre.page-consultee',
        summary: `Consultation de la page ${page} d’un registre`,
        objectType: 'ec_registre',
        objectId: registreId,
      });
      return file(`registre-${registreId}-page-${page}`, p.mime, p.bytes);
    }),
  'etatCivil.search': (ctx, { q, limit }) => searchActes(ec(ctx).db, q, limit),
  'etatCivil.acte': (ctx, { acteId }) => write(ctx, (c) => openActe(c, acteId)),
  'etatCivil.createActe': (ctx, { acte }) => ({ acteId: write(ctx, (c) => createActe(c, acte)) }),
  'etatCivil.saisir': (ctx, { acteId, acte, personnes, terminer }) =>
    write(ctx, (c) => saisirActe(c, acteId, acte, personnes, terminer)),
  'etatCivil.saveMention': (ctx, { acteId, mentionId, mention }) => ({
    mentionId: write(ctx, (c) => saveMention(c, acteId, mentionId, mention)),
  }),
  'etatCivil.validateMention': (ctx, { mentionId }) => write(ctx, (c) => validateMention(c, mentionId)),
  'etatCivil.prevoirMention': (ctx, { acteId, cible }) => write(ctx, (c) => prevoirMention(c, acteId, cible)),
  'etatCivil.avis': (ctx) => listAvis(ec(ctx)),
  'etatCivil.avisPdf': async (ctx, { avisId }) => {
    const c = ec(ctx);
    const pdf = await avisPdf(c, avisId);
    return file(`avis-de-mention-${avisId}.pdf`, 'application/pdf', pdf);
  },
  'etatCivil.avisEnvoye': (ctx, { avisId, date }) => write(ctx, (c) => avisEnvoye(c, avisId, date)),
  'etatCivil.avisRelance': (ctx, { avisId, date }) => write(ctx, (c) => avisRelance(c, avisId, date)),
  'etatCivil.avisRecepisse': (ctx, { avisId, date, uploadId }) => {
    ec(ctx);
    const scan = uploadId ? ctx.core.uploads.take(ctx.conn.id, uploadId, SCANS).bytes : null;
    return write(ctx, (c) => avisRecepisse(c, avisId, date, scan));
  },
  'etatCivil.avisEntrant': (ctx, { commune, acteVise, recu_le, acteId, mention }) => ({
    avisId: write(ctx, (c) => avisEntrant(c, { commune, acteVise, recu_le, acteId, mention })),
  }),
  'etatCivil.avisAppliquer': (ctx, { avisId, acteId }) => ({
    mentionId: write(ctx, (c) => avisAppliquer(c, avisId, acteId)),
  }),
  'etatCivil.recepissePdf': async (ctx, { avisId }) => {
    const c = ec(ctx);
    const pdf = await recepissePdf(c, avisId);
    refreshEtatCivilTodos(c.db, c.today, c.now);
    return file(`recepisse-avis-${avisId}.pdf`, 'application/pdf', pdf);
  },
  'etatCivil.importPreview': (ctx, { csv, mapping, defaultType }) =>
    previewCsv(ec(ctx).db, csv, mapping ?? null, defaultType ?? null),
  'etatCivil.importCsv': (ctx, { csv, mapping, defaultType, nom }) => {
    const c = ec(ctx);
    return importCsv(c, csv, mapping, defaultType ?? null, nom, (done, total) =>
      ctx.conn.emit('etatCivil.progress', { done, total }),
    );
  },
  'etatCivil.tablePdf': async (ctx, { table, annee, type }) => {
    const c = ec(ctx);
    const t = await tablePdf(c, table, annee, type);
    c.db.transaction(() =>
      c.audit({ action: 'etat-civil.table', summary: `${t.nom} produite (${t.actes} acte(s))` }),
    )();
    return file(t.nom, 'application/pdf', t.pdf);
  },
  // the counter (issue 12): every call checks the officier or the secrétaire (ec), the services the request's state
  'etatCivil.demande.list': (ctx, { statut, annee }) => write(ctx, (c) => consultListe(c, statut, annee)),
  'etatCivil.demande.get': (ctx, { demandeId }) => write(ctx, (c) => consultDemande(c, demandeId)),
  'etatCivil.demande.create': (ctx, { demande }) => write(ctx, (c) => readDemande(c, createDemande(c, demande))),
  'etatCivil.demande.update': (ctx, { demandeId, demande, complementRecuLe }) =>
    write(ctx, (c) => (updateDemande(c, demandeId, demande, complementRecuLe), readDemande(c, demandeId))),
  'etatCivil.demande.decide': (ctx, { demandeId }) =>
    write(ctx, (c) => (decideDemande(c, demandeId), readDemande(c, demandeId))),
  'etatCivil.demande.override': (ctx, { demandeId, motif }) =>
    write(ctx, (c) => (overrideDemande(c, demandeId, motif), readDemande(c, demandeId))),
  'etatCivil.demande.officiers': (ctx) => {
    const c = ec(ctx);
    return officiersDuJour(c.db, c.today).map((o) => ({ ...o.choix, nom: o.nom, qualite: o.qualite }));
  },
  'etatCivil.demande.produce': async (ctx, { demandeId, officier }) => {
    const c = ec(ctx);
    const out = await produceDemande(c, ctx.session(), demandeId, officier);
    refreshEtatCivilTodos(c.db, c.today, c.now);
    return { ...file(out.nom, 'application/pdf', out.pdf), pieceId: out.pieceId, demande: readDemande(c, demandeId) };
  },
  'etatCivil.demande.lettre': async (ctx, { demandeId, lettre, officier }) => {
    const c = ec(ctx);
    const out = await lettreDemande(c, ctx.session(), demandeId, lettre, officier);
    refreshEtatCivilTodos(c.db, c.today, c.now);
    return { ...file(out.nom, 'application/pdf', out.pdf), pieceId: out.pieceId, demande: readDemande(c, demandeId) };
  },
  'etatCivil.demande.recepisse': async (ctx, { demandeId }) => {
    const out = await recepisseDemande(ec(ctx), demandeId);
    return { ...file(out.nom, 'application/pdf', out.pdf), pieceId: out.pieceId };
  },
  'etatCivil.demande.piece': (ctx, { demandeId, pieceId }) => {
    const c = ec(ctx);
    const p = c.db.transaction(() => readPiece(c, demandeId, pieceId))();
    return file(p.nom, 'application/pdf', p.bytes);
  },
  'etatCivil.demande.remise': (ctx, { demandeId, mode, date }) =>
    write(ctx, (c) => (remiseDemande(c, demandeId, mode, date), readDemande(c, demandeId))),
  'etatCivil.demande.reglages': (ctx, { pdfSigne }) =>
    pdfSigne === undefined
      ? readReglages(ec(ctx).db)
      : write(ctx, (c) => writeReglages(c, ctx.session().role, pdfSigne)),
  'etatCivil.demande.stats': (ctx, { annee }) => {
    const { db } = ctx.commune();
    statsAccess(db, ctx.session(), parisDay(ctx.now));
    return demandeStats(db, annee);
  },
} satisfies Implementations<
  typeof etatCivilApi,
  | 'etatCivil.registres'
  | 'etatCivil.saveRegistre'
  | 'etatCivil.uploadStart'
  | 'etatCivil.uploadChunk'
  | 'etatCivil.addPages'
  | 'etatCivil.page'
  | 'etatCivil.search'
  | 'etatCivil.acte'
  | 'etatCivil.createActe'
  | 'etatCivil.saisir'
  | 'etatCivil.saveMention'
  | 'etatCivil.validateMention'
  | 'etatCivil.prevoirMention'
  | 'etatCivil.avis'
  | 'etatCivil.avisPdf'
  | 'etatCivil.avisEnvoye'
  | 'etatCivil.avisRelance'
  | 'etatCivil.avisRecepisse'
  | 'etatCivil.avisEntrant'
  | 'etatCivil.avisAppliquer'
  | 'etatCivil.recepissePdf'
  | 'etatCivil.importPreview'
  | 'etatCivil.importCsv'
  | 'etatCivil.tablePdf'
  | 'etatCivil.demande.list'
  | 'etatCivil.demande.get'
  | 'etatCivil.demande.create'
  | 'etatCivil.demande.update'
  | 'etatCivil.demande.decide'
  | 'etatCivil.demande.override'
  | 'etatCivil.demande.officiers'
  | 'etatCivil.demande.produce'
  | 'etatCivil.demande.lettre'
  | 'etatCivil.demande.recepisse'
  | 'etatCivil.demande.piece'
  | 'etatCivil.demande.remise'
  | 'etatCivil.demande.stats'
  | 'etatCivil.demande.reglages'
>;
