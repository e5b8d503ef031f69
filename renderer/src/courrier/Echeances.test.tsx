import { afterEach, expect, it } from 'vitest';
import { fakeBridge, flush, render } from '../testing/render';
import { Echeances } from './Echeances';

afterEach(() => {
  document.body.innerHTML = '';
});

const base = { courrierId: 1, reference: 'A-2026-1', correspondant: 'Hélène Martin', objet: 'Demande de salle' };

it('shows each deadline with its article: late ones in red with « En retard », the others with working days left', async () => {
  fakeBridge({
    'courrier.echeances': () => ({
      value: {
        today: '2026-11-23',
        echeances: [
          {
            ...base,
            kind: 'ar',
            label: 'Accusé de réception',
            due: '2026-11-02',
            article: 'CRPA L112-3, R112-5',
            overdue: true,
            joursOuvres: -15,
          },
          {
            ...base,
            courrierId: 2,
            kind: 'aee',
            label: 'Accusé d’enregistrement électronique',
            due: '2026-11-23',
            article: 'CRPA R112-11-2',
            overdue: false,
            joursOuvres: 0,
          },
          {
            ...base,
            courrierId: 3,
            kind: 'are',
            label: 'Accusé de réception électronique',
            due: '2026-12-04',
            article: 'CRPA R112-11-2',
            overdue: false,
            joursOuvres: 9,
          },
        ],
      },
    }),
  });
  await render(<Echeances onOpen={() => undefined} />);
  await flush();
  const text = document.body.textContent ?? '';
  expect(text).toContain('En retard : échéance du 02/11/2026');
  expect(text).toContain('CRPA L112-3, R112-5');
  expect(text).toContain('Aujourd’hui');
  expect(text).toContain('Le 04/12/2026, dans 9 jours ouvrés');
  expect(document.querySelectorAll('.mantine-Badge-root')[0]?.textContent).toBe('En retard');
});
