/**
 * The letters the CRPA requires, as paragraphs rendered both to PDF (paper, printed) and to an e-mail body
 * (SVE). Each names the agent handling the matter (L111-2) and the service's address, e-mail and telephone.
 */
import { AppError, dateCourte } from '../kernel';
import { readIdentity } from '../commune';
import { PdfWriter } from '../documents';
import type { CourrierCtx } from './context';
import { crpaOf, type CourrierRow } from './courrier';
import { delaiLabel, silenceMention } from './rules/classification';

export const DOCUMENT_KINDS = ['ar', 'aee', 'are', 'pieces', 'transmission', 'attestation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const TITLES: Record<DocumentKind, string> = {
  ar: 'Accusé de réception',
  aee: 'Accusé d’enregistrement électronique',
  are: 'Accusé de réception électronique',
  pieces: 'Demande de pièces manquantes',
  transmission: 'Transmission de votre demande à l’administration compétente',
  attestation: 'Attestation de décision implicite d’acceptation',
};

export interface Letter {
  kind: DocumentKind;
  title: string;
  /** the article(s) the letter answers to, printed under the title */
  legal: string;
  paragraphs: string[];
}

/** Every date of these letters and e-mails is jj/mm/aaaa (the product's one form, kernel dateCourte). */
const fr = dateCourte;

function body(ctx: CourrierCtx, c: CourrierRow, kind: DocumentKind): { legal: string; paragraphs: string[] } {
  const { qualification: q, decision } = crpaOf(ctx.db, c);
  const recu = `Votre ${c.canal === 'courriel' || c.canal === 'sve' ? 'envoi électronique' : 'courrier'} « ${c.objet} » a été reçu le ${fr(c.date_enregistrement)} et enregistré sous le n° ${c.annee}-${c.numero}.`;
  const silence = q && decision.date ? silenceMention(q, decision.date) : null;
  const pieces =
    c.pieces_manquantes && !c.pieces_recues_le
      ? [
          `Votre dossier est incomplet. Merci de nous adresser avant le ${fr(c.pieces_delai!)} les pièces suivantes :`,
          ...c.pieces_manquantes
            .split('\n')
            .map((l) => `– ${l.trim()}`)
            .filter((l) => l.length > 2),
        ]
      : [];
  switch (kind) {
    case 'aee':
      return {
        legal: 'CRPA L112-11, R112-11-2',
        paragraphs: [
          recu,
          'Le présent accusé d’enregistrement ne préjuge pas de la recevabilité de votre envoi. Un accusé de réception électronique vous sera adressé dans un délai de dix jours ouvrés (CRPA R112-11-2).',
        ],
      };
    case 'ar':
    case 'are': {
      if (!q)
        throw new AppError(
          'RULE',
          'Classez d’abord ce courrier (demande, réclamation…) : l’accusé de réception doit dire si le silence vaudra acceptation ou rejet (CRPA R112-5).',
        );
      if (!q.arRequis) throw new AppError('RULE', q.arMotif);
      const cond =
        kind === 'are' ? ' Cette date vaut sous réserve que votre demande soit complète (CRPA R112-11-1).' : '';
      const legal = kind === 'ar' ? 'CRPA L112-3, R112-5' : 'CRPA L112-11, R112-11-1';
      const waiting =
        decision.state === 'attente_pieces'
          ? [
              'Le délai au terme duquel votre demande sera réputée acceptée ne courra qu’à compter de la réception des pièces manquantes (CRPA L114-5).',
            ]
          : [];
      return { legal, paragraphs: [recu, ...(silence ? [silence + cond] : []), ...waiting, ...pieces] };
    }
    case 'pieces': {
      if (!pieces.length) throw new AppError('RULE', 'Aucune pièce manquante n’est en attente pour ce courrier.');
      const effect =
        q?.regime === 'SVA'
          ? 'Le délai au terme duquel votre demande sera réputée acceptée ne court qu’à compter de la réception de ces pièces (CRPA L114-5).'
          : 'Le délai au terme duquel votre demande sera réputée rejetée est suspendu jusqu’à la réception de ces pièces, ou jusqu’à la date limite indiquée si elle est antérieure (CRPA L114-5).';
      return { legal: 'CRPA L114-5', paragraphs: [recu, ...pieces, effect] };
    }
    case 'transmission':
      if (!c.transmis_le) throw new AppError('RULE', 'Ce courrier n’a pas été transmis à une autre administration.');
      return {
        legal: 'CRPA L114-2',
        paragraphs: [
          recu,
          `Cette demande ne relève pas de la compétence de la commune. Nous l’avons transmise le ${fr(c.transmis_le)} à l’administration compétente : ${c.transmis_a}. C’est elle qui vous en accusera réception et instruira votre demande (CRPA L114-2).`,
        ],
      };
    case 'attestation':
      if (q?.regime !== 'SVA' || !decision.date || decision.date > ctx.today)
        throw new AppError(
          'RULE',
          'Aucune décision implicite d’acceptation n’est née pour ce courrier : l’attestation ne peut pas être délivrée (CRPA L232-3).',
        );
      return {
        legal: 'CRPA L232-3',
        paragraphs: [
          recu,
          `En l’absence de décision expresse dans le délai de ${delaiLabel(q)} (${q.article}), votre demande « ${c.objet} » a fait l’objet d’une décision implicite d’acceptation née le ${fr(decision.date)}.`,
          'La présente attestation est délivrée en application de l’article L232-3 du code des relations entre le public et l’administration.',
        ],
      };
  }
}

export function letter(ctx: CourrierCtx, c: CourrierRow, kind: DocumentKind): Letter {
  const { legal, paragraphs } = body(ctx, c, kind);
  return { kind, title: TITLES[kind], legal, paragraphs };
}

const phone = (t: string) => (/^0\d{9}$/.test(t) ? t.replace(/(\d{2})(?=\d)/g, '$1 ') : t);

/** The service and the agent (R112-5 2°, R112-11-1 2°, L111-2), printed on every letter. */
export function serviceLines(ctx: CourrierCtx): string[] {
  const m = readIdentity(ctx.db);
  return [
    `Service : secrétariat de la mairie de ${m.nom}, ${m.adresse}, ${m.code_postal} ${m.nom}`,
    `Téléphone : ${phone(m.telephone)}${m.email ? ` — Courriel : ${m.email}` : ''}`,
    `Agent chargé du dossier : ${ctx.agent.nom}, ${ctx.agent.qualite}, mairie de ${m.nom}, ${m.adresse}, ${m.code_postal} ${m.nom} (CRPA L111-2)`,
  ];
}

export async function letterPdf(ctx: CourrierCtx, c: CourrierRow, l: Letter): Promise<Uint8Array> {
  const m = readIdentity(ctx.db);
  const w = await PdfWriter.create({
    title: `${l.title} — courrier n° ${c.annee}-${c.numero}`,
    commune: `Commune de ${m.nom}`,
    createdAt: ctx.now,
    header: `Commune de ${m.nom} (${m.code_postal}) — ${l.title}`,
  });
  w.text('RÉPUBLIQUE FRANÇAISE', { align: 'center', bold: true, size: 10, after: 0 });
  w.text(`Département ${m.departement} — Commune de ${m.nom}`, { align: 'center', size: 10, after: 10 });
  w.text(`${m.nom}, le ${fr(ctx.today)}`, { align: 'right', after: 8 });
  w.text(c.correspondant, { bold: true, after: 8 });
  w.heading(l.title, 15);
  w.text(`(${l.legal})`, { size: 9, after: 8 });
  for (const p of l.paragraphs) w.text(p, { after: 6 });
  w.spacer(8);
  for (const s of serviceLines(ctx)) w.text(s, { size: 9, after: 2 });
  w.signatures([{ title: ctx.agent.qualite, name: ctx.agent.nom }]);
  return w.save();
}

export const letterText = (ctx: CourrierCtx, l: Letter): string =>
  [l.title, `(${l.legal})`, '', ...l.paragraphs, '', ...serviceLines(ctx)].join('\n');
