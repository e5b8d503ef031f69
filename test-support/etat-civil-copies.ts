/**
 * Fixtures of the counter's documents (issue 12): a commune with keyed acts and their mentions, built through
 * the real core, an EcCtx to call produceDocument directly, and the PDF read back (pdftotext -layout, qpdf --check).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts } from '@cantoo/pdf-lib';
import type { EcCtx } from '../main/etat-civil/context';
import type { MentionInput, PersonneInput } from '../main/etat-civil/schemas';
import { withCommune, type TestCore } from './helpers';
import { ok } from './etat-civil-client';
import { TEST_NOW, TEST_NOW_ISO, toolMissing } from './support';

export const copiesToolsMissing = toolMissing('pdftotext', 'qpdf', 'pdftoppm');

export type Fixture = TestCore & { communeId: string };
export const fixture = (): Promise<Fixture> => withCommune();

export function ecCtx(t: Fixture): EcCtx {
  const { db } = t.core.communes.get(t.communeId);
  return {
    db,
    docs: t.core.communes.documentsOf(t.communeId),
    now: TEST_NOW,
    today: TEST_NOW_ISO.slice(0, 10),
    actor: { login: 'secretaire', name: 'Martine Roux' },
    qualite: 'Secrétaire de mairie',
    audit: () => undefined,
  };
}

type P = Partial<PersonneInput> & Pick<PersonneInput, 'role' | 'rang' | 'nom' | 'prenoms'>;
const full = (p: P): PersonneInput => ({
  nom_partie1: null,
  nom_partie2: null,
  nom_usage: null,
  sexe: null,
  date_naissance: null,
  lieu_naissance: null,
  profession: null,
  domicile: null,
  ...p,
});
type ActeArgs = {
  type: 'naissance' | 'mariage' | 'deces' | 'reconnaissance';
  numero: number;
  date_acte: string;
  nom: string;
  prenoms: string;
  date_evenement: string;
  heure_evenement?: string;
  lieu_evenement: string;
  sexe?: 'M' | 'F';
  nom_conjoint?: string;
  prenoms_conjoint?: string;
  officier?: string;
};

/** Index then key an act (terminer: « saisi »). */
export async function keyedActe(t: Fixture, a: ActeArgs, personnes: P[]): Promise<number> {
  const { acteId } = await ok(t.client.call('etatCivil.createActe', { acte: a }));
  await ok(t.client.call('etatCivil.saisir', { acteId, acte: a, personnes: personnes.map(full), terminer: true }));
  return acteId;
}

/** A mention, validated unless `draft`. */
export async function mention(
  t: Fixture,
  acteId: number,
  m: Partial<MentionInput> & Pick<MentionInput, 'nature' | 'date'>,
  draft = false,
): Promise<number> {
  const { mentionId } = await ok(t.client.call('etatCivil.saveMention', { acteId, mentionId: null, mention: m }));
  if (!draft) await ok(t.client.call('etatCivil.validateMention', { mentionId }));
  return mentionId;
}

export const parent = (
  rang: number,
  prenoms: string,
  nom: string,
  sexe: 'M' | 'F',
  date_naissance: string,
  lieu_naissance: string,
): P => ({
  role: 'parent',
  rang,
  nom,
  prenoms,
  sexe,
  date_naissance,
  lieu_naissance,
  profession: 'agriculteur',
  domicile: 'Saint-Benoît-sur-Loire (Loiret)',
});

const OUT = path.join(__dirname, '..', 'test-results', 'pdfs');
/** The PDF written to test-results/pdfs/<name>.pdf, checked by qpdf, read back by pdftotext -layout. */
export function readBack(pdf: Uint8Array, name: string): { text: string; flat: string; file: string } {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('qpdf', ['--check', file], { stdio: 'pipe' }); // throws on a damaged file (exit code 2)
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  return { text, flat: text.replace(/\s+/g, ' '), file };
}

/** A register page as a scanner gives it: a one-page PDF, and the same as a JPEG (pdftoppm). */
export async function registerPage(label: string): Promise<{ pdf: Uint8Array; jpeg: Uint8Array }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([420, 595]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(label, { x: 40, y: 540, size: 16, font });
  page.drawRectangle({ x: 30, y: 30, width: 360, height: 490, borderWidth: 2, borderColor: rgb(0.2, 0.2, 0.2) });
  page.drawText('Le trois février mil neuf cent cinquante…', { x: 40, y: 480, size: 11, font });
  const pdf = await doc.save();
  fs.mkdirSync(OUT, { recursive: true });
  const base = path.join(OUT, `scan-${process.pid}`);
  fs.writeFileSync(`${base}.pdf`, pdf);
  execFileSync('pdftoppm', ['-jpeg', '-r', '50', '-singlefile', `${base}.pdf`, base]);
  return { pdf, jpeg: fs.readFileSync(`${base}.jpg`) };
}
