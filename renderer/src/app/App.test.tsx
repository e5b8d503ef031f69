/** Start-up (issue 9): « Se connecter » → dashboard without a round trip of the window in between. */
import { setBridge, type ClocherBridge } from '../bridge';
import type { ReadyStatus } from '../lib/status';
import { byLabel, byText, click, flush, render, type } from '../testing/render';
import type { Reply } from '../../../main/api/types';
import { App } from './App';

// the shell's chunk loaded beforehand, so that React does not suspend outside act()
beforeAll(() => import('../shell/Shell'));

const commune = { id: '45270-saint-benoit', nom: 'Saint-Benoît-sur-Loire', code_insee: '45270', role: 'secretaire' };
const ready = (mustChangePassword = false) =>
  ({
    version: 'test',
    lockMinutes: 10,
    phase: 'ready',
    user: {
      login: 'secretaire',
      displayName: 'Martine Roux',
      mustChangePassword,
      eluId: null,
      managesInstallation: true,
    },
    communes: [commune],
    commune,
    permissions: ['commune.read'],
    problem: null,
    damage: null,
  }) as ReadyStatus;
const dashboard = { since: null, arrivals: [], todos: [], today: '2026-11-23', etatCivilDelivreesCeMois: 0 };

/**
 * A core whose answers the test lets go one by one (`release`), to see what the window sent before it heard
 * anything. `dashboard.get` is refused while the password must be changed, as the core does (checkAccountRules).
 */
function heldBridge(afterLogin: ReadyStatus) {
  const sent: string[] = [];
  const held: { name: string; go: () => void }[] = [];
  let loggedIn = false;
  let id = 0;
  const answer = (name: string): Reply => {
    const ok = (value: unknown) => ({ id: ++id, ok: true, value }) as Reply;
    if (name === 'app.status') return ok(loggedIn ? afterLogin : { version: 'test', lockMinutes: 10, phase: 'login' });
    if (name === 'auth.login') {
      loggedIn = true;
      return ok({ login: 'secretaire', displayName: 'Martine Roux', communeId: commune.id });
    }
    if (name === 'dashboard.get' && !afterLogin.user.mustChangePassword) return ok(dashboard);
    if (name === 'auth.changePassword') {
      afterLogin = ready(false);
      return ok({ ok: true });
    }
    return {
      id: ++id,
      ok: false,
      error: { code: 'FORBIDDEN', message: "Changez d'abord votre mot de passe temporaire." },
    };
  };
  const bridge: ClocherBridge = {
    call: (name) => {
      sent.push(name);
      return new Promise((resolve) => held.push({ name, go: () => resolve(answer(name)) }));
    },
    on: () => () => undefined,
  };
  setBridge(bridge);
  /** Let go of the oldest held answer of `name` (its reply reaches the window). */
  const release = async (name: string) => {
    const i = held.findIndex((h) => h.name === name);
    if (i < 0) throw new Error(`aucune réponse de ${name} en attente ; envoyés : ${sent.join(', ')}`);
    held.splice(i, 1)[0]?.go();
    await flush();
  };
  return { sent, release };
}

async function logIn(release: (name: string) => Promise<void>) {
  await release('app.status');
  await type(byLabel('Identifiant'), 'secretaire');
  await type(byLabel('Mot de passe'), 'un mot de passe assez long');
  await click(byText('button', 'Se connecter'));
  await release('auth.login');
}

describe('« Se connecter » → tableau de bord', () => {
  it('asks for the status and the dashboard together, and the dashboard uses that answer (one call)', async () => {
    const core = heldBridge(ready());
    await render(<App />);
    await logIn(core.release);
    // before the window hears its status, the dashboard is already asked for: no round trip in between
    expect(core.sent).toEqual(['app.status', 'auth.login', 'app.status', 'dashboard.get']);
    await core.release('app.status');
    await core.release('dashboard.get');
    await vi.waitFor(async () => {
      await flush(); // the shell is its own chunk
      expect(document.querySelector('[data-testid="dashboard-ready"]')).not.toBeNull();
    });
    expect(core.sent.filter((n) => n === 'dashboard.get')).toHaveLength(1);
  });

  it('a temporary password: the refused early answer is never shown, the dashboard asks again once changed', async () => {
    const core = heldBridge(ready(true));
    await render(<App />);
    await logIn(core.release);
    await core.release('app.status');
    await core.release('dashboard.get'); // refused by the core: the password must be changed first
    expect(document.body.textContent).toContain('Changer votre mot de passe');
    const pw = 'un nouveau mot de passe assez long';
    await type(byLabel('Mot de passe actuel'), 'un mot de passe assez long');
    await type(byLabel('Nouveau mot de passe'), pw);
    await type(byLabel('Confirmation du nouveau mot de passe'), pw);
    await click(byText('button', 'Enregistrer le nouveau mot de passe'));
    await core.release('auth.changePassword');
    await core.release('app.status');
    await vi.waitFor(async () => {
      await flush();
      expect(core.sent.filter((n) => n === 'dashboard.get')).toHaveLength(2);
    });
    await core.release('dashboard.get');
    expect(document.querySelector('[data-testid="dashboard-ready"]')).not.toBeNull();
    expect(document.body.textContent).not.toContain("Changez d'abord votre mot de passe temporaire.");
  });
});
