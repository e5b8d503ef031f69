/**
 * A séance de signature as the élu lives it, in Debian's Chromium against the real core host and a fresh SoftHSM2
 * token: the secrétaire visas the délibérations, the maire's certificate is checked before any PIN (an expired
 * one refused), a wrong PIN then the right one, the whole batch signed with a result per document, a signed PDF
 * downloaded and verified by pdfsig/qpdf (shared verify-pdf-signatures). axe runs on every screen.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { softhsmMissing } from '../../test-support/signing/pki';
import { verifierMissing, verifyPdf, VERIFIER } from '../../test-support/signing/pdf-tools';
import { requireTool } from '../../test-support/support';
import {
  checkPage,
  chromiumMissing,
  clean,
  closeSession,
  downloadPdf,
  openSession,
  PDF_DIR,
  type Host,
} from './harness';
import { PASSWORD, seedParapheur, signedDeliberationPdfs, type Seeded } from './seed-parapheur';

const skip = chromiumMissing() ?? softhsmMissing();
if (skip) console.log(`e2e parapheur ignoré : ${skip}`);

describe.skipIf(!!skip)('parapheur and séance de signature in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let seed: Seeded;
  const main = () => page.getByRole('main');

  beforeAll(async () => {
    seed = await seedParapheur(fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-parapheur-')), 4);
    ({ host, browser, page } = await openSession({
      dataDir: seed.dataDir,
      now: '2026-11-23T09:00:00Z',
      account: { login: 'secretaire', password: PASSWORD },
    }));
  });
  afterAll(async () => {
    await closeSession({ host, browser });
    seed?.pki.cleanup();
  });
  afterEach((ctx) => checkPage(page, 'parapheur', ctx));

  it('the secrétaire visas the délibérations brought from the conseil', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Parapheur' }).click();
    await expect.poll(() => main().textContent(), { timeout: 10_000 }).toContain(seed.titres[0]);
    expect(await page.getByRole('radio', { name: 'À viser (4)' }).isChecked()).toBe(true);
    // the élu reads what he signed: pages drawn by pdf.js, from our own bundle (strict CSP)
    await page.getByRole('button', { name: `Afficher l’aperçu de « ${seed.titres[0]} »` }).click();
    await page
      .getByRole('img', { name: new RegExp(`, page 1 sur \\d+$`) })
      .first()
      .waitFor({ timeout: 15_000 });
    await clean(page, 'parapheur-06b-apercu');
    await page.getByRole('button', { name: `Masquer l’aperçu de « ${seed.titres[0]} »` }).click();
    await page
      .getByRole('button', { name: `Afficher le circuit et les commentaires de « ${seed.titres[0]} »` })
      .click();
    await expect.poll(() => main().textContent()).toMatch(/Visa du secrétariat \(?.*en attente/);
    await clean(page, 'parapheur-01-a-viser');
    for (const titre of seed.titres) {
      await page.getByRole('button', { name: `Viser « ${titre} »` }).click();
      await page.getByRole('button', { name: `Viser « ${titre} »` }).waitFor({ state: 'detached' });
    }
    await page.getByText('À signer (4)').click();
    await expect.poll(() => main().textContent()).toContain('Signature du président de séance');
    await clean(page, 'parapheur-02-a-signer');
  });

  it('séance: the certificate is checked before the PIN, a wrong PIN is said and never retried', async () => {
    await page.getByRole('button', { name: 'Ouvrir la séance de signature' }).click();
    await page.getByLabel('Signataire').selectOption({ label: 'Hélène Lefèvre (maire)' });
    await expect.poll(() => page.locator('input[type=radio]').count(), { timeout: 10_000 }).toBe(6);
    // the expired certificate of the same élu: refused before anyone types a PIN
    await page.locator('input[type=radio][value$=":03"]').check();
    await expect.poll(() => main().textContent()).toMatch(/Ce certificat a expiré le/);
    expect(await page.getByLabel('Code PIN de la clé').isDisabled()).toBe(true);
    await clean(page, 'parapheur-03-certificat-expire');
    await page.locator('input[type=radio][value$=":01"]').check();
    await expect.poll(() => main().textContent()).toMatch(/Certificat valable et au nom du signataire/);
    await page.getByLabel('Code PIN de la clé').fill('999999');
    await page.keyboard.press('Enter');
    await expect.poll(() => main().textContent()).toMatch(/Code PIN incorrect\./);
    expect(await page.getByLabel('Code PIN de la clé').inputValue()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await clean(page, 'parapheur-04-pin-incorrect');
    // typed again with the keyboard only: the focus is already in the field
    await page.keyboard.type(seed.pki.pin);
    await page.keyboard.press('Enter');
    await expect.poll(() => main().textContent(), { timeout: 10_000 }).toContain('Séance ouverte pour Hélène Lefèvre');
  });

  it('signs the batch of délibérations with a result per document; the PDF is verified by pdfsig', async (ctx) => {
    requireTool(ctx, verifierMissing());
    await page.getByLabel('Tout sélectionner (4 documents)').check();
    await clean(page, 'parapheur-05-selection');
    await page.getByRole('button', { name: 'Signer la sélection (4)' }).click();
    await expect.poll(() => page.getByTestId('resultats-signature').locator('li').count(), { timeout: 30_000 }).toBe(4);
    const lines = await page.getByTestId('resultats-signature').locator('li').allTextContents();
    for (const [i, titre] of seed.titres.entries())
      expect(lines[i]).toBe(`✓ Signé ${titre}Signé par Hélène Lefèvre (Maire, présidente de séance).`);
    expect(await main().textContent()).toContain('4 documents signés, 0 non signé.');
    expect(
      await page.getByRole('progressbar', { name: 'Avancement de la signature' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    await clean(page, 'parapheur-06-resultats');
    await page.getByRole('button', { name: 'Terminer la séance' }).click();
    await page.getByLabel('Signataire').waitFor();

    await page.getByRole('tab', { name: 'À traiter' }).click();
    await page.getByText('Signés (4)').click();
    const file = await downloadPdf(
      page,
      () => page.getByRole('button', { name: `Télécharger « ${seed.titres[0]} »` }).click(),
      'parapheur-deliberation-signee',
    );
    // the élu reads what he signed: pages drawn by pdf.js, from our own bundle (strict CSP)
    await page.getByRole('button', { name: `Afficher l’aperçu de « ${seed.titres[0]} »` }).click();
    await page
      .getByRole('img', { name: new RegExp(`, page 1 sur \\d+$`) })
      .first()
      .waitFor({ timeout: 15_000 });
    await clean(page, 'parapheur-06b-apercu');
    await page.getByRole('button', { name: `Masquer l’aperçu de « ${seed.titres[0]} »` }).click();
    await page
      .getByRole('button', { name: `Afficher le circuit et les commentaires de « ${seed.titres[0]} »` })
      .click();
    await expect.poll(() => main().textContent()).toMatch(/1 signature déjà apposée/);
    await clean(page, 'parapheur-07-signes');
    const v = spawnSync(VERIFIER, [file, seed.pki.caFile, '1'], { encoding: 'utf8' });
    expect(v.status, `${v.stdout}${v.stderr}`).toBe(0);
    expect(v.stdout).toMatch(/^OK: 1 signature/m);
    // and every délibération signed in this batch, not only the one downloaded
    const signed = signedDeliberationPdfs(seed.dataDir);
    expect(signed.map((d) => d.numero)).toEqual(['2026_041', '2026_042', '2026_043', '2026_044']);
    for (const d of signed) {
      const f = path.join(PDF_DIR, `e2e-parapheur-${d.numero}.pdf`);
      fs.writeFileSync(f, d.pdf);
      const r = verifyPdf(f, seed.pki.caFile, 1);
      expect(r.ok, r.out).toBe(true);
    }
  });

  it('the délégations register and the key settings pass axe', async () => {
    await page.getByRole('tab', { name: 'Délégations' }).click();
    await page.getByRole('button', { name: 'Enregistrer un arrêté de délégation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Délégataire (adjoint ou conseiller municipal)')
      .selectOption({ label: 'Noël Chevalier (adjoint)' });
    await dialog.getByLabel('Qualité portée sur la signature').fill('Adjoint au maire délégué');
    await dialog.getByLabel('courrier').check();
    await dialog.getByLabel('Numéro de l’arrêté').fill('A-2026-10');
    await dialog.getByLabel('Date de l’arrêté').fill('01/04/2026');
    await dialog.getByLabel('Début').fill('01/03/2026');
    await dialog.getByRole('button', { name: 'Enregistrer la délégation' }).click();
    await expect.poll(() => dialog.textContent()).toMatch(/au plus tôt le jour de l’arrêté/i);
    await clean(page, 'parapheur-08-delegation-erreur');
    await dialog.getByLabel('Début').fill('01/04/2026');
    await dialog.getByRole('button', { name: 'Enregistrer la délégation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => main().textContent()).toMatch(/Noël Chevalier.*Courrier.*n° A-2026-10.*En vigueur/);
    await clean(page, 'parapheur-09-delegations');
    // the revoke modal (arrêté rapporté): axe on it, then cancelled — the délégation stays in force
    await page.getByRole('button', { name: /^Rapporter l’arrêté n° A-2026-10/ }).click();
    await page.getByRole('dialog').getByLabel('Rapportée à compter du').waitFor();
    await clean(page, 'parapheur-09b-rapporter');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Clé et certificats' }).click();
    await page.getByRole('button', { name: 'Tester la clé' }).click();
    await expect
      .poll(() => main().textContent(), { timeout: 10_000 })
      .toMatch(/1 clé trouvée : MAIRIE-TEST \(6 certificats\)/);
    expect(await main().textContent()).toContain('Clocher Test RGS Root CA');
    await clean(page, 'parapheur-10-cle-et-certificats');
  });
});
