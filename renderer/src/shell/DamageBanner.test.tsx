import { Shell } from './Shell';
import type { ReadyStatus } from '../lib/status';
import { byText, click, fakeBridge, flush, render } from '../testing/render';

const DAMAGE = {
  code: 'DB_CORRUPT' as const,
  message:
    'Le dossier de la commune est endommagé : Clocher y a trouvé des pages illisibles. Vous pouvez encore consulter les dossiers, mais aucune modification n’est enregistrée : restaurez une sauvegarde (Paramètres › Sauvegardes) ou appelez le support.',
};

function status(damage: ReadyStatus['damage'], permissions: ReadyStatus['permissions']): ReadyStatus {
  const commune = { id: '45270-saint-benoit', nom: 'Saint-Benoît-sur-Loire', code_insee: '45270', role: 'secretaire' };
  return {
    version: 'test',
    lockMinutes: 10,
    phase: 'ready',
    user: {
      login: 'secretaire',
      displayName: 'Martine Roux',
      mustChangePassword: false,
      eluId: null,
      managesInstallation: true,
    },
    communes: [commune],
    commune,
    permissions,
    problem: null,
    damage,
  } as ReadyStatus;
}

/** Issue 9: the check runs after login; damage found then is shown above every page, with the way to a backup. */
describe('the banner of a commune found damaged after login', () => {
  it('says so in French, keeps the page, and opens the restore screen for whoever may restore', async () => {
    const bridge = fakeBridge({
      'dashboard.get': () => ({ error: { code: 'DB_CORRUPT', message: 'Le dossier de la commune est endommagé.' } }),
      'backup.list': () => ({ value: [] }),
    });
    await render(<Shell status={status(DAMAGE, ['commune.read', 'backup.manage'])} refresh={async () => undefined} />);
    const banner = [...document.querySelectorAll('[role="alert"]')].find((e) =>
      e.textContent?.startsWith('Le dossier de la commune est endommagé'),
    );
    if (!banner) throw new Error('pas de bandeau');
    expect(banner.textContent).toContain('restaurez une sauvegarde');
    expect(banner.textContent).toContain('aucune modification n’est enregistrée');
    expect(bridge.calls.map((c) => c.name)).toContain('dashboard.get'); // reads go on: the page is still there
    await click(byText('button', 'Choisir une sauvegarde à restaurer'));
    await vi.waitFor(async () => {
      await flush(); // the restore screen is its own chunk
      expect(document.body.textContent).toContain('Le dossier de Saint-Benoît-sur-Loire est endommagé');
    });
    expect(document.body.textContent).not.toContain('Choisir une sauvegarde à restaurer');
    expect(bridge.calls.map((c) => c.name)).toContain('backup.list');
  });

  it('tells an élu who may not restore to warn the secrétaire; no banner when the commune is sound', async () => {
    fakeBridge({ 'dashboard.get': () => ({ error: { code: 'INTERNAL', message: 'x' } }) });
    await render(<Shell status={status(DAMAGE, ['commune.read'])} refresh={async () => undefined} />);
    expect(document.body.textContent).toContain('prévenez-la');
    expect(
      [...document.querySelectorAll('button')].some((b) => /sauvegarde à restaurer/.test(b.textContent ?? '')),
    ).toBe(false);
    document.body.innerHTML = '';
    fakeBridge({ 'dashboard.get': () => ({ error: { code: 'INTERNAL', message: 'x' } }) });
    await render(<Shell status={status(null, ['commune.read'])} refresh={async () => undefined} />);
    expect(document.body.textContent).not.toContain('aucune modification n’est enregistrée');
  });
});
