/**
 * The legend page of the extrait plurilingue (convention CIEC n° 16, art. 6): every numbered label and every
 * symbol in French, English, German, Spanish, Italian, Portuguese and Dutch. About 260 strings laid out by
 * fontkit took most of the document's time, so each form's legend is drawn once per process and every PDF
 * embeds that page (a few milliseconds).
 */
import type { PDFEmbeddedPage } from '@cantoo/pdf-lib';
import { LABELS, LANGUES, SYMBOLES } from './ciec-labels';
import type { CiecForm } from './plurilingue-model';
import { MARGIN, Sheet } from './sheet';

function drawLegend(s: Sheet, f: CiecForm): void {
  s.text('Légende — Legend — Legende — Leyenda — Legenda — Legenda — Legenda', { size: 11, bold: true, after: 6 });
  const colW = (s.width - 22) / LANGUES.length;
  const row = (first: string, cells: readonly string[], bold = false) => {
    const wrapped = cells.map((c) => s.wrap(c, 7, bold ? s.bold : s.regular, colW - 4));
    const h = Math.max(...wrapped.map((w) => w.length)) * 8.5 + 5;
    s.ensure(h);
    s.at(first, MARGIN, s.y - 9, 7, true);
    wrapped.forEach((lines, i) => lines.forEach((l, j) => s.at(l, MARGIN + 22 + i * colW, s.y - 9 - j * 8.5, 7, bold)));
    s.y -= h;
    s.page.drawLine({ start: { x: MARGIN, y: s.y + 2 }, end: { x: MARGIN + s.width, y: s.y + 2 }, thickness: 0.3 });
  };
  row('', LANGUES, true);
  for (const r of f.rows) row(String(r.n), LABELS[r.key]);
  if (f.colonnes) for (const k of new Set(f.colonnes)) row('', LABELS[k]);
  row(String(f.rows.length + 1), LABELS.mentions);
  row(String(f.rows.length + 2), LABELS.delivrance);
  s.spacer(8);
  for (const [code, meaning] of SYMBOLES) row(code, meaning);
}

const drawn = new Map<string, Promise<Uint8Array>>();

async function render(f: CiecForm): Promise<Uint8Array> {
  const l = await Sheet.create({ title: 'Légende', commune: '', createdAt: new Date(0), header: '', copies: 1 });
  l.startCopy(1);
  drawLegend(l, f);
  return l.doc.save({ useObjectStreams: false });
}

/** The legend of this form (formule, its rows, its columns), embedded in the document being written. */
export async function embedLegend(s: Sheet, f: CiecForm): Promise<PDFEmbeddedPage> {
  const key = `${f.formule}|${f.rows.map((r) => r.key).join(',')}|${f.colonnes?.join(',') ?? ''}`;
  let bytes = drawn.get(key);
  if (!bytes) {
    bytes = render(f);
    drawn.set(key, bytes);
    bytes.catch(() => drawn.delete(key));
  }
  const [page] = await s.doc.embedPdf(await bytes, [0]);
  return page!;
}
