/**
 * Produce a copy or an extract of an act, in N copies in one A4 PDF, from validated data only (issue 12,
 * domain-rules §2.1, §2.7). It neither checks who may obtain it nor journals it: the counter does both.
 */
import { AppError } from '../../kernel';
import { acteRef, getActeRow, type ActeRow } from '../actes';
import type { EcCtx } from '../context';
import type { ActeData, Mention } from './data';
import { loadActe } from './data';
import { drawExtrait } from './extrait';
import { drawIntegrale } from './integrale';
import { drawPlurilingue } from './plurilingue';
import { embedLegend } from './plurilingue-legend';
import { ciecForm, nonLatin } from './plurilingue-model';
import { documentRefusedForKind, mentionsForDocument } from './rules';
import { drawScanCopy, embedScans, scanPagesOf, TIFF_REFUSE } from './scan';
import { Sheet } from './sheet';
import { DOCUMENT_LABELS, type DocumentKind, type ProduceInput, type ProducedDocument } from './types';

const scanMimes = (c: EcCtx, a: ActeRow): string[] =>
  a.registre_id && a.page
    ? (
        c.db
          .prepare('SELECT mime FROM ec_registre_page WHERE registre_id = ? AND page BETWEEN ? AND ? ORDER BY page')
          .all(a.registre_id, a.page, a.page + a.pages - 1) as { mime: string }[]
      ).map((r) => r.mime)
    : [];

/** 'saisie' or 'scan' for a copie intégrale, null for an extract; the problem when neither can be used. */
function sourceOf(
  c: EcCtx,
  a: ActeRow,
  document: DocumentKind,
  source: ProduceInput['source'] = 'auto',
): { source: 'saisie' | 'scan' | null } | { problem: string } {
  const refused = documentRefusedForKind(a.type, document);
  if (refused) return { problem: refused };
  const keyed = a.statut === 'saisi';
  if (document !== 'copie_integrale' || source === 'saisie' || (source === 'auto' && keyed)) {
    if (!keyed)
      return {
        problem: `L’${acteRef(a)} n’est qu’indexé : saisissez-le d’abord depuis sa page numérisée pour produire ${document === 'copie_integrale' ? 'sa copie intégrale saisie' : `un ${DOCUMENT_LABELS[document].toLowerCase()}`} (seules les données validées sont reproduites).`,
      };
    return { source: document === 'copie_integrale' ? 'saisie' : null };
  }
  const mimes = scanMimes(c, a);
  if (mimes.length < a.pages || !a.page)
    return {
      problem: `La page du registre de l’${acteRef(a)} n’est pas numérisée : ajoutez son scan au registre, ou saisissez l’acte pour produire sa copie intégrale.`,
    };
  if (mimes.includes('image/tiff')) return { problem: TIFF_REFUSE };
  return { source: 'scan' };
}

/**
 * Why this document cannot be produced from this act now (in French, saying what to do), or null. An extract
 * is built from the keyed data only: an act that is only indexed is keyed first; a copie intégrale may be the
 * certified reproduction of the register page's scan.
 */
export function documentProblem(
  c: EcCtx,
  acteId: number,
  document: DocumentKind,
  source: ProduceInput['source'] = 'auto',
): string | null {
  const r = sourceOf(c, getActeRow(c, acteId), document, source);
  return 'problem' in r ? r.problem : null;
}

function checkInput(c: EcCtx, input: ProduceInput): void {
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > 10)
    throw new AppError('INVALID', 'Nombre d’exemplaires : de 1 à 10.');
  if (!input.simpleRenseignement) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.delivreLe))
      throw new AppError('INVALID', 'Date de délivrance : au format AAAA-MM-JJ.');
    if (input.delivreLe > c.today)
      throw new AppError(
        'INVALID',
        'Date de délivrance : dans le futur. Un document est daté du jour où il est délivré (décret n° 2017-890 art. 27).',
      );
  }
  if (!input.simpleRenseignement && (!input.officier.nom.trim() || !input.officier.qualite.trim()))
    throw new AppError(
      'INVALID',
      'Indiquez le nom et la qualité de l’officier de l’état civil qui signe (décret n° 2017-890 art. 27).',
    );
  if (input.simpleRenseignement && input.document === 'extrait_plurilingue')
    throw new AppError(
      'RULE',
      'Un extrait plurilingue est toujours daté, signé et scellé (convention CIEC n° 16, art. 8) : il ne se délivre pas à titre de simple renseignement.',
    );
}

const fileName = (input: ProduceInput, a: ActeRow) =>
  `${input.document.replace(/_/g, '-')}${input.simpleRenseignement ? '-simple-renseignement' : ''}-${a.type.replace(/_/g, '-')}-${a.numero}-${a.annee}.pdf`;

export async function produceDocument(c: EcCtx, input: ProduceInput): Promise<ProducedDocument> {
  checkInput(c, input);
  const d: ActeData = loadActe(c, input.acteId);
  const src = sourceOf(c, d.acte, input.document, input.source);
  if ('problem' in src) throw new AppError('RULE', src.problem);
  const sel = mentionsForDocument<Mention>(d.acte.type, input.document, d.mentions, {
    toutesMentionsMariage: input.toutesMentionsMariage,
    nationalite: input.nationalite,
  });
  const titre = `${DOCUMENT_LABELS[input.document]} de l’${acteRef(d.acte)}${input.simpleRenseignement ? ' (simple renseignement)' : ''}`;
  const s = await Sheet.create({
    title: titre,
    commune: d.commune.nom,
    createdAt: c.now,
    header: `Commune de ${d.commune.nom} — État civil — ${DOCUMENT_LABELS[input.document]}`,
    copies: input.copies,
  });
  const scans = src.source === 'scan' ? await embedScans(s, scanPagesOf(c, d)) : [];
  const form =
    input.document === 'extrait_plurilingue'
      ? ciecForm(
          d,
          sel.kept,
          d.mentions.filter((m) => m.statut === 'validee'),
        )
      : null;
  const foreign = form && nonLatin(form);
  if (foreign)
    throw new AppError(
      'RULE',
      `L’extrait plurilingue s’écrit en caractères latins (convention CIEC n° 16, art. 4) : « ${foreign} » doit d’abord être saisi en caractères latins.`,
    );
  const legend = form ? await embedLegend(s, form) : null;
  for (let i = 1; i <= input.copies; i++) {
    s.startCopy(i);
    if (form) drawPlurilingue(s, d, input, form, legend!);
    else if (src.source === 'scan') drawScanCopy(s, d, input, sel.kept, scans);
    else if (src.source === 'saisie') drawIntegrale(s, d, input, sel.kept);
    else drawExtrait(s, d, input, sel.kept);
  }
  const pdf = await s.save();
  const pages = s.doc.getPageCount();
  return {
    pdf,
    pages,
    pagesParCopie: pages / input.copies,
    nom: fileName(input, d.acte),
    titre,
    source: src.source,
    mentions: {
      imprimees: sel.kept.map((m) => m.id),
      ecartees: sel.dropped.map((x) => ({ id: x.mention.id, raison: x.raison })),
    },
  };
}
