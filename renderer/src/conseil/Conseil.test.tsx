import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render, type } from '../testing/render';
import { Convocation } from './Convocation';
import { PointLive } from './PointLive';
import { PointModal } from './PointModal';
import type { Detail, Point } from './types';

// jsdom has no FontFaceSet; Mantine's autosize Textarea listens to it (renderer/test-setup.ts could carry this stub).

afterEach(() => {
  document.body.innerHTML = '';
});

const elus = [
  { id: 1, civilite: 'Mme', prenom: 'Hélène', nom: 'Lefèvre', fonction: 'maire', nomComplet: 'Mme Hélène Lefèvre' },
  { id: 2, civilite: 'M.', prenom: 'Noël', nom: 'Chevalier', fonction: 'adjoint', nomComplet: 'M. Noël Chevalier' },
  { id: 3, civilite: 'Mme', prenom: 'Zoé', nom: 'Martin', fonction: 'conseiller', nomComplet: 'Mme Zoé Martin' },
];

const point = (over: Partial<Point> = {}): Point =>
  ({
    id: 10,
    seance_id: 1,
    rang: 4,
    titre: 'Subvention au comité des fêtes',
    rapporteur_elu_id: null,
    projet: '',
    matiere: '7.5',
    icpe: 0,
    compte_administratif: 0,
    scrutin: 'main_levee',
    statut: 'a_examiner',
    annexes: [],
    interesses: [],
    vote: null,
    tours: [],
    deliberation: null,
    situation: null,
    ...over,
  }) as Point;

const detail = (over: Record<string, unknown> = {}): Detail =>
  ({
    seance: {
      id: 1,
      date: '2026-11-27',
      heure: '20:30',
      lieu: 'Mairie',
      nature: 'ordinaire',
      statut: 'preparation',
      reconvocation_de: null,
      urgence_motif: null,
      convocation_affichee_le: null,
      liste_publiee_le: null,
    },
    elus,
    points: [point()],
    presences: {},
    mouvements: [],
    pouvoirs: [],
    secretaires: [],
    pv: null,
    echeances: { liste: null, pv: null },
    reconvocations: [],
    convocationLe: null,
    convocation: {
      rule: { joursFrancs: 3, article: 'L2121-11', noteDeSynthese: false },
      dernierJourEnvoi: '2026-11-23',
      aujourdhui: { ok: true, message: 'ok' },
      envois: [],
      manquants: [1, 2, 3],
      afficheeLe: null,
    },
    ...over,
  }) as unknown as Detail;

const noop = async () => undefined;

describe('Convocation', () => {
  it('warns in red, with the rule’s own message, when it is too late to convoke', async () => {
    fakeBridge({});
    const message =
      'Trop tard : la convocation devait partir au plus tard le lundi 23/11/2026 — 3 jours francs (art. L2121-11 CGCT).';
    const d = detail();
    const late = { ...d, convocation: { ...d.convocation, aujourdhui: { ok: false, message } } } as unknown as Detail;
    await render(<Convocation detail={late} canWrite reload={noop} onOpen={() => undefined} />);
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Trop tard pour convoquer');
    expect(alert?.textContent).toContain(message);
    expect(document.body.textContent).toContain('Dernier jour d’envoi : lundi 23/11/2026');
  });
});

describe('PointLive', () => {
  it('shows the quorum message and disables the vote when quorum is not reached', async () => {
    fakeBridge({});
    const quorum = {
      reached: false,
      required: 2,
      counted: 1,
      message: 'Quorum non atteint : 1 présent sur 3 en exercice, il en faut au moins 2 (art. L2121-17 CGCT).',
    };
    const p = point({
      situation: {
        attendance: { enExercice: 3, presents: [1], retires: [], representes: [], votants: 1 },
        quorum,
      } as Point['situation'],
    });
    const d = detail({ points: [p], seance: { ...detail().seance, statut: 'en_cours' } });
    await render(<PointLive detail={d} point={p} canWrite reload={noop} onNext={null} />);
    expect([...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ')).toContain(
      quorum.message,
    );
    expect(byText('button', 'Enregistrer le vote').closest('button')?.disabled).toBe(true);
    expect(byText('button', 'Reporter le point').closest('button')?.disabled).toBe(false);
  });

  it('lets the vote through when quorum is reached', async () => {
    const { calls } = fakeBridge({
      'conseil.vote': () => ({ value: { deliberationId: 1, numero: '2026_004', message: 'Adopté à l’unanimité.' } }),
    });
    const quorum = {
      reached: true,
      required: 2,
      counted: 2,
      message: 'Quorum atteint : 2 présents sur 3 en exercice, il en faut 2 (art. L2121-17 CGCT).',
    };
    const p = point({
      situation: {
        attendance: { enExercice: 3, presents: [1, 2], retires: [], representes: [], votants: 2 },
        quorum,
      } as Point['situation'],
    });
    const d = detail({ points: [p], seance: { ...detail().seance, statut: 'en_cours' } });
    await render(<PointLive detail={d} point={p} canWrite reload={noop} onNext={null} />);
    // the form starts empty: the secrétaire states the counts (here with « Unanimité »)
    await click(byText('button', 'Unanimité'));
    await click(byText('button', 'Enregistrer le vote'));
    expect(calls.find((c) => c.name === 'conseil.vote')?.args).toEqual({
      pointId: 10,
      vote: { pour: 2, contre: 0, abstention: 0, presidentChoix: null },
    });
    expect(document.body.textContent).toContain('Délibération n° 2026_004 : Adopté à l’unanimité.');
  });
});

describe('PointModal', () => {
  it('shows the core’s field messages next to the fields and keeps what was typed', async () => {
    const { calls } = fakeBridge({
      'conseil.classification': () => ({
        value: {
          date: '2024-01-01',
          natures: [],
          matieres: [
            { code: '7', libelle: 'Finances', chemin: 'Finances' },
            { code: '7.1', libelle: 'Budget', chemin: 'Finances › Budget' },
          ],
        },
      }),
      'conseil.savePoint': () => ({
        error: {
          code: 'INVALID',
          message: '2 champs sont à corriger (indiqués en rouge).',
          fields: {
            titre: 'Objet du point : 500 caractères au plus.',
            matiere: 'Matière : choisissez-la dans la classification ACTES.',
          },
        },
      }),
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
    await type(byLabel('Objet du point *'), 'Budget primitif');
    await click(byText('button', 'Enregistrer le point'));
    expect(calls.at(-1)?.name).toBe('conseil.savePoint');
    const text = document.body.textContent ?? '';
    expect(text).toContain('2 champs sont à corriger');
    expect(text).toContain('Objet du point : 500 caractères au plus.');
    expect(text).toContain('Matière : choisissez-la dans la classification ACTES.');
    expect(byLabel('Objet du point *').value).toBe('Budget primitif');
    expect(byLabel('Objet du point *').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('SeanceFormModal', () => {
  it('edits a séance in preparation through conseil.updateSeance, keeping what was typed on error', async () => {
    const { calls } = fakeBridge({
      'conseil.updateSeance': () => ({
        error: {
          code: 'INVALID',
          message: 'Date de la séance : elle est passée.',
          fields: { date: 'Date de la séance : elle est passée.' },
        },
      }),
    });
    const { SeanceFormModal } = await import('./SeanceFormModal');
    await render(
      <SeanceFormModal
        editId={1}
        initial={{ date: '2026-11-27', heure: '20:30', lieu: 'Mairie', nature: 'ordinaire' }}
        onClose={() => undefined}
        onCreated={() => undefined}
      />,
    );
    expect(document.body.textContent).toContain('Modifier la séance');
    await type(byLabel('Lieu *'), 'Salle des fêtes');
    await click(byText('button', 'Enregistrer'));
    expect(calls.find((c) => c.name === 'conseil.updateSeance')?.args).toMatchObject({
      seanceId: 1,
      seance: { lieu: 'Salle des fêtes', date: '2026-11-27' },
    });
    expect(document.body.textContent).toContain('Date de la séance : elle est passée.');
    expect(byLabel('Lieu *').value).toBe('Salle des fêtes');
  });
});
