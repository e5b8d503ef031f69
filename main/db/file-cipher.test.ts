/**
 * The chunked file format on its own (file-cipher.ts), without the store's final hash check: cutting a file at a
 * chunk boundary, or dropping its last chunk, must fail authentication by itself (the « last chunk » flag).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test-support/helpers';
import { FILE_CHUNK, FileSealer, openSealed } from './file-cipher';

function sealed(plain: Buffer, key: Buffer): string {
  const file = path.join(tempDir(), 'doc');
  const parts: Buffer[] = [];
  const s = new FileSealer(key, (b) => parts.push(Buffer.from(b)));
  s.update(plain.subarray(0, 1000));
  s.update(plain.subarray(1000));
  s.end();
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

describe('chunked AES-256-GCM file', () => {
  it('round-trips any length, including empty and whole chunks', () => {
    const key = crypto.randomBytes(32);
    for (const n of [0, 1, FILE_CHUNK - 1, FILE_CHUNK, FILE_CHUNK + 1, 2 * FILE_CHUNK]) {
      const plain = crypto.randomBytes(n);
      expect(Buffer.concat([...openSealed(sealed(plain, key), key)]).equals(plain), `${n} octets`).toBe(true);
    }
  });

  it('a file cut at a chunk boundary, or missing its empty last chunk, is refused (order and length authenticated)', () => {
    const key = crypto.randomBytes(32);
    const header = 8 + 4 + 16 + 16;
    for (const [n, cut] of [
      [2 * FILE_CHUNK + 5, header + FILE_CHUNK + 16],
      [FILE_CHUNK, header + FILE_CHUNK + 16],
    ] as const) {
      const file = sealed(crypto.randomBytes(n), key);
      fs.truncateSync(file, cut);
      expect(() => [...openSealed(file, key)]).toThrow(
        expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringMatching(/altéré ou tronqué/) }),
      );
    }
  });
});
