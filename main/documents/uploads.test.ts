import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { AppError } from '../kernel/errors';
import { tempDir } from '../../test-support/helpers';
import { cleanFileName, MAX_NAME_CHARS } from './filename';
import { IDLE_MS, MAX_UPLOAD_BYTES, Uploads } from './uploads';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const caught = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('no error');
};

async function onePagePdf(js = false): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage();
  if (js)
    d.catalog.set(
      PDFName.of('OpenAction'),
      d.context.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("http://x")') }),
    );
  return Buffer.from(await d.save({ useObjectStreams: false }));
}

function send(u: Uploads, owner: string, nom: string, bytes: Buffer): string {
  const { uploadId } = u.start(owner, nom, bytes.length);
  u.chunk(owner, uploadId, 0, b64(bytes));
  return uploadId;
}

const parts = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('uploads', () => {
  it('refuses a 200 MB file from its announced size, before any byte is sent, in French', () => {
    const dir = tempDir();
    const e = caught(() => new Uploads(dir).start('c1', 'scan-conseil.pdf', 200 * 1024 * 1024));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe(
      "« scan-conseil.pdf » fait 200 Mo : la préfecture n'accepte pas plus de 150 Mo par envoi. Rien n'a été modifié ; réduisez la résolution du scan (200 points par pouce suffisent) ou découpez le document.",
    );
    expect(parts(dir)).toEqual([]); // nothing written, nothing read
    expect(MAX_UPLOAD_BYTES).toBe(150 * 1024 * 1024);
  });

  it('refuses a truncated PDF and a PDF with JavaScript at take time, and removes the temporary file', async () => {
    const dir = tempDir();
    const u = new Uploads(dir);
    const whole = await onePagePdf();
    const cut = send(u, 'c1', 'annexe.pdf', whole.subarray(0, whole.length - 40));
    await expect(u.takePdf('c1', cut)).rejects.toThrow(
      /^« annexe\.pdf » refusé : ce PDF est incomplet \(sa fin manque\).*Rien n'a été enregistré\.$/,
    );
    const js = send(u, 'c1', 'budget.pdf', await onePagePdf(true));
    await expect(u.takePdf('c1', js)).rejects.toThrow(
      /^« budget\.pdf » refusé : ce PDF n'est pas un simple document : il contient du code JavaScript/,
    );
    const corrupt = send(
      u,
      'c1',
      'scan.pdf',
      Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\x00\x01\x02 bruit\n%%EOF\n'),
    );
    await expect(u.takePdf('c1', corrupt)).rejects.toThrow(/« scan\.pdf » refusé : ce PDF est incomplet/);
    expect(parts(dir)).toEqual([]);
    expect(u.open).toBe(0);
    const fine = send(u, 'c1', 'ok.pdf', whole);
    await expect(u.takePdf('c1', fine)).resolves.toMatchObject({ nom: 'ok.pdf', pages: 1 });
    expect(parts(dir)).toEqual([]);
  });

  it('cleans the file name it is given: no path, no reserved Windows name', () => {
    const u = new Uploads(tempDir());
    expect(u.start('c1', '../../etc/passwd', 10).nom).toBe('passwd');
    expect(u.start('c1', 'CON.pdf', 10).nom).toBe('_CON.pdf');
  });

  it('removes the temporary files of a window that is gone, and only its own', () => {
    const dir = tempDir();
    const u = new Uploads(dir);
    send(u, 'gone', 'a.pdf', Buffer.alloc(10, 1));
    u.start('gone', 'b.pdf', 100);
    const kept = send(u, 'other', 'c.pdf', Buffer.alloc(10, 2));
    expect(parts(dir)).toHaveLength(3);
    u.discardOwner('gone');
    expect(parts(dir)).toEqual([`${kept}.part`]);
    expect(u.take('other', kept).bytes).toEqual(Buffer.alloc(10, 2));
  });

  it('forgets an upload idle for an hour, refuses more bytes than announced (and removes the file), and another window’s upload', () => {
    const dir = tempDir();
    let now = 1_000_000;
    const u = new Uploads(dir, () => now);
    const idle = u.start('c1', 'a.pdf', 100).uploadId;
    now += IDLE_MS + 1;
    u.start('c1', 'b.pdf', 100);
    expect(caught(() => u.chunk('c1', idle, 0, b64(Buffer.alloc(5)))).code).toBe('NOT_FOUND');
    const big = u.start('c1', 'c.pdf', 4).uploadId;
    expect(caught(() => u.chunk('c1', big, 0, b64(Buffer.alloc(5)))).message).toBe(
      'Le fichier reçu est plus grand que annoncé ; recommencez.',
    );
    expect(parts(dir)).toHaveLength(1);
    const mine = u.start('c1', 'd.pdf', 4).uploadId;
    expect(caught(() => u.chunk('intrus', mine, 0, b64(Buffer.alloc(4)))).code).toBe('NOT_FOUND');
    expect(caught(() => u.take('intrus', mine)).code).toBe('NOT_FOUND');
  });

  it('removes the temporary file when the disk write fails', () => {
    const dir = tempDir();
    const u = new Uploads(dir);
    const id = u.start('c1', 'a.pdf', 10).uploadId;
    fs.rmSync(dir, { recursive: true });
    fs.mkdirSync(path.join(dir, `${id}.part`), { recursive: true }); // appending to a folder fails (EISDIR)
    expect(caught(() => u.chunk('c1', id, 0, b64(Buffer.alloc(10)))).message).toBe(
      "« a.pdf » n'a pas pu être écrit sur le disque ; recommencez.",
    );
    expect(parts(dir)).toEqual([]);
    expect(u.open).toBe(0);
  });
});

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['C:\\Users\\mairie\\Bureau\\Délibération n°12 — budget.pdf', 'Délibération n°12 — budget.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['nul', '_nul'],
    ['com1.txt', '_com1.txt'],
    ['console.pdf', 'console.pdf'],
    ['facture\u202Efdp.exe', 'facturefdp.exe'],
    ['ligne1\nligne2\t\u0000.pdf', 'ligne1ligne2.pdf'],
    ['rapport: 2026 | «final» ?.pdf', 'rapport_ 2026 _ «final» _.pdf'],
    ['  .cachée.pdf. . ', 'cachée.pdf'],
    ['..', 'document'],
    ['Ége\u0301te\u0301.pdf', 'Égété.pdf'], // decomposed accents (macOS) recomposed
  ])('%j → %j', (raw, clean) => expect(cleanFileName(raw)).toBe(clean));

  it('caps the length and keeps the extension', () => {
    const n = cleanFileName(`${'é'.repeat(300)}.pdf`);
    expect(Array.from(n)).toHaveLength(MAX_NAME_CHARS);
    expect(n.endsWith('é.pdf')).toBe(true);
    expect(Array.from(cleanFileName('😀'.repeat(200)))).toHaveLength(MAX_NAME_CHARS); // never half an emoji
  });
});
