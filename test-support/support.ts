/**
 * Shared test support: the one test clock, and tools a test needs.
 *
 * Why: tests used to mix the machine's clock (certificates, fixtures) with the core's fixed clock, and some
 * returned early — passing — when a tool was missing. Here, every fixture takes TEST_NOW, and a test that needs
 * a tool asks `toolMissing()` / `requireTool()` so that vitest reports it SKIPPED with the printed reason.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The fixed "now" of every test core (test-support/helpers.ts, e2e harness' CLOCHER_FAKE_NOW). */
export const TEST_NOW_ISO = '2026-11-23T09:00:00Z';
export const TEST_NOW = new Date(TEST_NOW_ISO);

/**
 * A test clock that starts at `from` (TEST_NOW) and advances with the real elapsed time: for code that waits
 * for a retry time it computed from the clock (the synchronisation engine's backoff), where a frozen clock
 * would never reach it. Never compared with the machine's date.
 */
export function runningClock(from: Date = TEST_NOW): () => Date {
  const t0 = performance.now();
  return () => new Date(from.getTime() + Math.round(performance.now() - t0));
}

const DEBIAN_PACKAGE: Record<string, string> = {
  pdfsig: 'poppler-utils',
  pdftotext: 'poppler-utils',
  qpdf: 'qpdf',
  xmlsec1: 'xmlsec1',
  xmllint: 'libxml2-utils',
  openssl: 'openssl',
  gcc: 'gcc',
  'softhsm2-util': 'softhsm2',
  'pkcs11-tool': 'opensc',
  certutil: 'libnss3-tools',
  chromium: 'chromium',
};

const cache = new Map<string, boolean>();
export function hasTool(tool: string): boolean {
  let found = cache.get(tool);
  if (found === undefined) {
    try {
      execFileSync('sh', ['-c', `command -v '${tool.replace(/'/g, '')}'`], { stdio: 'ignore' });
      found = true;
    } catch {
      found = false;
    }
    cache.set(tool, found);
  }
  return found;
}

/** Why a test needing these tools cannot run here (in French, with the package to install), or null. */
export function toolMissing(...tools: string[]): string | null {
  const absent = tools.filter((t) => !hasTool(t));
  if (absent.length === 0) return null;
  return absent.map((t) => `${t} absent (apt-get install ${DEBIAN_PACKAGE[t] ?? t})`).join(', ') + ' : test ignoré';
}

/** A file a test needs (e.g. the shared verifier), or the reason it is missing. */
export const fileMissing = (file: string, what: string): string | null =>
  fs.existsSync(file) ? null : `${what} absent (${file}) : test ignoré`;

interface SkipContext {
  skip(note?: string): void;
}

/**
 * Inside a test: skip it (reported as skipped, with the reason printed) when a reason is given.
 * Usage: `it('…', (ctx) => { requireTool(ctx, toolMissing('pdfsig')); … })`.
 */
export function requireTool(ctx: SkipContext, reason: string | null): void {
  if (!reason) return;
  console.warn(`[test ignoré] ${reason}`);
  ctx.skip(reason);
}

/** For describe.skipIf / it.skipIf: the reason is printed once, and the condition is returned. */
export function skipReason(label: string, ...reasons: (string | null)[]): string | false {
  const r = reasons.filter(Boolean).join(' ; ');
  if (!r) return false;
  console.warn(`[${label}] ${r}`);
  return r;
}
