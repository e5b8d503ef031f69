import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { MessagerieTab } from './MessagerieTab';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Paramètres → Messagerie, the reception (IMAP) block', () => {
  it('sends the folder read and the folder where recorded messages are put away', async () => {
    const { calls } = fakeBridge({
      'messagerie.get': () => ({ value: null }),
      'messagerie.save': () => ({ value: { ok: true } }),
    });
    await render(<MessagerieTab />);
    await type(byLabel('Dossier relevé'), 'Mairie');
    await click(byLabel('rangé dans un autre dossier'));
    await type(byLabel('Dossier où ranger les messages enregistrés'), 'Archivés');
    await click(byText('button', 'Enregistrer'));
    expect(calls.find((c) => c.name === 'messagerie.save')?.args).toMatchObject({
      dossier: 'Mairie',
      marquage: { mode: 'dossier', dossier: 'Archivés' },
    });
  });
});
