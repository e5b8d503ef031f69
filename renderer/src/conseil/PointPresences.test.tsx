import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render } from '../testing/render';
import { Mouvements } from './PointPresences';
import type { Detail, Point } from './types';

afterEach(() => {
  document.body.innerHTML = '';
});

const elus = [
  { id: 1, civilite: 'Mme', prenom: 'Hélène', nom: 'Lefèvre', fonction: 'maire', nomComplet: 'Mme Hélène Lefèvre' },
  { id: 3, civilite: 'Mme', prenom: 'Zoé', nom: 'Martin', fonction: 'conseiller', nomComplet: 'Mme Zoé Martin' },
];
const point = { id: 10, seance_id: 7, rang: 4, interesses: [] } as unknown as Point;
const detail = {
  seance: { id: 7 },
  elus,
  mouvements: [{ id: 1, elu_id: 1, avant_rang: 2, type: 'depart' }],
} as unknown as Detail;

const select = async (label: string, value: string) => {
  const { act } = await import('react');
  const el = byLabel(label) as unknown as HTMLSelectElement;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
};

describe('Mouvements: who leaves for an item, who arrives or leaves before it', () => {
  it('sends the intéressés (L2131-11) and a movement counted from this item, and lists the earlier ones', async () => {
    const { calls } = fakeBridge({
      'conseil.setInteresses': () => ({ value: undefined }),
      'conseil.addMouvement': () => ({ value: undefined }),
    });
    let reloads = 0;
    await render(<Mouvements detail={detail} point={point} reload={async () => void reloads++} />);
    expect(document.body.textContent).toContain('Mme Hélène Lefèvre part avant le point 2');
    await click(byLabel('Mme Zoé Martin'));
    await click(byText('button', 'Enregistrer les intéressés'));
    expect(calls.find((c) => c.name === 'conseil.setInteresses')?.args).toEqual({ pointId: 10, eluIds: [3] });
    await select('Arrivée ou départ avant le point 4', '3');
    await select('Mouvement', 'arrivee');
    await click(byText('button', 'Enregistrer le mouvement'));
    expect(calls.find((c) => c.name === 'conseil.addMouvement')?.args).toEqual({
      seanceId: 7,
      mouvement: { eluId: 3, avantRang: 4, type: 'arrivee' },
    });
    expect(reloads).toBe(2);
  });
});
