import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, click, fakeBridge, flush, render, type } from '../testing/render';
import { Recherche } from './Recherche';

afterEach(() => {
  document.body.innerHTML = '';
});

const row = (i: number) => ({
  id: i + 1,
  type: 'naissance',
  annee: 1990,
  numero: i + 1,
  date_acte: '1990-01-02',
  statut: 'indexe',
  titulaire: `Anne NOM${i}`,
});

describe('Recherche', () => {
  it('searches as you type and draws only the rows in view of 10,000 results', async () => {
    const { calls } = fakeBridge({
      'etatCivil.search': () => ({ value: { rows: Array.from({ length: 10_000 }, (_, i) => row(i)), more: false } }),
    });
    const opened: number[] = [];
    await render(<Recherche onOpen={(id) => opened.push(id)} onIndexer={() => undefined} />);
    await type(byLabel('Rechercher un acte'), 'lef');
    await flush();
    expect(calls).toEqual([{ name: 'etatCivil.search', args: { q: 'lef', limit: 10_000 } }]);
    expect(document.body.textContent).toMatch(/10\s000 actes trouvés\./);
    const items = document.querySelectorAll('[role="listitem"]');
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(40);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('10000');
    // the reply carries the kind, not its label (main/etat-civil/search.ts): the window names it
    expect(items[0]!.textContent).toMatch(/^Naissance02\/01\/1990Anne NOM0n° 1 \/ 1990Indexé$/);
    await click(items[0]!.querySelector('button')!);
    expect(opened).toEqual([1]);
  });

  it('shows the core’s French refusal', async () => {
    fakeBridge({
      'etatCivil.search': () => ({
        error: {
          code: 'FORBIDDEN',
          message: 'L’état civil n’est accessible qu’à la secrétaire de mairie et aux officiers de l’état civil.',
        },
      }),
    });
    await render(<Recherche onOpen={() => undefined} onIndexer={() => undefined} />);
    await type(byLabel('Rechercher un acte'), 'x');
    await flush();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('officiers de l’état civil');
  });
});
