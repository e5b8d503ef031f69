import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test-support/helpers';
import { skipReason, toolMissing } from '../../test-support/support';
import { PdfWriter, readablePdf } from './pdf';
import { TRUNCATED } from './pdf-structure';
import { DocumentStore } from './store';

const noPoppler = skipReason('documents', toolMissing('pdftotext', 'qpdf'));

describe('PDF writer', () => {
  it.skipIf(noPoppler)('writes a valid PDF whose text (accents included) reads back, with page numbers', async () => {
    const w = await PdfWriter.create({
      title: 'Essai',
      commune: 'Saint-Benoît-sur-Loire',
      createdAt: new Date('2026-11-23T09:00:00Z'),
      header: 'Commune de Saint-Benoît-sur-Loire',
    });
    w.heading('Délibération n° 2026_001');
    w.text('Mme Hélène Lefèvre, M. Noël Chevalier, Mme Gaëlle Le Gall, M. Łukasz Wiśniewski : « Œuvre » — 12 € TTC.');
    for (let i = 0; i < 80; i++)
      w.text(
        `Ligne ${i} du texte de la délibération, assez longue pour passer à la ligne suivante quand la largeur est atteinte.`,
      );
    w.table(
      [
        { title: 'N°', width: 0.2 },
        { title: 'Objet', width: 0.8 },
      ],
      [['2026_001', 'Vote du budget primitif']],
    );
    w.signatures([
      { title: 'Le maire', name: 'Hélène Lefèvre' },
      { title: 'Le secrétaire de séance', name: 'Noël Chevalier' },
    ]);
    const bytes = await w.save();
    const file = path.join(tempDir(), 'essai.pdf');
    fs.writeFileSync(file, bytes);
    execFileSync('qpdf', ['--check', file]);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('Hélène Lefèvre');
    expect(text).toContain('Łukasz Wiśniewski');
    expect(text).toContain('« Œuvre »');
    expect(text).toMatch(/Page 1 \/ \d/);
    expect(await readablePdf(bytes)).toMatchObject({ pages: expect.any(Number) });
  });

  it('tells a non-PDF, a damaged PDF and an empty file apart', async () => {
    expect(await readablePdf(Buffer.from('bonjour'))).toEqual({ error: "ce fichier n'est pas un PDF." });
    expect(await readablePdf(Buffer.from('%PDF-1.7\n garbage garbage'))).toEqual({ error: TRUNCATED });
    expect(await readablePdf(Buffer.from('%PDF-1.7\n garbage garbage\nstartxref\n9\n%%EOF\n'))).toMatchObject({
      error: expect.stringMatching(/^ce PDF est endommagé/),
    });
  });
});

describe('document store', () => {
  it('names files by content, never overwrites, detects alteration', () => {
    const s = new DocumentStore(tempDir(), crypto.randomBytes(32));
    const a = s.put(Buffer.from('un'));
    expect(s.put(Buffer.from('un')).sha256).toBe(a.sha256);
    expect(s.read(a.sha256).toString()).toBe('un');
    fs.writeFileSync(path.join(s.root, a.sha256.slice(0, 2), a.sha256), 'deux');
    expect(() => s.read(a.sha256)).toThrow(/altéré/); // a plain file swapped in is checked against its name too
    expect(() => s.read('../../etc/passwd')).toThrow(/introuvable/);
  });
});
