import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { TransferPanel } from './TransferPanel';

afterEach(() => {
  document.body.innerHTML = '';
});

const PASS = 'quatre mots pour la clé';

describe('Paramètres → Sauvegardes → Exporter pour un autre PC', () => {
  it('exports only with a passphrase long enough and typed twice the same, and says where the file is', async () => {
    const { calls } = fakeBridge({
      'backup.export': () => ({ value: { file: '/data/exports/45270-x_2026-11-23.clocher-export', name: 'x' } }),
    });
    await render(<TransferPanel onImported={async () => undefined} />);
    const button = byText('button', 'Exporter pour un autre PC') as HTMLButtonElement;
    await type(byLabel('Phrase de passe'), 'court');
    expect(document.body.textContent).toContain('Au moins 12 caractères');
    expect(button.disabled).toBe(true);
    await type(byLabel('Phrase de passe'), PASS);
    await type(byLabel('Phrase de passe (encore une fois)'), `${PASS}!`);
    expect(document.body.textContent).toContain('Les deux saisies sont différentes.');
    expect(button.disabled).toBe(true);
    await type(byLabel('Phrase de passe (encore une fois)'), PASS);
    expect(button.disabled).toBe(false);
    await click(button);
    expect(calls.find((c) => c.name === 'backup.export')).toEqual({
      name: 'backup.export',
      args: { passphrase: PASS },
    });
    expect(document.body.textContent).toContain('Export prêt : /data/exports/45270-x_2026-11-23.clocher-export');
  });
});
