import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { PlateformeTab } from './PlateformeTab';

afterEach(() => {
  document.body.innerHTML = '';
});

const configured = { value: { url: 'https://s2low.exemple.fr', login: 'mairie', certificat: true } };

describe('Paramètres → Plateforme', () => {
  it('never shows a secret back, and keeps the saved ones when left empty', async () => {
    const { calls } = fakeBridge({
      'sync.plateforme': () => configured,
      'sync.savePlateforme': () => ({ value: { ok: true } }),
    });
    await render(<PlateformeTab />);
    expect(byLabel('Adresse de la plateforme').value).toBe('https://s2low.exemple.fr');
    expect(byLabel('Mot de passe du certificat').value).toBe('');
    expect(byLabel('Mot de passe S²LOW').value).toBe('');
    expect(document.body.textContent).toContain('Un certificat est installé');
    await click(byText('button', 'Enregistrer'));
    expect(calls.find((c) => c.name === 'sync.savePlateforme')).toEqual({
      name: 'sync.savePlateforme',
      args: {
        url: 'https://s2low.exemple.fr',
        login: 'mairie',
        password: null,
        certificatUploadId: null,
        certificatPassword: null,
        caUploadId: null,
      },
    });
    expect(document.body.textContent).toContain('Réglages de la plateforme enregistrés.');
  });

  it('shows the French diagnosis of the connection test, step by step', async () => {
    fakeBridge({
      'sync.plateforme': () => configured,
      'sync.testConnexion': () => ({
        value: {
          ok: false,
          message: 'La plateforme refuse votre certificat : il lui est inconnu ou il a été révoqué.',
          steps: [
            {
              label: 'Certificat',
              ok: false,
              detail: 'La plateforme refuse votre certificat : il lui est inconnu ou il a été révoqué.',
            },
          ],
        },
      }),
    });
    await render(<PlateformeTab />);
    await click(byText('button', 'Tester la connexion'));
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('La connexion ne fonctionne pas');
    expect(alert?.textContent).toContain('✗ Certificat : échec');
    expect(alert?.textContent).toContain('il lui est inconnu ou il a été révoqué');
  });

  it('says, once and whole, that the account is another collectivité’s', async () => {
    const msg =
      "Ce compte de la plateforme appartient à « Commune de Sully », SIREN 214503161, et non à votre commune (SIREN 214502494). Vérifiez l'identifiant et le certificat saisis : ils doivent être ceux du compte de votre commune. Rien n'a été envoyé.";
    fakeBridge({
      'sync.plateforme': () => configured,
      'sync.testConnexion': () => ({
        value: {
          ok: false,
          message: msg,
          steps: [
            { label: 'Adresse', ok: true, detail: 'répond.' },
            { label: 'Compte', ok: false, detail: msg },
          ],
        },
      }),
    });
    await render(<PlateformeTab />);
    await click(byText('button', 'Tester la connexion'));
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('✗ Compte : échec');
    expect(alert?.textContent?.split('SIREN 214503161').length).toBe(2); // shown once, whole
    expect(alert?.textContent).toContain("Rien n'a été envoyé.");
  });

  it('saves a changed address before testing it; a wrong address comes back under its field', async () => {
    const { calls } = fakeBridge({
      'sync.plateforme': () => ({ value: null }),
      'sync.savePlateforme': () => ({
        error: {
          code: 'INVALID',
          message: 'Adresse de la plateforme : une adresse https:// complète.',
          fields: { url: 'Adresse de la plateforme : une adresse https:// complète.' },
        },
      }),
    });
    await render(<PlateformeTab />);
    expect(document.body.textContent).toContain('Aucun certificat n’est installé');
    await type(byLabel('Adresse de la plateforme'), 'http://s2low');
    await click(byText('button', 'Tester la connexion'));
    expect(calls.map((c) => c.name)).toEqual(['sync.plateforme', 'sync.savePlateforme']);
    expect(byLabel('Adresse de la plateforme').getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).toContain('une adresse https:// complète');
  });

  it('a working connection is confirmed in words', async () => {
    fakeBridge({
      'sync.plateforme': () => configured,
      'sync.testConnexion': () => ({
        value: {
          ok: true,
          message: 'La connexion à la plateforme fonctionne.',
          steps: [{ label: 'Droits', ok: true, detail: 'Le compte peut consulter et transmettre les actes.' }],
        },
      }),
    });
    await render(<PlateformeTab />);
    await click(byText('button', 'Tester la connexion'));
    expect(document.querySelector('[role="status"]')?.textContent).toContain(
      'La connexion à la plateforme fonctionne.',
    );
    expect(document.body.textContent).toContain('✓ Droits : réussi');
  });
});
