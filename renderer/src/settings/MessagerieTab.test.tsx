import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { MessagerieTab } from './MessagerieTab';

afterEach(() => {
  document.body.innerHTML = '';
});

const stored = {
  adresse: 'mairie@saint-benoit.fr',
  nomExpediteur: 'Mairie de Saint-Benoît',
  identifiant: 'mairie@saint-benoit.fr',
  imap: { hote: 'imap.orange.fr', port: 993, securite: 'tls' },
  smtp: { hote: 'smtp.orange.fr', port: 465, securite: 'tls' },
  dossier: 'INBOX',
  marquage: { mode: 'mot_cle' },
  motDePasseEnregistre: true,
};

describe('Paramètres → Messagerie', () => {
  it('never shows the password back, keeps it when left empty, and says it is saved', async () => {
    const { calls } = fakeBridge({
      'messagerie.get': () => ({ value: stored }),
      'messagerie.save': () => ({ value: { ok: true } }),
    });
    await render(<MessagerieTab />);
    expect(byLabel('Serveur de réception').value).toBe('imap.orange.fr');
    expect(byLabel('Mot de passe de la messagerie').value).toBe('');
    expect(document.body.textContent).toContain('Laissez vide pour garder le mot de passe enregistré.');
    await click(byText('button', 'Enregistrer'));
    expect(calls.find((c) => c.name === 'messagerie.save')?.args).toEqual({
      adresse: 'mairie@saint-benoit.fr',
      nomExpediteur: 'Mairie de Saint-Benoît',
      identifiant: 'mairie@saint-benoit.fr',
      motDePasse: null,
      imap: { hote: 'imap.orange.fr', port: 993, securite: 'tls' },
      smtp: { hote: 'smtp.orange.fr', port: 465, securite: 'tls' },
      dossier: 'INBOX',
      marquage: { mode: 'mot_cle' },
    });
    expect(document.body.textContent).toContain('Réglages de la messagerie enregistrés.');
  });

  it('« Tester la connexion » tests what is on screen and shows each step in French', async () => {
    const { calls } = fakeBridge({
      'messagerie.get': () => ({ value: null }),
      'messagerie.tester': () => ({
        value: {
          ok: false,
          message:
            "La messagerie ne répond pas comme prévu : le serveur de réception (IMAP) refuse l'identifiant ou le mot de passe de la messagerie (Paramètres → Messagerie).",
          steps: [
            {
              label: 'Connexion au serveur de réception imap.exemple.fr:993',
              ok: false,
              detail:
                "le serveur de réception (IMAP) refuse l'identifiant ou le mot de passe de la messagerie (Paramètres → Messagerie)",
            },
          ],
        },
      }),
    });
    await render(<MessagerieTab />);
    await type(byLabel('Serveur de réception'), 'imap.exemple.fr');
    await type(byLabel('Mot de passe de la messagerie'), 'mot de passe');
    await click(byText('button', 'Tester la connexion'));
    expect(calls.find((c) => c.name === 'messagerie.tester')?.args).toMatchObject({
      imap: { hote: 'imap.exemple.fr', port: 993, securite: 'tls' },
      motDePasse: 'mot de passe',
    });
    expect(calls.some((c) => c.name === 'messagerie.save')).toBe(false);
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('✗ Connexion au serveur de réception imap.exemple.fr:993 : échec');
    expect(alert?.textContent).toContain("refuse l'identifiant ou le mot de passe");
  });

  it('a refusal of the core comes back under its field', async () => {
    const msg =
      "Serveur de réception : une connexion sans chiffrement n'est permise qu'avec un serveur sur cet ordinateur. Choisissez « TLS » ou « STARTTLS ».";
    fakeBridge({
      'messagerie.get': () => ({ value: stored }),
      'messagerie.save': () => ({
        error: { code: 'INVALID', message: msg, fields: { imapSecurite: 'Chiffrement obligatoire.' } },
      }),
    });
    await render(<MessagerieTab />);
    await click(byText('button', 'Enregistrer'));
    expect(document.body.textContent).toContain('Chiffrement obligatoire.');
    expect(document.body.textContent).not.toContain('Réglages de la messagerie enregistrés.');
  });
});
