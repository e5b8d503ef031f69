import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { byLabel, byText, click, fakeBridge, flush, render } from '../testing/render';
import { AccountsTab } from './AccountsTab';
import { SecurityTab } from './SecurityTab';

afterEach(() => {
  document.body.innerHTML = '';
});

const account = (id: number, login: string, display_name: string, role: string, mine: boolean) => ({
  id,
  login,
  display_name,
  role,
  must_change_password: 0,
  elu_id: null,
  canChangeRole: mine,
  canResetPassword: mine,
});

/** What the core answers a maire: the secrétaire is above him, the conseiller is his to manage. */
const asMaire = {
  value: {
    accounts: [
      account(1, 'secretaire', 'Martine Roux', 'secretaire', false),
      account(2, 'n.menard', 'Loïc Ménard', 'conseiller', true),
    ],
    grantable: ['maire', 'adjoint', 'conseiller'],
  },
};

const select = (label: string) => {
  const el = document.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`);
  if (!el) throw new Error(`aucune liste « ${label} »`);
  return el;
};
const options = (select: HTMLElement) => [...select.querySelectorAll('option')].map((o) => o.textContent);

describe('Paramètres → Comptes', () => {
  it('offers only the roles the core says are grantable, and no reset for an account above the user', async () => {
    fakeBridge({ 'users.list': () => asMaire, 'commune.get': () => ({ value: { elus: [] } }) });
    await render(<AccountsTab />);
    const secretaire = select('Rôle de Martine Roux');
    expect(secretaire.disabled).toBe(true);
    expect(options(secretaire)).toEqual(['Secrétaire de mairie']);
    expect(document.querySelector('[aria-label="Réinitialiser le mot de passe de Martine Roux"]')).toBeNull();
    const conseiller = select('Rôle de Loïc Ménard');
    expect(conseiller.disabled).toBe(false);
    expect(options(conseiller)).toEqual(['Maire', 'Adjoint', 'Conseiller municipal', 'Aucun accès à cette commune']);
    expect(document.querySelector('[aria-label="Réinitialiser le mot de passe de Loïc Ménard"]')).not.toBeNull();
    await click(byText('button', 'Créer un compte'));
    expect(options(byLabel('Rôle dans la commune'))).toEqual(['Maire', 'Adjoint', 'Conseiller municipal']);
  });

  it('shows the core’s refusal in French when a role change is refused anyway', async () => {
    const { calls } = fakeBridge({
      'users.list': () => asMaire,
      'users.setRole': () => ({
        error: {
          code: 'FORBIDDEN',
          message: 'Seule la secrétaire de mairie peut donner le rôle de secrétaire de mairie.',
        },
      }),
    });
    await render(<AccountsTab />);
    const conseiller = select('Rôle de Loïc Ménard');
    await act(async () => {
      conseiller.value = 'adjoint';
      conseiller.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(calls.find((c) => c.name === 'users.setRole')?.args).toEqual({ userId: 2, role: 'adjoint' });
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Seule la secrétaire de mairie');
  });
});

describe('Paramètres → Sécurité', () => {
  const status = (managesInstallation: boolean) => ({ value: { phase: 'ready', user: { managesInstallation } } });

  it('lets only whoever manages the installation change the lock delay', async () => {
    fakeBridge({ 'settings.get': () => ({ value: { lockMinutes: 10 } }), 'app.status': () => status(false) });
    await render(<SecurityTab onSaved={async () => undefined} />);
    expect(byLabel('Délai avant verrouillage (minutes)').readOnly).toBe(true);
    expect(document.body.textContent).toContain('vaut pour toutes les communes de cette installation');
    document.body.innerHTML = '';
    fakeBridge({ 'settings.get': () => ({ value: { lockMinutes: 10 } }), 'app.status': () => status(true) });
    await render(<SecurityTab onSaved={async () => undefined} />);
    expect(byLabel('Délai avant verrouillage (minutes)').readOnly).toBe(false);
    expect(document.body.textContent).not.toContain('vaut pour toutes les communes de cette installation');
  });
});
