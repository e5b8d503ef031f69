/** Test helpers of the état civil: calls that throw on error values, accounts logged in another window. */
import { inProcessClient, type Client } from '../main/host/inprocess';
import type { Core } from '../main/host/core';

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
export async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
export async function err<T>(p: Promise<R<T>>): Promise<{ code: string; message: string }> {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const pw = (login: string) => `le mot de passe de ${login}`;
/** A new account in the open commune, then a window logged in as it (temporary password changed). */
export async function accountAs(
  t: { core: Core; client: Client },
  login: string,
  displayName: string,
  role: string,
  eluId: number | null = null,
): Promise<Client> {
  await ok(
    t.client.call('users.create', {
      account: { login, display_name: displayName, password: pw(login), password_confirm: pw(login) },
      role: role as 'maire',
      eluId,
    }),
  );
  const c = inProcessClient(t.core);
  await ok(c.call('auth.login', { login, password: pw(login) }));
  await ok(
    c.call('auth.changePassword', { current: pw(login), password: `${pw(login)}!`, password_confirm: `${pw(login)}!` }),
  );
  return c;
}

export const naissance = (numero: number, nom: string, prenoms: string, date = '2026-11-20') => ({
  type: 'naissance' as const,
  numero,
  date_acte: date,
  nom,
  prenoms,
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Why poppler's tools are missing, or null: PDF read-back tests skip with this reason. */
export const popplerMissing: string | null = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext (poppler-utils) absent : lecture des PDF ignorée';
  }
})();

/** A generated PDF read back by pdftotext; the file is kept in test-results/pdfs/ to look at. */
export function pdfText(base64: string, name: string): string {
  const dir = path.join(__dirname, '../../../test-results/pdfs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}
