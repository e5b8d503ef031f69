import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, flush, render, type } from '../testing/render';
import { KeySettings } from './KeySettings';

afterEach(() => {
  document.body.innerHTML = '';
});

const SAVED = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
const modules = {
  os: 'linux',
  connus: [{ vendor: 'OpenSC', tokens: 'cartes OpenSC', paths: { linux: [SAVED] } }],
  installes: [SAVED],
  configure: SAVED,
};
const tested = { ok: true, modulePath: SAVED, message: '1 clé trouvée : MAIRIE (1 certificat).', tokens: [] };

async function choose(select: HTMLSelectElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

describe('Clé et certificats: the core loads only the saved pilote', () => {
  it('« Tester la clé » names no library: the core tests the saved pilote', async () => {
    const { calls } = fakeBridge({
      'signing.modules': () => ({ value: modules }),
      'signing.settings': () => ({ value: { modulePath: SAVED, trustedRoots: [] } }),
      'signing.expiryWarnings': () => ({ value: [] }),
      'signing.test': () => ({ value: tested }),
    });
    await render(<KeySettings canWrite={false} />);
    await click(byText('button', 'Tester la clé'));
    expect(calls.filter((c) => c.name === 'signing.test').map((c) => c.args ?? {})).toEqual([{}]);
    expect(calls.some((c) => c.name === 'signing.saveSettings')).toBe(false);
    expect(document.body.textContent).toContain('1 clé trouvée');
  });

  it('another pilote is saved (checked by the core) before it is tested; a refusal is shown and nothing is tested', async () => {
    let saved: string | null = SAVED;
    const refusal =
      "Le chemin du pilote « pilote.so » n'est pas un chemin complet : indiquez-le depuis la racine (par exemple /usr/lib/libeTPkcs11.so).";
    const { calls } = fakeBridge({
      'signing.modules': () => ({ value: modules }),
      'signing.settings': () => ({ value: { modulePath: saved, trustedRoots: [] } }),
      'signing.expiryWarnings': () => ({ value: [] }),
      'signing.saveSettings': (a) => {
        const p = (a as { modulePath: string }).modulePath;
        if (!p.startsWith('/'))
          return { error: { code: 'INVALID', message: refusal, fields: { modulePath: refusal } } };
        saved = p;
        return { value: undefined };
      },
      'signing.test': () => ({ value: { ...tested, modulePath: saved } }),
    });
    await render(<KeySettings canWrite />);
    await choose(byLabel('Pilote') as unknown as HTMLSelectElement, '__autre');
    await type(byLabel('Chemin du module PKCS#11'), 'pilote.so');
    await click(byText('button', 'Enregistrer ce pilote et tester la clé'));
    expect(document.body.textContent).toContain(refusal);
    expect(calls.some((c) => c.name === 'signing.test')).toBe(false);
    await type(byLabel('Chemin du module PKCS#11'), '/opt/vendeur/libpilote.so');
    await click(byText('button', 'Enregistrer ce pilote et tester la clé'));
    expect(calls.filter((c) => c.name === 'signing.saveSettings').at(-1)!.args).toEqual({
      modulePath: '/opt/vendeur/libpilote.so',
      trustedRoots: [],
    });
    expect(calls.filter((c) => c.name === 'signing.test').map((c) => c.args ?? {})).toEqual([{}]);
    expect(document.body.textContent).toContain('1 clé trouvée'); // the result survives the reload after saving
  });
});
