/**
 * Where each vendor's PKCS#11 middleware lives (signing.md §6, from PeculiarVentures card.json), plus OpenSC,
 * which recent versions use to drive IDPrime and SafeNet 5110 too. The commune may set its own path.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { readSetting, writeSetting } from '../commune';
import type { Db } from '../db';
import { AppError } from '../kernel';
import { checkCertificate, describeCertificate, type CertificateInfo } from './certificate';
import { modulePathProblem } from './module-path';
import { Token, type TokenSlot } from './token';
import { isTokenError } from './token-errors';
import { count, plural } from '../documents';

export type Os = 'win32' | 'linux' | 'darwin';

export interface KnownModule {
  vendor: string;
  tokens: string;
  paths: Partial<Record<Os, string[]>>;
}

export const KNOWN_MODULES: KnownModule[] = [
  {
    vendor: 'SafeNet (Thales)',
    tokens: 'eToken 5110, 5110cc, 940',
    paths: {
      win32: ['C:\\Windows\\System32\\eTPKCS11.dll'],
      linux: ['/usr/lib/libeTPkcs11.so'],
      darwin: ['/usr/local/lib/libeTPkcs11.dylib'],
    },
  },
  {
    vendor: 'Thales / Gemalto',
    tokens: 'IDPrime',
    paths: { win32: ['C:\\Windows\\System32\\IDPrimePKCS1164.dll'], linux: ['/usr/lib/libIDPrimePKCS11.so'] },
  },
  {
    vendor: 'Feitian',
    tokens: 'ePass2003',
    paths: { win32: ['C:\\Windows\\System32\\eps2003csp11.dll'], linux: ['/usr/lib/libcastle.so.1.0.0'] },
  },
  {
    vendor: 'OpenSC',
    tokens: 'cartes et clés gérées par OpenSC (IDPrime, eToken 5110 avec OpenSC récent…)',
    paths: {
      win32: ['C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'],
      linux: ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '/usr/lib/opensc-pkcs11.so', '/usr/lib64/opensc-pkcs11.so'],
      darwin: ['/Library/OpenSC/lib/opensc-pkcs11.so'],
    },
  },
];

/** Candidate module paths for this OS, the commune's own first. */
export function candidateModules(os: Os, configured: string | null): string[] {
  const all = KNOWN_MODULES.flatMap((m) => m.paths[os] ?? []);
  return configured ? [configured, ...all.filter((p) => p !== configured)] : all;
}

/** Those that exist on this computer. */
export const installedModules = (
  os: Os,
  configured: string | null,
  exists: (p: string) => boolean = fs.existsSync,
): string[] => candidateModules(os, configured).filter(exists);

export const thisOs = (): Os =>
  process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';

/**
 * The module to load: the commune's saved one (checked again: the file may have changed since it was saved),
 * else the first known vendor module installed here. Never a path from the window.
 */
export function moduleToLoad(db: Db, os: Os = thisOs()): string {
  const configured = readSigningSettings(db).modulePath;
  if (configured) {
    const problem = modulePathProblem(configured, os);
    if (problem)
      throw new AppError('TOKEN_MODULE', `${problem} Corrigez-le dans Paramètres › Signature (secrétariat de mairie).`);
    return configured;
  }
  const found = installedModules(os, null)[0];
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      "Aucun pilote de clé (module PKCS#11) n'est installé sur cet ordinateur : installez le logiciel fourni avec la clé, ou indiquez son chemin dans Paramètres › Signature.",
    );
  return found;
}

// ——— Commune settings: module path and trusted roots (certificate.ts checks the chain against them) ———

const settingsSchema = z.object({
  modulePath: z.string().max(500).nullable(),
  trustedRoots: z.array(z.string().max(20_000)).max(20),
});
export type SigningSettings = z.infer<typeof settingsSchema>;

export function readSigningSettings(db: Db): SigningSettings {
  const s = settingsSchema.safeParse(readSetting(db, 'signature'));
  return s.success ? s.data : { modulePath: null, trustedRoots: [] };
}

export function writeSigningSettings(db: Db, s: SigningSettings): void {
  writeSetting(db, 'signature', settingsSchema.parse(s));
}

// ——— « Tester la clé » ———

export interface TokenReport {
  slotId: string;
  label: string;
  serial: string;
  model: string;
  manufacturer: string;
  flags: TokenSlot['flags'];
  certificates: (CertificateInfo & { id: string; problems: string[]; warning: string | null })[];
}

export type TestResult =
  | { ok: true; modulePath: string; tokens: TokenReport[]; message: string }
  | { ok: false; modulePath: string; message: string };

const tokensByModule = new Map<string, Token>();

/** The loaded module for this path, loaded once per process (many middlewares dislike C_Finalize + reload). */
export function tokenFor(modulePath: string): Token {
  let t = tokensByModule.get(modulePath);
  if (!t) {
    t = Token.open(modulePath);
    tokensByModule.set(modulePath, t);
  }
  return t;
}

/** Forget a module (after the token was pulled out: some middlewares only see a new token after re-init). */
export function releaseToken(modulePath: string): void {
  tokensByModule.get(modulePath)?.close();
  tokensByModule.delete(modulePath);
}

/** Read what is on the token, check each certificate, without asking for the PIN. */
export function testToken(modulePath: string, trustedRootsPem: string[], now: Date): TestResult {
  try {
    const token = tokenFor(modulePath);
    const tokens = token.slots().map((slot) => ({
      ...slot,
      certificates: token.certificates(slot.slotId).map((c) => {
        const check = checkCertificate(c.der, trustedRootsPem, now);
        return { id: c.id, ...describeCertificate(c.der), problems: check.problems, warning: check.warning };
      }),
    }));
    const message = tokens.length
      ? `${count(tokens.length, 'clé')} ${plural(tokens.length, 'trouvée')} : ${tokens.map((t) => `${t.label} (${count(t.certificates.length, 'certificat')})`).join(', ')}.`
      : "Le pilote répond, mais aucune clé n'est branchée. Branchez la clé puis cliquez sur « Rechercher la clé ».";
    return { ok: true, modulePath, tokens, message };
  } catch (e) {
    if (isTokenError(e)) {
      if (e.reason === 'TOKEN_REMOVED') releaseToken(modulePath);
      return { ok: false, modulePath, message: e.message };
    }
    throw e;
  }
}
