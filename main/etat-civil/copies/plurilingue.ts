/**
 * Drawing the extrait plurilingue (convention CIEC n° 16): the form in French with numbered boxes, dates in
 * Jo / Mo / An boxes, every empty box struck through (art. 7), dated, signed and sealed (art. 8); then, on the
 * page after, the legend: each numbered label and each symbol in the seven languages (art. 6).
 */
import type { PDFEmbeddedPage } from '@cantoo/pdf-lib';
import { LABELS } from './ciec-labels';
import type { ActeData } from './data';
import { struck, type Cell, type CiecForm } from './plurilingue-model';
import { jjmmaaaa } from './rules';
import { MARGIN, type Sheet } from './sheet';
import type { ProduceInput } from './types';

const LABEL_W = 170;
const ROW_H = 24;

function cell(s: Sheet, c: Cell, x: number, y: number, w: number): void {
  if ('date' in c) {
    const part = w / 3;
    const vals = c.date
      ? [
          ['Jo', c.date.jo],
          ['Mo', c.date.mo],
          ['An', c.date.an],
        ]
      : [
          ['Jo', ''],
          ['Mo', ''],
          ['An', ''],
        ];
    vals.forEach(([k, v], i) => {
      s.box(x + i * part, y, part, ROW_H, !c.date);
      s.at(k!, x + i * part + 3, y + ROW_H - 8, 6.5);
      if (v) s.at(v, x + i * part + 22, y + 7, 10.5, true);
    });
    return;
  }
  s.box(x, y, w, ROW_H, struck(c));
  if (c.text) {
    let text = c.text;
    while (text.length > 4 && s.bold.widthOfTextAtSize(text, 10) > w - 8) text = `${text.slice(0, -2)}…`;
    s.at(text, x + 4, y + 7, 10, true);
  }
}

function form(s: Sheet, f: CiecForm): void {
  const valueW = s.width - LABEL_W;
  if (f.colonnes) {
    const w = valueW / 2;
    f.colonnes.forEach((k, i) =>
      s.at(
        `${LABELS[k][0]}${f.colonnes![0] === f.colonnes![1] ? ` ${i + 1}` : ''}`,
        MARGIN + LABEL_W + i * w + 4,
        s.y - 12,
        9,
        true,
      ),
    );
    s.y -= 16;
  }
  for (const r of f.rows) {
    s.ensure(ROW_H + 2);
    const y = s.y - ROW_H;
    s.box(MARGIN, y, LABEL_W, ROW_H);
    s.at(`${r.n}`, MARGIN + 3, y + ROW_H - 9, 7, true);
    s.at(LABELS[r.key][0], MARGIN + 16, y + 8, 9);
    const w = valueW / r.cells.length;
    r.cells.forEach((c, i) => cell(s, c, MARGIN + LABEL_W + i * w, y, w));
    s.y = y;
  }
}

function mentions(s: Sheet, f: CiecForm): void {
  const n = f.rows.length + 1;
  const lines = f.mentions.flatMap((m) => s.wrap(m, 9.5, s.regular, s.width - LABEL_W - 8));
  const h = Math.max(ROW_H * 1.5, lines.length * 13 + 10);
  s.ensure(h + 2);
  const y = s.y - h;
  s.box(MARGIN, y, LABEL_W, h);
  s.at(`${n}`, MARGIN + 3, y + h - 9, 7, true);
  s.at(LABELS.mentions[0], MARGIN + 16, y + h - 16, 9);
  s.box(MARGIN + LABEL_W, y, s.width - LABEL_W, h, lines.length === 0);
  lines.forEach((l, i) => s.at(l, MARGIN + LABEL_W + 4, y + h - 14 - i * 13, 9.5));
  s.y = y;
}

function delivrance(s: Sheet, f: CiecForm, d: ActeData, input: ProduceInput): void {
  const n = f.rows.length + 2;
  const h = 110;
  s.ensure(h + 2);
  const y = s.y - h;
  s.box(MARGIN, y, LABEL_W, h);
  s.at(`${n}`, MARGIN + 3, y + h - 9, 7, true);
  s.at('Date de délivrance,', MARGIN + 16, y + h - 16, 9);
  s.at('signature, sceau', MARGIN + 16, y + h - 28, 9);
  const x = MARGIN + LABEL_W;
  s.box(x, y, s.width - LABEL_W, h);
  s.at(`Délivré le ${jjmmaaaa(input.delivreLe)}, à ${d.commune.nom}`, x + 4, y + h - 16, 10, true);
  s.at(`${input.officier.nom}, ${input.officier.qualite}`, x + 4, y + h - 30, 9);
  const bw = (s.width - LABEL_W - 20) / 2;
  s.box(x + 6, y + 6, bw, 62);
  s.box(x + 14 + bw, y + 6, bw, 62);
  s.at('Sceau', x + 10, y + 58, 7.5);
  s.at('Signature', x + 18 + bw, y + 58, 7.5);
  s.y = y;
}

const FORMULES = { A: 'naissance', B: 'mariage', C: 'décès' } as const;

/** The form, then the legend on the next page (plurilingue-legend.ts: drawn once per process, embedded here). */
export function drawPlurilingue(
  s: Sheet,
  d: ActeData,
  input: ProduceInput,
  f: CiecForm,
  legend: PDFEmbeddedPage,
): void {
  s.text('RÉPUBLIQUE FRANÇAISE', { size: 9, bold: true, after: 0 });
  s.text(`Extrait plurilingue d’acte de ${FORMULES[f.formule]} — formule ${f.formule}`, {
    size: 13,
    bold: true,
    align: 'center',
    after: 1,
  });
  s.text(
    'Convention de la Commission internationale de l’état civil n° 16 du 8 septembre 1976 — délivré sans légalisation (art. 8)',
    { size: 8, align: 'center', after: 10 },
  );
  form(s, f);
  mentions(s, f);
  delivrance(s, f, d, input);
  s.newPage();
  s.page.drawPage(legend, { x: 0, y: 0 });
}
