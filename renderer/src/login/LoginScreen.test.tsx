import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { LoginScreen } from './LoginScreen';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('LoginScreen', () => {
  it('shows the throttle message of the core in an alert', async () => {
    const message = "Trop d'essais de mot de passe. Par sécurité, attendez 21 secondes avant de réessayer.";
    const { calls } = fakeBridge({ 'auth.login': () => ({ error: { code: 'THROTTLED', message } }) });
    const onDone = vi.fn();
    await render(<LoginScreen onDone={onDone} />);
    await type(byLabel('Identifiant'), 'm.dupont');
    await type(byLabel('Mot de passe'), 'mauvais');
    await click(byText('button', 'Se connecter'));
    expect(calls).toEqual([{ name: 'auth.login', args: { login: 'm.dupont', password: 'mauvais' } }]);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(message);
    expect(onDone).not.toHaveBeenCalled();
    expect(byLabel('Identifiant').value).toBe('m.dupont');
  });

  it('explains what to do when the password is forgotten', async () => {
    fakeBridge({});
    await render(<LoginScreen onDone={() => undefined} />);
    await click(byText('button', 'Mot de passe oublié ?'));
    expect(document.body.textContent).toContain('appelez le support de Clocher');
  });
});
