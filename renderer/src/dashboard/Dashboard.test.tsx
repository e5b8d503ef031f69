/** The dashboard's rows (plain elements since issue 9): what arrived, and the tasks with their date and article. */
import { fakeBridge, render } from '../testing/render';
import { Dashboard } from './Dashboard';

const todo = (id: number, due_date: string | null, title: string, legal_ref: string | null) => ({
  id,
  due_date,
  title,
  legal_ref,
  object_type: 'conseil.seance',
  object_id: String(id),
});

it('shows each arrival with its source, and each task with « En retard », its date and its article', async () => {
  fakeBridge({
    'dashboard.get': () => ({
      value: {
        since: '2026-11-20T08:00:00.000Z',
        today: '2026-11-23',
        etatCivilDelivreesCeMois: 2,
        arrivals: [
          {
            id: 1,
            arrived_at: '2026-11-21',
            source: 'prefecture',
            title: 'AR de la délibération 2026-031',
            object_type: null,
            object_id: null,
          },
        ],
        todos: [
          todo(1, '2026-11-02', 'Publier la liste des délibérations de la séance du 26/10/2026', 'CGCT L2121-25'),
          todo(2, '2026-11-28', 'Envoyer les convocations de la séance du 04/12/2026', 'CGCT L2121-11'),
          todo(3, null, '3 délibérations à publier', null),
        ],
      },
    }),
  });
  await render(<Dashboard />);
  const items = (label: string) =>
    [...document.querySelectorAll(`section[aria-labelledby="${label}"] li`)].map((li) => li.textContent);
  expect(items('arrivals-title')).toEqual(['AR de la délibération 2026-031' + '21/11/2026 à 00:00 · Préfecture']);
  expect(items('todos-title')).toEqual([
    'En retardPublier la liste des délibérations de la séance du 26/10/2026Échéance dépassée : 02/11/2026 · CGCT L2121-25',
    'Envoyer les convocations de la séance du 04/12/2026Échéance : 28/11/2026 · CGCT L2121-11',
    '3 délibérations à publierSans échéance',
  ]);
  expect(document.querySelector('[data-testid="etat-civil-mois"]')?.textContent).toBe(
    'État civil : 2 demandes délivrées ce mois-ci.',
  );
  expect(document.querySelector('[data-testid="dashboard-ready"]')).not.toBeNull();
});

it('says so when nothing arrived and nothing is to do', async () => {
  fakeBridge({
    'dashboard.get': () => ({
      value: { since: null, today: '2026-11-23', etatCivilDelivreesCeMois: 0, arrivals: [], todos: [] },
    }),
  });
  await render(<Dashboard />);
  expect(document.body.textContent).toContain('Première ouverture de cette commune avec votre compte.');
  expect(document.body.textContent).toContain('Rien de nouveau.');
  expect(document.body.textContent).toContain('Rien à faire pour l’instant.');
});
