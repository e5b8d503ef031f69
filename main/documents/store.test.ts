/**
 * The documents folder encrypted at rest (issue 11): a stolen PC reveals no scan, a wrong key or a changed file is
 * refused in French (never garbage), plain files of an earlier Clocher are encrypted at the first opening, and a
 * large scan goes in and out chunk by chunk.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, withCommune } from '../../test-support/helpers';
import { requireTool, toolMissing } from '../../test-support/support';
import { FILE_CHUNK, isEncryptedFile } from '../db';
import { DocumentStore } from './store';

const NOM = 'Vauquelin-Marbeuf';
/** an uncompressed PDF whose text a thief would find with `strings` */
const scanPdf = (text: string, pad = 0) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << >> stream\nBT (Acte de naissance de ${text}) Tj ET\n${'n'.repeat(pad)}\nendstream endobj\n%%EOF\n`,
    'latin1',
  );
const fileOf = (s: DocumentStore, sha256: string) => path.join(s.root, sha256.slice(0, 2), sha256);
const keyed = () => new DocumentStore(tempDir(), crypto.randomBytes(32));

describe('documents encrypted at rest', () => {
  it('no plain text of a stored PDF is on disk; it reads back whole, named by its plain SHA-256', (ctx) => {
    const s = keyed();
    const pdf = scanPdf(NOM, 3 * FILE_CHUNK); // several chunks
    const { sha256, size } = s.put(pdf);
    expect(sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
    expect(size).toBe(pdf.length);
    const onDisk = fs.readFileSync(fileOf(s, sha256));
    expect(isEncryptedFile(fileOf(s, sha256))).toBe(true);
    for (const plain of [NOM, '%PDF-1.4', 'Acte de naissance', 'nnnnnnnnnnnn'])
      expect(onDisk.includes(Buffer.from(plain, 'latin1'))).toBe(false);
    expect(s.read(sha256).equals(pdf)).toBe(true);
    expect(s.put(pdf).sha256).toBe(sha256); // dedup: the same content is one file
    expect(fs.readdirSync(path.dirname(fileOf(s, sha256)))).toEqual([sha256]);
    requireTool(ctx, toolMissing('strings'));
    expect(
      execFileSync('strings', ['-n', '6', fileOf(s, sha256)], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    ).not.toMatch(/Vauquelin|naissance|PDF/);
  });

  it('another key (another PC) is refused with a French message, not garbage', () => {
    const s = keyed();
    const { sha256 } = s.put(scanPdf(NOM));
    const other = new DocumentStore(s.root, crypto.randomBytes(32));
    expect(() => other.read(sha256)).toThrow(
      expect.objectContaining({
        code: 'DB_WRONG_KEY',
        message: expect.stringMatching(/chiffré et la clé de cet ordinateur ne l'ouvre pas.*Exporter pour un autre PC/),
      }),
    );
    expect(() => new DocumentStore(s.root, null).read(sha256)).toThrow(
      expect.objectContaining({ code: 'DB_WRONG_KEY' }),
    );
  });

  it('a truncated, extended, reordered or altered file is refused in French (DB_CORRUPT), before any altered byte is given', () => {
    const s = keyed();
    const pdf = scanPdf(NOM, 2 * FILE_CHUNK + 10);
    const { sha256 } = s.put(pdf);
    const file = fileOf(s, sha256);
    const good = fs.readFileSync(file);
    const header = 8 + 4 + 16 + 16;
    const block = FILE_CHUNK + 16;
    const swapped = Buffer.concat([
      good.subarray(0, header),
      good.subarray(header + block, header + 2 * block),
      good.subarray(header, header + block),
      good.subarray(header + 2 * block),
    ]);
    const flipped = Buffer.from(good);
    flipped[header + block + 5]! ^= 1;
    const cases = {
      'coupé au milieu': good.subarray(0, good.length - 100),
      'coupé à une frontière de morceau': good.subarray(0, header + 2 * block),
      prolongé: Buffer.concat([good, Buffer.alloc(40)]),
      'morceaux échangés': swapped,
      'un octet changé': flipped,
      'en-tête seul': good.subarray(0, header),
    };
    for (const [what, bytes] of Object.entries(cases)) {
      fs.writeFileSync(file, bytes);
      const given: Buffer[] = [];
      expect(() => {
        for (const b of s.chunks(sha256)) given.push(b);
      }, what).toThrow(
        expect.objectContaining({
          code: 'DB_CORRUPT',
          message: expect.stringMatching(/altéré ou tronqué.*Restaurez une sauvegarde/),
        }),
      );
      // what was given before the error is the true beginning of the document, never garbage
      expect(pdf.subarray(0, Buffer.concat(given).length).equals(Buffer.concat(given)), what).toBe(true);
    }
    fs.writeFileSync(file, good);
    expect(s.read(sha256).equals(pdf)).toBe(true);
  });

  it('plain files of an earlier Clocher are encrypted, idempotently, keeping a damaged one as it is and ignoring a crash leftover', () => {
    const root = tempDir();
    const plain = new DocumentStore(root, null);
    const a = plain.put(scanPdf('Aristide'));
    const b = plain.put(scanPdf('Berthe', FILE_CHUNK));
    const bad = plain.put(scanPdf('Céleste'));
    fs.appendFileSync(fileOf(plain, bad.sha256), 'x'); // damaged: no longer hashes to its name
    fs.writeFileSync(`${fileOf(plain, a.sha256)}.999.tmp`, 'moitié'); // a crash in the middle of an earlier run
    const s = new DocumentStore(root, crypto.randomBytes(32));
    expect(s.read(a.sha256).equals(scanPdf('Aristide'))).toBe(true); // still readable before the migration
    expect(s.encryptPlainFiles()).toEqual({ encrypted: 2, damaged: [bad.sha256] });
    for (const d of [a, b]) {
      expect(isEncryptedFile(fileOf(s, d.sha256))).toBe(true);
      expect(fs.readFileSync(fileOf(s, d.sha256)).includes(Buffer.from('Acte de naissance'))).toBe(false);
    }
    expect(s.read(a.sha256).equals(scanPdf('Aristide'))).toBe(true);
    expect(s.read(b.sha256).equals(scanPdf('Berthe', FILE_CHUNK))).toBe(true);
    expect(isEncryptedFile(fileOf(s, bad.sha256))).toBe(false);
    const before = fs.readFileSync(fileOf(s, a.sha256));
    expect(s.encryptPlainFiles()).toEqual({ encrypted: 0, damaged: [bad.sha256] }); // idempotent
    expect(fs.readFileSync(fileOf(s, a.sha256)).equals(before)).toBe(true);
    expect(s.entries().filter((e) => !e.sha256 && e.file.endsWith('.tmp') && !e.file.includes('.999.'))).toEqual([]);
  });

  it('the core encrypts a commune’s plain documents at its first opening, after the backup', async () => {
    const t = await withCommune();
    try {
      const root = t.core.communes.documentsOf(t.communeId).root;
      const plain = new DocumentStore(root, null).put(scanPdf(NOM));
      t.core.communes.close(t.communeId);
      t.core.communes.get(t.communeId);
      await t.core.communes.checksSettled(); // encrypted after the day's check and backup, off the reply (issue 9)
      expect(isEncryptedFile(fileOf(new DocumentStore(root, null), plain.sha256))).toBe(true);
      expect(t.core.communes.documentsOf(t.communeId).read(plain.sha256).equals(scanPdf(NOM))).toBe(true);
      expect(t.core.communes.backups(t.communeId).length).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });

  it('a large scan goes in from its file and out as a stream chunk by chunk: never read, held or given whole', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'scan.tif');
    const fd = fs.openSync(source, 'w');
    const h = crypto.createHash('sha256');
    const block = crypto.randomBytes(FILE_CHUNK);
    const CHUNKS = 32;
    for (let i = 0; i < CHUNKS; i++) {
      block[0] = i;
      h.update(block);
      fs.writeSync(fd, block);
    }
    fs.closeSync(fd);
    const s = new DocumentStore(path.join(dir, 'documents'), crypto.randomBytes(32));
    // Memory is bounded by construction: no whole-file read, no read or write larger than a sealed chunk, and the
    // stream is lazy (a byte count of memoryUsage() would measure the collector's timing, not the code).
    const whole = vi.spyOn(fs, 'readFileSync');
    const reads = vi.spyOn(fs, 'readSync');
    const writes = vi.spyOn(fs, 'writeSync');
    try {
      const put = s.putFile(source);
      expect(put).toEqual({ sha256: h.digest('hex'), size: CHUNKS * FILE_CHUNK });
      const biggest = (spy: typeof reads | typeof writes, arg: number) =>
        Math.max(
          ...spy.mock.calls.map((c) => (typeof c[arg] === 'number' ? (c[arg] as number) : (c[1] as Uint8Array).length)),
        );
      expect(biggest(writes, 1)).toBeLessThanOrEqual(FILE_CHUNK + 16);
      reads.mockClear();
      const stream = s.stream(put.sha256);
      const again = crypto.createHash('sha256');
      let n = 0;
      let readsAtFirst = -1;
      for await (const b of stream) {
        if (readsAtFirst < 0) readsAtFirst = reads.mock.calls.length;
        expect((b as Buffer).length).toBeLessThanOrEqual(FILE_CHUNK);
        again.update(b as Buffer);
        n += (b as Buffer).length;
      }
      expect(readsAtFirst).toBeLessThan(5); // the first chunk comes before the rest of the file is read
      expect(biggest(reads, 3)).toBeLessThanOrEqual(FILE_CHUNK + 16);
      expect(whole).not.toHaveBeenCalled();
      expect(n).toBe(CHUNKS * FILE_CHUNK);
      expect(again.digest('hex')).toBe(put.sha256);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
