import { describe, expect, it } from 'vitest';
import { byText, click, fakeBridge, flush, render } from '../testing/render';
import { Modeles } from './Modeles';

const builtin = { code: 'refus', titre: 'Refus motivé', corps: '{{texte}}', builtin: 1, archiveLe: null, reponses: 3 };
const relance = {
  code: 'relance',
  titre: 'Relance pour pièces',
  corps: '{{texte}}',
  builtin: 0,
  archiveLe: null,
  reponses: 0,
};
const ancien = {
  code: 'ancien',
  titre: 'Ancienne relance',
  corps: '{{texte}}',
  builtin: 0,
  archiveLe: '2026-11-20T09:00:00.000Z',
  reponses: 2,
};
const QUESTION =
  'Le modèle « Relance pour pièces » n’a servi à aucune réponse : il sera supprimé définitivement. Supprimer ce modèle ?';
const buttonLabels = () => [...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));

/** The core as courrier.deleteModele answers: CONFIRM with its message first, then the result. */
function core() {
  let list = [builtin, relance, ancien];
  return fakeBridge({
    'courrier.modeles': () => ({ value: list }),
    'courrier.champsModele': () => ({ value: [] }),
    'courrier.deleteModele': (args) => {
      const a = args as { code: string; confirm: boolean };
      if (!a.confirm) return { error: { code: 'CONFIRM', message: QUESTION } };
      list = list.filter((m) => m.code !== a.code);
      return { value: { resultat: 'supprime', reponses: 0 } };
    },
  });
}

describe('« Modèles de réponse »: removing a template of the commune', () => {
  it('only the commune’s own templates in use offer « Supprimer »; an archived one says when and why it stays', async () => {
    core();
    await render(<Modeles canWrite />);
    expect(buttonLabels()).toContain('Supprimer le modèle « Relance pour pièces »');
    expect(buttonLabels()).not.toContain('Supprimer le modèle « Refus motivé »');
    expect(buttonLabels().filter((l) => l?.includes('Ancienne relance'))).toEqual([]);
    expect(document.body.textContent).toContain(
      'Ancienne relanceArchivé le 20/11/2026 (2 réponses faites avec ce modèle)',
    );
  });

  it('nothing to remove for who may not write', async () => {
    core();
    await render(<Modeles canWrite={false} />);
    expect(buttonLabels().filter((l) => l?.startsWith('Supprimer'))).toEqual([]);
  });

  it('the core’s question opens on « Annuler » (a stray Enter deletes nothing); « Confirmer » deletes and says so', async () => {
    const { calls } = core();
    await render(<Modeles canWrite />);
    const del = () =>
      document.querySelector<HTMLButtonElement>('button[aria-label="Supprimer le modèle « Relance pour pièces »"]')!;
    await click(del());
    await flush();
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain(QUESTION);
    expect(document.activeElement?.textContent).toBe('Annuler');
    await click(byText('button', 'Annuler'));
    await flush();
    expect(calls.filter((c) => c.name === 'courrier.deleteModele').map((c) => c.args)).toEqual([
      { code: 'relance', confirm: false },
    ]);
    await click(del());
    await flush();
    await click(byText('button', 'Confirmer'));
    await flush();
    expect(calls.filter((c) => c.name === 'courrier.deleteModele').map((c) => c.args)).toEqual([
      { code: 'relance', confirm: false },
      { code: 'relance', confirm: false },
      { code: 'relance', confirm: true },
    ]);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Modèle « Relance pour pièces » supprimé.');
    expect(buttonLabels()).not.toContain('Supprimer le modèle « Relance pour pièces »'); // the list was read again
  });
});
