import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { Wizard } from './Wizard';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Wizard', () => {
  it('shows the field errors returned by the core next to their fields, and keeps what was typed', async () => {
    const { calls } = fakeBridge({
      'setup.validateStep': () => ({
        error: {
          code: 'INVALID',
          message: '2 champs sont à corriger (indiqués en rouge).',
          fields: {
            'identity.siren': 'SIREN : ce numéro est invalide (sa clé de contrôle ne correspond pas).',
            'identity.departement': 'Département : le code INSEE 45270 est celui d’une commune du département 45.',
          },
        },
      }),
    });
    await render(<Wizard withAccount onDone={() => undefined} />);
    await type(byLabel('SIREN'), '214502495');
    await type(byLabel('Population'), '2048');
    await click(byText('button', 'Suivant'));

    expect(calls[0]).toEqual({ name: 'setup.validateStep', args: expect.objectContaining({ step: 'commune' }) });
    expect((calls[0]?.args as { data: { population: unknown } }).data.population).toBe(2048);
    const siren = byLabel('SIREN');
    expect(siren.getAttribute('aria-invalid')).toBe('true');
    const described = (siren.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).toContain('SIREN : ce numéro est invalide');
    expect(byLabel('Département').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('Nom de la commune').getAttribute('aria-invalid')).not.toBe('true');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('2 champs sont à corriger');
    expect(siren.value).toBe('214502495');
    expect(document.body.textContent).toContain('Étape 1 sur 4');
  });

  it('goes to the next step when the core accepts, and names the élus fields by row', async () => {
    fakeBridge({ 'setup.validateStep': () => ({ value: { ok: true } }) });
    await render(<Wizard withAccount={false} onDone={() => undefined} />);
    await click(byText('button', 'Suivant'));
    expect(document.body.textContent).toContain('Étape 2 sur 3');
    expect(document.querySelector('input[aria-label="mardi matin"]')).not.toBeNull();
    await click(byText('button', 'Suivant'));
    expect(byLabel('Nom (élu 1)')).toBeTruthy();
    await click(byText('button', 'Ajouter un élu'));
    expect(byLabel('Début du mandat (élu 2)')).toBeTruthy();
    expect(byText('button', 'Créer le dossier de la commune')).toBeTruthy();
  });
});
