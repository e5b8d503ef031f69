import crypto from 'node:crypto';

/**
 * scrypt (RFC 7914), parameters stored with the hash so they can be raised later without breaking old
 * accounts. N = 2^15, r = 8, p = 1 is OWASP's minimum for scrypt; about 100 ms on the mairie's PC.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 128 * N * R * 2;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, keylen, { N: n, r, p, maxmem: 128 * n * r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, N, R, P, KEYLEN);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key ?? '', 'base64');
  const nn = Number(n);
  if (!Number.isInteger(nn) || nn < 2 || 128 * nn * Number(r) * 2 > MAXMEM * 8) return false;
  const actual = await scrypt(password, Buffer.from(salt ?? '', 'base64'), nn, Number(r), Number(p), expected.length);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash that no password matches, to spend the same time on an unknown login as on a known one. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;

/**
 * Wait imposed after wrong passwords: free for 3 tries, then 30 s doubling up to 15 minutes. Never a
 * permanent lockout — the secrétaire may be the only account of the commune (support recovery: README).
 */
export function throttleDelayMs(failedCount: number): number {
  if (failedCount < 3) return 0;
  return Math.min(30_000 * 2 ** (failedCount - 3), 15 * 60_000);
}

/** A temporary password easy to read aloud over the phone: 4 groups of 4 characters without 0/O, 1/l/I. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
