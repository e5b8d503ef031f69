import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFInvalidObject, PDFName, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { tempDir } from '../../test-support/helpers';
import { readablePdf } from './pdf';
import { BAD_XREF, NO_CATALOG, TRUNCATED } from './pdf-structure';

const hasQpdf = (() => {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasQpdf)
  console.warn('[documents] qpdf absent : les tests de PDF produits par qpdf (linéarisé, flux d’objets) sont sautés');

/** A plain two-page PDF; `edit` adds whatever a test needs before saving. */
async function pdf(
  opts: { objectStreams?: boolean; edit?: (d: PDFDocument) => Promise<void> | void } = {},
): Promise<Buffer> {
  const d = await PDFDocument.create();
  const font = await d.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) d.addPage().drawText(`Annexe, page ${n}`, { x: 50, y: 700, font });
  await opts.edit?.(d);
  return Buffer.from(await d.save({ useObjectStreams: opts.objectStreams ?? false }));
}

const refused = async (bytes: Uint8Array) => {
  const r = await readablePdf(bytes);
  if (!('error' in r)) throw new Error(`accepted: ${JSON.stringify(r)}`);
  return r.error;
};

describe('uploaded PDF: structure (ISO 32000-1 §7.5)', () => {
  it('accepts plain PDFs with an xref table or an xref stream, and an incremental update (a signature adds one)', async () => {
    expect(await readablePdf(await pdf())).toEqual({ pages: 2 });
    expect(await readablePdf(await pdf({ objectStreams: true }))).toEqual({ pages: 2 });
    const base = await pdf();
    const d = await PDFDocument.load(base, { forIncrementalUpdate: true });
    d.setTitle('Mise à jour incrémentale');
    const updated = Buffer.from(await d.commit({ useObjectStreams: false }));
    expect(updated.subarray(0, base.length).equals(base)).toBe(true);
    expect(await readablePdf(updated)).toEqual({ pages: 2 });
  });

  it.skipIf(!hasQpdf)('accepts what another writer produces: qpdf linearized, and with object streams', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'in.pdf'), await pdf());
    for (const args of [['--linearize'], ['--object-streams=generate']]) {
      execFileSync('qpdf', [...args, path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
      expect(await readablePdf(fs.readFileSync(path.join(dir, 'out.pdf'))), args[0]).toEqual({ pages: 2 });
    }
  });

  it('refuses a truncated PDF, wherever it was cut, with a French reason', async () => {
    for (const objectStreams of [false, true]) {
      const whole = await pdf({ objectStreams });
      for (const keep of [0.3, 0.6, 0.95])
        expect(await refused(whole.subarray(0, Math.floor(whole.length * keep)))).toBe(TRUNCATED);
      // cut just before the end-of-file marker
      expect(await refused(whole.subarray(0, whole.lastIndexOf('%%EOF')))).toBe(TRUNCATED);
    }
  });

  it('refuses a PDF whose middle is missing even though its end is intact (lenient parsers would load it)', async () => {
    const whole = await pdf();
    const hole = Buffer.concat([whole.subarray(0, 400), whole.subarray(900)]);
    expect(await refused(hole)).toMatch(/endommagé|incomplet/);
    // and pdf-lib alone would have accepted it: our check is what refuses it
    await expect(PDFDocument.load(hole)).resolves.toBeDefined();
  });

  it('refuses a startxref that points nowhere, and xref offsets that do not match the objects', async () => {
    const whole = await pdf();
    const s = whole.toString('latin1');
    const at = s.lastIndexOf('startxref');
    const wrong = Buffer.from(s.slice(0, at) + s.slice(at).replace(/startxref\s+\d+/, 'startxref\n17'), 'latin1');
    expect(await refused(wrong)).toBe(BAD_XREF);
    // one byte less in the header's binary comment: every object moves, offsets no longer point at `n 0 obj`
    const shifted = Buffer.from(s.replace('%PDF-1.7\n%', '%PDF-1.7\n'), 'latin1');
    expect(await refused(shifted)).toBe(BAD_XREF);
  });

  it('refuses a corrupt PDF (garbage inside an object) and a catalog the trailer does not name', async () => {
    const whole = await pdf();
    const s = whole.toString('latin1');
    const i = s.indexOf('/Type /Pages');
    const garbled = Buffer.from(s.slice(0, i) + '<<<<)(>>]]))' + s.slice(i + 12), 'latin1');
    expect(await refused(garbled)).toMatch(/endommagé/);
    const noRoot = Buffer.from(s.replace(/(\/Root \d+) 0 R/, '$1 9 R'), 'latin1');
    expect(await refused(noRoot)).toBe(NO_CATALOG);
  });

  it('parses without repairs: an object pdf-lib would skip as « invalid » makes the PDF refused', async () => {
    const broken = await pdf({
      edit: (d) => void d.context.register(PDFInvalidObject.of(Buffer.from('<< /Type /Annot /Contents (jamais fermé'))),
    });
    await expect(PDFDocument.load(broken)).resolves.toBeDefined(); // lenient load would « repair » it
    expect(await refused(broken)).toBe('ce PDF est endommagé ou illisible.');
  });

  it('refuses what is not a PDF, and a PDF with no page', async () => {
    expect(await refused(Buffer.from('bonjour tout le monde'))).toBe("ce fichier n'est pas un PDF.");
    const empty = Buffer.from(
      await (await PDFDocument.create()).save({ useObjectStreams: false, addDefaultPage: false }),
    );
    expect(await refused(empty)).toBe('ce PDF ne contient aucune page.');
  });
});

describe('uploaded PDF: active content (ISO 32000-1 §12.6)', () => {
  const js = (d: PDFDocument) => d.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("bonjour")') });

  it('refuses /OpenAction JavaScript, a document-level /JavaScript name tree, also inside object streams', async () => {
    for (const objectStreams of [false, true]) {
      const open = await pdf({
        objectStreams,
        edit: (d) => d.catalog.set(PDFName.of('OpenAction'), d.context.register(js(d))),
      });
      expect(await refused(open)).toMatch(
        /^ce PDF n'est pas un simple document : il contient du code JavaScript\. Par sécurité il est refusé\./,
      );
    }
    const tree = await pdf({
      edit: (d) =>
        d.catalog.set(
          PDFName.of('Names'),
          d.context.obj({ JavaScript: d.context.obj({ Names: [PDFString.of('x'), d.context.register(js(d))] }) }),
        ),
    });
    expect(await refused(tree)).toMatch(/code JavaScript/);
  });

  it('accepts an /OpenAction that only opens at a page (what word processors write)', async () => {
    const goTo = await pdf({
      edit: (d) => d.catalog.set(PDFName.of('OpenAction'), d.context.obj([d.getPage(0).ref, PDFName.of('Fit')])),
    });
    expect(await readablePdf(goTo)).toEqual({ pages: 2 });
  });

  it('refuses /Launch, /AA automatic actions, embedded files and XFA, each with its reason', async () => {
    const launch = await pdf({
      edit: (d) => {
        const link = d.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: [0, 0, 10, 10],
          A: { S: 'Launch', F: PDFString.of('cmd.exe') },
        });
        d.getPage(0).node.set(PDFName.of('Annots'), d.context.obj([d.context.register(link)]));
      },
    });
    expect(await refused(launch)).toMatch(/lancer un programme/);
    const aa = await pdf({
      edit: (d) =>
        d
          .getPage(1)
          .node.set(PDFName.of('AA'), d.context.obj({ O: { S: 'GoTo', D: [d.getPage(0).ref, PDFName.of('Fit')] } })),
    });
    expect(await refused(aa)).toMatch(/actions automatiques/);
    const attached = await pdf({
      edit: (d) => d.attach(Buffer.from('MZ…'), 'outil.exe', { mimeType: 'application/octet-stream' }),
    });
    expect(await refused(attached)).toMatch(/fichiers joints/);
    const xfa = await pdf({
      edit: (d) =>
        d.catalog.set(
          PDFName.of('AcroForm'),
          d.context.obj({ Fields: [], XFA: d.context.register(d.context.flateStream('<xdp/>')) }),
        ),
    });
    expect(await refused(xfa)).toMatch(/formulaire dynamique \(XFA\)/);
  });
});
