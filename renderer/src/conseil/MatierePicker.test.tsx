import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, flush, render, type } from '../testing/render';
import { PointModal } from './PointModal';
import type { Detail } from './types';

afterEach(() => {
  document.body.innerHTML = '';
});

const elus = [
  { id: 1, civilite: 'Mme', prenom: 'Hélène', nom: 'Lefèvre', fonction: 'maire', nomComplet: 'Mme Hélène Lefèvre' },
];
const m = (code: string, chemin: string) => ({ code, libelle: chemin.split(' › ').pop()!, chemin });

describe('PointModal matière picker', () => {
  it('typing « 7.1 » offers 7.1 before 1.7.1; « 5.2 » then Enter picks 5.2, not 1.5.2', async () => {
    const { calls } = fakeBridge({
      'conseil.classification': () => ({
        value: {
          date: '2024-01-01',
          natures: [],
          matieres: [
            m('1.5.2', 'Commande publique › Transactions › Protocole'),
            m('1.7.1', 'Commande publique › Actes spéciaux et divers › Divers'),
            m('5.2', 'Institutions et vie politique › Fonctionnement des assemblées'),
            m('7.1', 'Finances locales › Décisions budgétaires'),
          ],
        },
      }),
      'conseil.savePoint': () => ({ value: { pointId: 1 } }),
    });
    await render(
      <PointModal
        seanceId={1}
        point={null}
        elus={elus as unknown as Detail['elus']}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
    );
    const picker = () => byLabel('Matière (classification ACTES) *');
    // Typed by the user: the field has the focus (Mantine treats other writes as autofill).
    await act(async () => picker().focus());
    await type(picker(), '7.1');
    await flush();
    const offered = [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent ?? '');
    expect(offered[0]).toBe('7.1 — Finances locales › Décisions budgétaires');
    expect(offered.findIndex((o) => o.startsWith('1.7.1'))).toBeGreaterThan(0);
    await type(picker(), '5.2');
    await flush();
    await act(async () => {
      picker().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    });
    await flush();
    await type(byLabel('Objet du point *'), 'Règlement intérieur');
    await click(byText('button', 'Enregistrer le point'));
    expect(calls.at(-1)).toMatchObject({ name: 'conseil.savePoint', args: { point: { matiere: '5.2' } } });
  });
});
