/** The parsed-font cache must not lose a letter's text from one PDF to the next (issue 12: « formule C » read « formule »). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test-support/helpers';
import { skipReason, toolMissing } from '../../test-support/support';
import { PdfWriter } from './pdf';

const noPoppler = skipReason('documents', toolMissing('pdftotext'));

it.skipIf(noPoppler)('a « C » after a « Ç » laid out by an earlier document still reads back as « C »', async () => {
  const dir = tempDir();
  const meta = { title: 'Essai', commune: 'X', createdAt: new Date('2026-11-23T09:00:00Z'), header: 'X' };
  const texts: string[] = [];
  for (const [i, line] of ['RÉPUBLIQUE FRANÇAISE', 'formule C'].entries()) {
    const w = await PdfWriter.create(meta);
    w.heading(line); // bold: the first document decomposes « Ç », the second lays out « C » alone
    const file = path.join(dir, `${i}.pdf`);
    fs.writeFileSync(file, await w.save());
    texts.push(execFileSync('pdftotext', [file, '-']).toString('utf8'));
  }
  expect(texts[1]).toMatch(/^formule C$/m);
});
