import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFInvalidObject,
  PDFName,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
} from '@cantoo/pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfWriter } from '../documents/pdf';
import { stampAppearance } from './stamp';
import { hasTool } from '../../test-support/signing/pdf-tools';

/** One act as in a séance de signature: written by the house writer, then stamped (the stamp drawn on page 1). */
async function stampedAct(n: number, nom = `Mme Hélène Lefèvre ${n}`): Promise<Uint8Array> {
  const w = await PdfWriter.create({
    title: `Délibération ${n}`,
    commune: 'Commune de Test',
    createdAt: new Date('2026-11-23T12:00:00Z'),
    header: 'Commune de Test',
  });
  w.text(`Délibération n° 2026_00${n} : budget primitif.`);
  const doc = await PDFDocument.load(await w.save());
  const ref = await stampAppearance(doc, { nom, qualite: 'Maire' }, new Date('2026-11-23T10:58:00Z'));
  const page = doc.getPage(0);
  const name = page.node.newXObject('Tampon', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(1, 0, 0, 1, 300, 100),
    drawObject(name),
    popGraphicsState(),
  );
  return doc.save();
}

const noPdftotext = hasTool('pdftotext') ? null : 'pdftotext (poppler-utils) absent : lecture du texte des PDF ignorée';
if (noPdftotext) console.warn(`[signing] ${noPdftotext}`);

afterEach(() => vi.restoreAllMocks());

describe('the stamp and document fonts are parsed once per process (issue 10, séance de signature)', () => {
  it('a second and third act parse no font again', async () => {
    const create = vi.spyOn(fontkit, 'create');
    await stampedAct(1);
    const afterFirst = create.mock.calls.length;
    await stampedAct(2);
    await stampedAct(3);
    expect(create.mock.calls.length).toBe(afterFirst);
  });

  it('the same signatory’s stamp in the same minute is laid out and embedded once, each act keeping its own font objects', async () => {
    const stampOnly = async () => {
      const doc = await PDFDocument.create();
      doc.addPage([595, 842]);
      const flate = vi.spyOn(PDFContext.prototype, 'flateStream');
      const ref = await stampAppearance(
        doc,
        { nom: 'Mme Hélène Lefèvre', qualite: 'Maire' },
        new Date('2026-11-23T10:58:00Z'),
      );
      expect(doc.context.lookup(ref)).toBeInstanceOf(PDFInvalidObject); // written from the serialized template (stamp-template.ts), not copied object by object
      const saved = await PDFDocument.load(await doc.save({ useObjectStreams: false }));
      const n = flate.mock.calls.length;
      flate.mockRestore();
      // the act's own font program, read back from the saved file: /AP → /Resources /Font /F1 → DescendantFonts → FontDescriptor → FontFile2
      const ap = saved.context.lookup(ref) as PDFRawStream;
      const f1 = ap.dict
        .lookup(PDFName.of('Resources'), PDFDict)
        .lookup(PDFName.of('Font'), PDFDict)
        .lookup(PDFName.of('F1'), PDFDict);
      const cid = f1.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      const file = cid.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2')) as PDFRawStream;
      return {
        n,
        fontBytes: file.contents.length,
        toUnicode: (f1.lookup(PDFName.of('ToUnicode')) as PDFRawStream).contents.length,
      };
    };
    const first = await stampOnly(); // may be the first stamp of this signatory in the process
    const second = await stampOnly();
    expect(second.n).toBe(0); // nothing laid out, subset nor compressed again: the objects are copied
    expect(second.fontBytes).toBeGreaterThan(1000);
    expect(second).toEqual({ ...first, n: 0 });
  });

  it('the stamp maps its text through the cmap: no OpenType layout (no GSUB/GPOS decoding at the first stamp)', async () => {
    const bytes = fs.readFileSync(path.join(__dirname, '../../resources/fonts/LiberationSans-Regular.ttf'));
    const layout = vi.spyOn(Object.getPrototypeOf(fontkit.create(bytes)) as { layout: () => unknown }, 'layout');
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    await stampAppearance(
      doc,
      { nom: 'M. Noël Chevalier', qualite: 'Premier adjoint' },
      new Date('2026-11-23T11:07:00Z'),
    );
    expect(layout).not.toHaveBeenCalled();
  });

  it.skipIf(!!noPdftotext)(
    'each act still carries its own complete font subset (text read back with pdftotext)',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-font-'));
      try {
        for (const n of [1, 2, 3]) {
          const file = path.join(dir, `acte-${n}.pdf`);
          fs.writeFileSync(file, await stampedAct(n));
          const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
          expect(text).toContain(`Délibération n° 2026_00${n}`);
          expect(text).toContain('Signé électroniquement par');
          expect(text).toContain(`Mme Hélène Lefèvre ${n}`);
        }
        // a name typed with combining accents (NFD) prints with its accents, without OpenType shaping (stamp.ts NO_SHAPING)
        const file = path.join(dir, 'acte-nfd.pdf');
        fs.writeFileSync(file, await stampedAct(4, 'Mme He\u0301le\u0300ne Lefe\u0300vre NFD'));
        expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Mme Hélène Lefèvre NFD');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
