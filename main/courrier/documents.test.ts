/** Each CRPA document's mentions, read back from the PDF with pdftotext (skipped, with the reason, without poppler). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MONTH_WORD } from '../../test-support/dates';
import { withCommune, type TestCore } from '../../test-support/helpers';

const noPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext (poppler-utils) est absent : les mentions des PDF ne peuvent pas être relues';
  }
})();
if (noPoppler) console.warn(`[courrier documents] skipped: ${noPoppler}`);

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function pdfText(base64: string, name: string): string {
  const dir = path.join(__dirname, '../../test-results/pdfs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `courrier-${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

const SERVICE = ['1 place de la Mairie', '45730', '02 38 35 70 00', 'mairie@saint-benoit.fr'];
const AGENT = ['Agent chargé du dossier : Martine Roux, Secrétaire de mairie', 'L111-2'];

describe.skipIf(noPoppler)('CRPA documents', () => {
  let t: TestCore & { communeId: string };
  beforeEach(async () => {
    t = await withCommune(); // Monday 2026-11-23
  });
  afterEach(() => t.close());

  const register = (over: Record<string, unknown> = {}) =>
    ok(
      t.client.call('courrier.registerArrivee', {
        arrivee: {
          channel: 'papier',
          dateReception: '2026-11-23',
          correspondent: { nom: 'Jérôme Bérard', email: 'jerome@example.org' },
          objet: 'Demande de concession au cimetière',
          ...over,
        },
      }),
    );

  it('paper AR (R112-5): receipt date, acceptance date, attestation right, service, agent; printed, not mailed', async () => {
    const { courrierId } = await register();
    const refused = await t.client.call('courrier.document', { courrierId, kind: 'ar' });
    expect(!refused.ok && refused.error.message).toMatch(/Classez d’abord.*R112-5/);
    await ok(t.client.call('courrier.classify', { courrierId, qualification: { classement: 'demande' } }));
    const doc = await ok(t.client.call('courrier.document', { courrierId, kind: 'ar' }));
    expect(doc.courriel).toBeNull();
    const text = pdfText(doc.base64, 'ar');
    for (const m of [
      'Accusé de réception',
      'R112-5',
      'Saint-Benoît-sur-Loire, le 23/11/2026',
      'reçu le 23/11/2026',
      'n° 2026-1',
      'réputée acceptée le 24/01/2027',
      'L232-3',
      ...SERVICE,
      ...AGENT,
    ])
      expect(text).toContain(m);
    expect(text, 'dates jj/mm/aaaa, never a month in words').not.toMatch(MONTH_WORD);
    expect((await ok(t.client.call('courrier.get', { courrierId }))).courrier.ar_le).toBe('2026-11-23');
  });

  it('SVR rejection AR gives délais et voies de recours; an état-civil copy needs none (L112-3)', async () => {
    const a = await register({ objet: 'Réclamation sur la facture d’eau' });
    await ok(
      t.client.call('courrier.classify', { courrierId: a.courrierId, qualification: { classement: 'reclamation' } }),
    );
    const text = pdfText(
      (await ok(t.client.call('courrier.document', { courrierId: a.courrierId, kind: 'ar' }))).base64,
      'ar-svr',
    );
    expect(text).toContain('réputée rejetée le 24/01/2027');
    expect(text).toContain('tribunal administratif');
    const b = await register({ objet: 'Copie intégrale d’acte de naissance' });
    await ok(
      t.client.call('courrier.classify', { courrierId: b.courrierId, qualification: { classement: 'verification' } }),
    );
    const r = await t.client.call('courrier.document', { courrierId: b.courrierId, kind: 'ar' });
    expect(!r.ok && r.error.message).toMatch(/L112-3, R112-4/);
  });

  it('AEE and ARE (R112-11-1/2) for an e-mail, queued to the sender', async () => {
    const { courrierId } = await register({ channel: 'courriel' });
    const aee = await ok(t.client.call('courrier.document', { courrierId, kind: 'aee' }));
    expect(aee.courriel).toBe('jerome@example.org');
    const aeeText = pdfText(aee.base64, 'aee');
    for (const m of [
      'Accusé d’enregistrement électronique',
      'R112-11-2',
      'reçu le 23/11/2026',
      'dix jours ouvrés',
      ...SERVICE,
      ...AGENT,
    ])
      expect(aeeText).toContain(m);
    expect(aeeText).not.toMatch(MONTH_WORD);
    await ok(t.client.call('courrier.classify', { courrierId, qualification: { classement: 'demande' } }));
    const are = pdfText((await ok(t.client.call('courrier.document', { courrierId, kind: 'are' }))).base64, 'are');
    for (const m of [
      'Accusé de réception électronique',
      'R112-11-1',
      'réputée acceptée le 24/01/2027',
      'sous réserve que votre demande soit complète',
      'L232-3',
      ...SERVICE,
      ...AGENT,
    ])
      expect(are).toContain(m);
    expect(are).not.toMatch(MONTH_WORD);
    const d = await ok(t.client.call('courrier.get', { courrierId }));
    expect(d.courriels.map((m) => m.kind)).toEqual(['aee', 'are']);
    expect(d.acks).toEqual([]);
  });

  it('missing pieces (L114-5) with the deadline, forwarding (L114-2), attestation of implicit acceptance (L232-3)', async () => {
    const a = await register();
    await ok(
      t.client.call('courrier.classify', { courrierId: a.courrierId, qualification: { classement: 'demande' } }),
    );
    await ok(
      t.client.call('courrier.requestPieces', {
        courrierId: a.courrierId,
        demande: { pieces: 'Copie de l’acte de décès\nJustificatif de domicile', delai: '2026-12-23' },
      }),
    );
    const p = pdfText(
      (await ok(t.client.call('courrier.document', { courrierId: a.courrierId, kind: 'pieces' }))).base64,
      'pieces',
    );
    for (const m of [
      'Demande de pièces manquantes',
      'avant le 23/12/2026',
      '– Copie de l’acte de décès',
      '– Justificatif de domicile',
      'ne court qu’à compter de la réception de ces pièces',
      'L114-5',
      ...AGENT,
    ])
      expect(p).toContain(m);

    const b = await register({ objet: 'Demande de carte grise' });
    await ok(
      t.client.call('courrier.classify', { courrierId: b.courrierId, qualification: { classement: 'demande' } }),
    );
    await ok(
      t.client.call('courrier.forward', {
        courrierId: b.courrierId,
        transmission: { administration: 'Préfecture du Loiret', adresse: '181 rue de Bourgogne, 45000 Orléans' },
      }),
    );
    const f = pdfText(
      (await ok(t.client.call('courrier.document', { courrierId: b.courrierId, kind: 'transmission' }))).base64,
      'transmission',
    );
    expect(p).not.toMatch(MONTH_WORD);
    for (const m of ['transmise le 23/11/2026', 'Préfecture du Loiret, 181 rue de Bourgogne', 'L114-2', ...AGENT])
      expect(f).toContain(m);
    expect(f).not.toMatch(MONTH_WORD);

    const c = await register({ objet: 'Demande d’autorisation de travaux' });
    await ok(
      t.client.call('courrier.classify', { courrierId: c.courrierId, qualification: { classement: 'demande' } }),
    );
    const early = await t.client.call('courrier.document', { courrierId: c.courrierId, kind: 'attestation' });
    expect(!early.ok && early.error.message).toMatch(/L232-3/);
    t.setNow('2027-01-25T09:00:00Z');
    const att = pdfText(
      (await ok(t.client.call('courrier.document', { courrierId: c.courrierId, kind: 'attestation' }))).base64,
      'attestation',
    );
    for (const m of [
      'Attestation de décision implicite d’acceptation',
      'née le 24/01/2027',
      'L232-3',
      'L231-1',
      ...SERVICE,
      ...AGENT,
    ])
      expect(att).toContain(m);
    expect(att).not.toMatch(MONTH_WORD);
  });
});
