import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, byText, click, fakeBridge, flush, render, type } from '../../testing/render';
import { DemandePage } from './DemandePage';

/** A request by post for an extrait avec filiation, waiting for the parents' names (as the core reads it back). */
const MANQUANTS = [
  { champ: 'parent1_nom', label: 'Nom et prénoms du premier parent', article: 'décret n° 2017-890, art. 29' },
  { champ: 'parent2_nom', label: 'Nom et prénoms du second parent', article: 'décret n° 2017-890, art. 29' },
];
const RENSEIGNEMENTS = {
  nom: 'Martin',
  prenoms: 'Jean Louis',
  dateNaissance: '1958-03-14',
  lieuNaissance: 'Saint-Benoît-sur-Loire',
  parent1Nom: null,
  parent1Prenoms: null,
  parent2Nom: null,
  parent2Prenoms: null,
  unSeulParent: false,
  dateEvenement: null,
  lieuEvenement: null,
  declarantNom: null,
  declarantPrenoms: null,
  decesConnuLe: null,
};
const demande = (over: Record<string, unknown> = {}) => ({
  id: 4,
  annee: 2026,
  numero: 4,
  reference: '2026-4',
  canal: 'courrier',
  recueLe: '2026-11-16',
  demandeur: {
    nom: 'Martin',
    prenoms: 'Jean Louis',
    adresse: '3 rue des Tilleuls',
    qualite: 'personne_elle_meme',
    civilite: 'M.',
    mandatEcrit: false,
    jugementHabilitation: false,
    texteInvoque: null,
    autorisationArchives: false,
    mandatGenealogiste: false,
    client: null,
  },
  acteId: 1,
  acteType: 'naissance',
  renseignements: RENSEIGNEMENTS,
  document: 'extrait_avec_filiation',
  tousMariages: false,
  nationalite: false,
  exemplaires: 2,
  livraison: 'envoi_postal',
  objet: 'extrait avec filiation de l’acte de naissance n° 1 de 1958',
  statut: 'incomplete',
  statutLibelle: 'Incomplète',
  decision: {
    outcome: 'incomplete',
    articles: ['décret n° 2017-890, art. 29'],
    motif: 'Il manque les noms des parents.',
    manquants: MANQUANTS,
    avertissements: [],
  },
  decideeLe: '2026-11-16',
  derogation: null,
  officier: null,
  produiteLe: null,
  remiseLe: null,
  pieces: [],
  historique: [],
  ...over,
});
const ACTE = {
  acte: {
    id: 1,
    type: 'naissance',
    libelle: 'Naissance',
    numero: 1,
    annee: 1958,
    date_acte: '1958-03-14',
    titulaire: 'Jean Louis MARTIN',
    statut: 'saisi',
  },
};
const GRANTED = {
  outcome: 'granted',
  articles: ['décret n° 2017-890, art. 30'],
  motif: 'La personne elle-même, majeure.',
  simpleRenseignement: false,
  aConfirmer: null,
  avertissements: [],
};
const status = { phase: 'ready', commune: { role: 'officier' } };
const text = () => document.body.textContent ?? '';
const buttons = () => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim());

/** The core as far as the page needs it: the request held, update validated as the handler would answer. */
function core(
  update: (args: {
    demande: { renseignements: Record<string, unknown> };
  }) => { value: unknown } | { error: { code: string; message: string; fields?: Record<string, string> } },
) {
  let held = demande();
  return fakeBridge({
    'etatCivil.demande.get': () => ({ value: held }),
    'app.status': () => ({ value: status }),
    'etatCivil.acte': () => ({ value: ACTE }),
    'etatCivil.demande.update': (a) => {
      const r = update(a as never);
      if ('value' in r) held = r.value as typeof held;
      return r;
    },
  });
}

describe('« Compléter / modifier la demande »: the answer to a complément letter, through etatCivil.demande.update', () => {
  it('prefilled from the request; the parents’ names typed; sent with everything else unchanged; the decision recomputed', async () => {
    const bridge = core((a) => ({
      value: demande({ renseignements: a.demande.renseignements, statut: 'a_produire', decision: GRANTED }),
    }));
    await render(<DemandePage id={4} />);
    expect(buttons()).not.toContain('Produire et imprimer');
    await click(byText('button', 'Compléter / modifier la demande'));
    expect(text()).toContain('Compléter ou modifier la demande n° 2026-4');
    expect(text()).toContain('Ce qui manquait à la demande');
    expect(text()).toContain('Nom et prénoms du premier parent (décret n° 2017-890, art. 29)');
    expect(text()).toContain('Acte trouvé : Naissance n° 1/1958 du 14/03/1958 — Jean Louis MARTIN');
    expect(byLabel('Nom du demandeur').value).toBe('Martin');
    expect(byLabel('Reçue le').value).toBe('16/11/2026'); // DateField: jj/mm/aaaa
    expect(byLabel('Sa date de naissance').value).toBe('14/03/1958');
    expect((byLabel('Canal') as unknown as HTMLSelectElement).value).toBe('courrier');
    expect(document.activeElement).toBe(byLabel('Nom du premier parent')); // the keyboard starts on what was missing
    await type(byLabel('Nom du premier parent'), 'Martin');
    await type(byLabel('Prénoms du premier parent'), 'Pierre');
    await type(byLabel('Nom du second parent'), 'Bernard');
    await type(byLabel('Prénoms du second parent'), 'Louise');
    await click(byText('button', 'Enregistrer et recalculer la décision'));
    await flush();
    const sent = bridge.calls
      .filter((c) => c.name === 'etatCivil.demande.update')
      .map((c) => c.args as { demandeId: number; demande: Record<string, unknown> });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.demandeId).toBe(4);
    expect(sent[0]!.demande).toMatchObject({
      canal: 'courrier',
      recueLe: '2026-11-16',
      acteId: 1,
      acteType: 'naissance',
      document: 'extrait_avec_filiation',
      exemplaires: 2,
      livraison: 'envoi_postal',
    });
    expect(sent[0]!.demande.demandeur).toMatchObject({
      nom: 'Martin',
      prenoms: 'Jean Louis',
      adresse: '3 rue des Tilleuls',
      qualite: 'personne_elle_meme',
      civilite: 'M.',
    });
    expect(sent[0]!.demande.renseignements).toEqual({
      ...RENSEIGNEMENTS,
      parent1Nom: 'Martin',
      parent1Prenoms: 'Pierre',
      parent2Nom: 'Bernard',
      parent2Prenoms: 'Louise',
    });
    expect(text()).not.toContain('Compléter ou modifier la demande n° 2026-4'); // back on the request
    expect(text()).toContain('Délivrance possible');
    expect(buttons()).toContain('Produire et imprimer');
  });

  it('a refusal from the core: its message above, the field’s under it, nothing typed lost', async () => {
    core(() => ({
      error: {
        code: 'INVALID',
        message: 'Date de réception : dans le futur.',
        fields: { 'demande.recueLe': 'Dans le futur.' },
      },
    }));
    await render(<DemandePage id={4} />);
    await click(byText('button', 'Compléter / modifier la demande'));
    await type(byLabel('Nom du premier parent'), 'Martin');
    await click(byText('button', 'Enregistrer et recalculer la décision'));
    await flush();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Date de réception : dans le futur.');
    expect(byLabel('Reçue le').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('Nom du premier parent').value).toBe('Martin');
    expect(text()).toContain('Compléter ou modifier la demande n° 2026-4');
  });

  it('an override given before: the form says it will be withdrawn', async () => {
    fakeBridge({
      'etatCivil.demande.get': () => ({
        value: demande({
          statut: 'a_produire',
          derogation: { motif: 'Mandat présenté au guichet', par: 'Martine Roux', le: '2026-11-23T09:00:00Z' },
        }),
      }),
      'app.status': () => ({ value: status }),
      'etatCivil.acte': () => ({ value: ACTE }),
    });
    await render(<DemandePage id={4} />);
    await click(byText('button', 'Compléter / modifier la demande'));
    expect(text()).toContain('La dérogation écrite sera retirée');
  });

  it.each(['produite', 'remise', 'envoyee', 'refusee'])(
    'not offered once the request is %s (the core refuses it too)',
    async (statut) => {
      fakeBridge({
        'etatCivil.demande.get': () => ({ value: demande({ statut, decision: GRANTED }) }),
        'app.status': () => ({ value: status }),
        'etatCivil.acte': () => ({ value: ACTE }),
      });
      await render(<DemandePage id={4} />);
      expect(text()).toContain('Demande n° 2026-4');
      expect(buttons()).not.toContain('Compléter / modifier la demande');
    },
  );

  describe('« Complément reçu le »: the day the answer arrived (décret 2017-890 art. 30)', () => {
    afterEach(() => vi.useRealTimers());
    const sentDates = (calls: { name: string; args: unknown }[]) =>
      calls
        .filter((c) => c.name === 'etatCivil.demande.update')
        .map((c) => (c.args as { complementRecuLe: string | null }).complementRecuLe);

    it('defaults to today, typed jj/mm/aaaa, sent with the request; shown on the request once recorded', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-23T10:00:00+01:00'));
      const bridge = core((a) => ({
        value: demande({
          renseignements: a.demande.renseignements,
          statut: 'a_produire',
          decision: GRANTED,
          complementRecuLe: (a as unknown as { complementRecuLe: string }).complementRecuLe,
        }),
      }));
      await render(<DemandePage id={4} />);
      await click(byText('button', 'Compléter / modifier la demande'));
      expect(byLabel('Complément reçu le').value).toBe('23/11/2026');
      await type(byLabel('Complément reçu le'), '20/11/2026');
      await click(byText('button', 'Enregistrer et recalculer la décision'));
      await flush();
      expect(sentDates(bridge.calls)).toEqual(['2026-11-20']);
      expect(document.querySelector('table[aria-label="La demande"]')?.textContent).toContain(
        'Complément reçu le20/11/2026',
      );
    });

    it('the core’s refusal shows above the form and under the date; nothing typed is lost', async () => {
      const message = 'Complément reçu le : le 24/11/2026 est dans le futur.';
      core(() => ({ error: { code: 'INVALID', message, fields: { complementRecuLe: message } } }));
      await render(<DemandePage id={4} />);
      await click(byText('button', 'Compléter / modifier la demande'));
      await type(byLabel('Complément reçu le'), '24/11/2026');
      await type(byLabel('Nom du premier parent'), 'Martin');
      await click(byText('button', 'Enregistrer et recalculer la décision'));
      await flush();
      expect(document.querySelector('[role="alert"]')?.textContent).toContain(message);
      const field = byLabel('Complément reçu le');
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const described = field
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent);
      expect(described).toContain(message); // read with the field by a screen reader
      expect(field.value).toBe('24/11/2026');
      expect(byLabel('Nom du premier parent').value).toBe('Martin');
    });

    it('a request that waited for nothing (a correction) asks no such date and sends none', async () => {
      const bridge = fakeBridge({
        'etatCivil.demande.get': () => ({ value: demande({ statut: 'a_produire', decision: GRANTED }) }),
        'app.status': () => ({ value: status }),
        'etatCivil.acte': () => ({ value: ACTE }),
        'etatCivil.demande.update': () => ({ value: demande({ statut: 'a_produire', decision: GRANTED }) }),
      });
      await render(<DemandePage id={4} />);
      await click(byText('button', 'Compléter / modifier la demande'));
      expect(() => byLabel('Complément reçu le')).toThrow();
      await click(byText('button', 'Enregistrer et recalculer la décision'));
      await flush();
      expect(sentDates(bridge.calls)).toEqual([null]);
    });
  });
});
