/**
 * The installation key — it seals the platform secrets (main/db/secrets.ts) and, through a derived key, encrypts
 * every database (main/db/cipher.ts) — wrapped by the OS with safeStorage (DPAPI on
 * Windows, Keychain on macOS, libsecret/kwallet on Linux): the data folder then holds only the wrapped key, so a
 * copy of the folder or of a backup does not open the secrets on another account or computer.
 * safeStorage exists only in the main process: the core (utilityProcess, plain Node) asks for the key once at
 * start ({type:'need-secrets'}) and gets {type:'secrets', key} back on its private channel.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_FILE, OS_KEY_FILE } from '../db/secrets';
import { ensurePrivateDir } from '../db/private-dir';

/** What we use of Electron's safeStorage. */
export interface OsWrapper {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(wrapped: Buffer): string;
}

export { OS_KEY_FILE };

/**
 * The installation key, or null when the OS cannot wrap it (no keyring on a bare Linux session, a changed
 * Windows profile): the core then uses its 0600 key file and says so in the log. A key file left by the
 * loopback host is adopted (wrapped, then deleted) so that the secrets it sealed stay readable.
 */
export function osWrappedKey(dataDir: string, os: OsWrapper, log: (m: string) => void = console.warn): Buffer | null {
  if (!os.isEncryptionAvailable()) {
    log('[clocher] safeStorage indisponible : clé des secrets en fichier 0600 dans le dossier de données');
    return null;
  }
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, OS_KEY_FILE);
  if (fs.existsSync(file)) {
    try {
      const key = Buffer.from(os.decryptString(fs.readFileSync(file)), 'base64');
      if (key.length === 32) return key;
    } catch {
      // fall through: never overwrite a wrapped key we could not read, it may open again with the right profile
    }
    // The core then refuses to open the encrypted databases with a French message (main/db/cipher.ts).
    log(`[clocher] ${OS_KEY_FILE} illisible par ce compte : les dossiers chiffrés ne peuvent pas être ouverts`);
    return null;
  }
  const plainFile = path.join(dataDir, KEY_FILE);
  const existing = fs.existsSync(plainFile) ? fs.readFileSync(plainFile) : null;
  const key = existing?.length === 32 ? existing : crypto.randomBytes(32);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, os.encryptString(key.toString('base64')), { mode: 0o600 });
  fs.renameSync(tmp, file);
  if (existing) fs.rmSync(plainFile, { force: true });
  return key;
}

/** Answer the core's request for the key on its own channel (never in argv or env, which other tools can read). */
export function answerSecretsRequests(
  child: { on(event: 'message', l: (m: unknown) => void): unknown; postMessage(m: unknown): void },
  key: () => Buffer | null,
): void {
  child.on('message', (m) => {
    if ((m as { type?: unknown } | null)?.type !== 'need-secrets') return;
    child.postMessage({ type: 'secrets', key: key()?.toString('base64') ?? null });
  });
}
