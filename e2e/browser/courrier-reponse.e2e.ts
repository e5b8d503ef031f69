/**
 * A reply to a citizen's letter, signed for real (issue 13: « a reply signed in the parapheur and registered as
 * départ »), in Debian's Chromium against the real core host and a fresh SoftHSM2 token: the secrétaire writes it
 * from a template, it goes to the parapheur, the maire signs it with her key's PIN in a séance de signature, and it
 * comes back to the register as a départ linked to the arrivée, which becomes « Répondu ». The signed PDF is
 * checked by the shared verifier (pdfsig + qpdf) and its merged fields read back with pdftotext.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { verifierMissing, VERIFIER } from '../../test-support/signing/pdf-tools';
import { requireTool } from '../../test-support/support';
import { validAccount, withCommune } from '../../test-support/helpers';
import {
  checkPage,
  chromiumMissing,
  clean,
  closeSession,
  downloadPdf,
  openSession,
  pdfText,
  pick,
  type Host,
} from './harness';

const skip = chromiumMissing() ?? softhsmMissing();
if (skip) console.log(`e2e réponse signée ignoré : ${skip}`);
const T = { timeout: 15_000 };

describe.skipIf(!!skip)(
  'a reply from a template, signed with the maire’s token, registered as départ (Chromium, SoftHSM)',
  () => {
    let host: Host;
    let browser: Browser;
    let page: Page;
    let pki: TestPki;
    const main = () => page.getByRole('main');
    const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name }).click();
    const objet = 'Demande d’autorisation de vide-grenier le 14 mars';

    beforeAll(async () => {
      pki = createTestPki(); // also sets SOFTHSM2_CONF, which the host inherits
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-reponse-'));
      const t = await withCommune(dir);
      try {
        for (const [name, args] of [
          ['signing.saveSettings', { modulePath: pki.module, trustedRoots: [pki.caPem] }],
          [
            'courrier.registerArrivee',
            {
              arrivee: {
                channel: 'papier',
                dateReception: '2026-11-20',
                correspondent: {
                  nom: 'Association Les Amis du Bourg',
                  adresse: '3 place de l’Église, 45730 Saint-Benoît-sur-Loire',
                },
                objet,
              },
            },
          ],
        ] as const) {
          const r = await t.client.call(name, args as never);
          if (!r.ok) throw new Error(r.error.message);
        }
      } finally {
        t.close();
      }
      ({ host, browser, page } = await openSession({
        dataDir: dir,
        now: '2026-11-23T09:00:00Z',
        account: validAccount,
      }));
    });
    afterAll(async () => {
      await closeSession({ host, browser });
      pki?.cleanup();
    });
    afterEach((ctx) => checkPage(page, 'reponse', ctx));

    it('the secrétaire writes the reply from the « Accord » template and sends it to the parapheur', async () => {
      await nav('Courrier');
      await page.getByRole('button', { name: 'Ouvrir le courrier A-2026-1' }).click();
      await pick(page, 'Modèle', 'Accord', main());
      await main()
        .getByLabel('Texte de la réponse')
        .fill('Le stationnement sera interdit place de l’Église de 6 h à 19 h.');
      await page.getByRole('button', { name: 'Envoyer au parapheur pour signature' }).click();
      await page
        .getByText('Réponse déposée dans le parapheur : elle sera enregistrée au départ une fois signée.')
        .waitFor(T);
      expect(await main().textContent()).toContain('En cours');
      await clean(page, 'reponse-01-parapheur');
    });

    it('the secrétaire visas it, then the maire signs it with her key’s PIN in a séance de signature', async () => {
      await nav('Parapheur');
      const titre = `Réponse : ${objet} (courrier n° 2026-1)`;
      await page.getByRole('button', { name: `Viser « ${titre} »` }).click();
      await page.getByRole('button', { name: `Viser « ${titre} »` }).waitFor({ state: 'detached' });
      await page.getByText('À signer (1)').click();
      await expect.poll(() => main().textContent(), T).toContain(`Réponse : ${objet}`);
      await page.getByRole('button', { name: 'Ouvrir la séance de signature' }).click();
      await page.getByLabel('Signataire').selectOption({ label: 'Hélène Lefèvre (maire)' });
      await expect.poll(() => page.locator('input[type=radio]').count(), T).toBeGreaterThan(1);
      await page.locator('input[type=radio][value$=":01"]').check();
      await expect.poll(() => main().textContent()).toMatch(/Certificat valable et au nom du signataire/);
      await page.getByLabel('Code PIN de la clé').fill(pki.pin);
      await page.keyboard.press('Enter');
      await expect.poll(() => main().textContent(), T).toContain('Séance ouverte pour Hélène Lefèvre');
      await page.getByLabel(/^Tout sélectionner \(1 document/).check();
      await page.getByRole('button', { name: 'Signer la sélection (1)' }).click();
      await expect.poll(() => main().textContent(), { timeout: 30_000 }).toContain('1 document signé, 0 non signé.');
      await clean(page, 'reponse-02-signee');
      await page.getByRole('button', { name: 'Terminer la séance' }).click();
    });

    it('the signed reply is a départ linked to the arrivée, now « Répondu »; its signature verifies', async (ctx) => {
      requireTool(ctx, verifierMissing());
      await nav('Courrier');
      await expect.poll(() => main().textContent(), T).toContain('D-2026-1');
      await page.getByRole('button', { name: 'Ouvrir le courrier A-2026-1' }).click();
      await expect.poll(() => main().textContent(), T).toContain(`Réponse : D-2026-1 Réponse : ${objet}`);
      expect(await main().textContent()).toContain('Répondu');
      await clean(page, 'reponse-03-arrivee-repondue');
      await page.getByRole('button', { name: '← Retour au registre' }).click();
      await page.getByRole('button', { name: 'Ouvrir le courrier D-2026-1' }).click();
      await expect.poll(() => main().textContent(), T).toContain(`Répond à : A-2026-1 ${objet}`);
      const file = await downloadPdf(
        page,
        () => page.getByRole('button', { name: 'reponse-2026-1-signee.pdf', exact: true }).click(),
        'courrier-reponse-signee',
      );
      await clean(page, 'reponse-04-depart');
      const v = spawnSync(VERIFIER, [file, pki.caFile, '1'], { encoding: 'utf8' });
      expect(v.status, `${v.stdout}${v.stderr}`).toBe(0);
      expect(v.stdout).toMatch(/^OK: 1 signature/m);
      // the template's fields merged from the arrivée and the commune
      const text = pdfText(file);
      for (const m of [
        'Saint-Benoît-sur-Loire, le 23/11/2026',
        'Association Les Amis du Bourg',
        `Par courrier reçu le 20/11/2026 (n° 2026-1), vous avez sollicité : ${objet}.`,
        'votre demande est acceptée',
        'Le stationnement sera interdit',
        'Hélène Lefèvre',
      ])
        expect(text).toContain(m);
    });
  },
);
