import { describe, expect, it } from 'vitest';
import { byText, click, render } from '../../testing/render';
import { DecisionPanel } from './DecisionPanel';
import { toView, type DecisionView } from './decision';

const base: DecisionView = {
  issue: 'accordee',
  motif: '',
  article: null,
  simpleRenseignement: false,
  aConfirmer: null,
  manquants: [],
  proposer: [],
  recours: null,
  avertissements: [],
  derogation: null,
};
const text = () => document.body.textContent ?? '';
const buttons = () => [...document.querySelectorAll('button')].map((b) => b.textContent);

describe('DecisionPanel: the decision before anything is produced', () => {
  it('granted: the reason and its article, no override offered', async () => {
    await render(
      <DecisionPanel
        d={{ ...base, motif: 'Le demandeur est un descendant de la personne.', article: 'décret n° 2017-890, art. 30' }}
        onOverride={() => undefined}
      />,
    );
    expect(text()).toContain('Délivrance possible');
    expect(text()).toContain('Le demandeur est un descendant de la personne.');
    expect(text()).toContain('Fondement : décret n° 2017-890, art. 30');
    expect(buttons()).not.toContain('Passer outre…');
  });

  it('refused: reason, article, how to contest, the one-click offer and the override', async () => {
    const offered: unknown[] = [];
    let override = 0;
    const d: DecisionView = {
      ...base,
      issue: 'refusee',
      motif: 'Un cousin n’a pas droit à la copie intégrale d’un acte de naissance de moins de 75 ans.',
      article: 'décret n° 2017-890, art. 30 ; code du patrimoine, art. L213-2',
      recours: 'recours gracieux auprès du maire, ou devant le tribunal administratif dans les deux mois.',
      proposer: [
        {
          document: 'extrait_sans_filiation',
          livraison: null,
          label: 'Proposer l’extrait sans filiation',
          texte: 'L’extrait sans filiation est délivré à toute personne (art. 31).',
        },
      ],
    };
    await render(<DecisionPanel d={d} onOffer={(o) => offered.push(o.document)} onOverride={() => override++} />);
    expect(text()).toContain('Délivrance refusée');
    expect(text()).toContain('Fondement : décret n° 2017-890, art. 30 ; code du patrimoine, art. L213-2');
    expect(text()).toContain('Voies de recours : recours gracieux');
    await click(byText('button', 'Proposer l’extrait sans filiation'));
    expect(offered).toEqual(['extrait_sans_filiation']);
    await click(byText('button', 'Passer outre…'));
    expect(override).toBe(1);
  });

  it('a closed request (refusal letter sent): the reason stays, no offer button that would do nothing', async () => {
    const d: DecisionView = {
      ...base,
      issue: 'refusee',
      motif: 'Copie intégrale refusée.',
      recours: 'procureur de la République',
      proposer: [
        {
          document: 'extrait_sans_filiation',
          livraison: null,
          label: 'Proposer l’extrait sans filiation',
          texte: 'art. 33',
        },
      ],
    };
    await render(<DecisionPanel d={d} />);
    expect(text()).toContain('Délivrance refusée');
    expect(buttons()).not.toContain('Proposer l’extrait sans filiation');
  });

  it('incomplete: each missing item with its article', async () => {
    const d: DecisionView = {
      ...base,
      issue: 'incomplete',
      motif: 'La demande doit indiquer les noms et prénoms des parents.',
      article: 'décret n° 2017-890, art. 30',
      manquants: [
        { label: 'Nom et prénoms du père', article: 'art. 30' },
        { label: 'Nom et prénoms de la mère', article: 'art. 30' },
      ],
    };
    await render(<DecisionPanel d={d} />);
    expect(text()).toContain('Demande incomplète');
    const items = [...document.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Nom et prénoms du père (art. 30)', 'Nom et prénoms de la mère (art. 30)']);
    expect(buttons()).not.toContain('Passer outre…');
  });

  it('flags the 25-years-after-death variant « à confirmer » and a non-certified copy', async () => {
    const d: DecisionView = {
      ...base,
      motif: 'Acte communicable : la personne est décédée depuis plus de 25 ans.',
      article: 'code du patrimoine, art. L213-2 I 4°',
      simpleRenseignement: true,
      aConfirmer: 'Le délai de 25 ans après le décès est à confirmer pour les registres d’état civil.',
    };
    await render(<DecisionPanel d={d} />);
    expect(byText('span', 'À confirmer')).toBeTruthy();
    expect(text()).toContain('à titre de simple renseignement');
  });

  it('e-mail delivery: the core’s explanation, the hand-over and the post offered, no way to send by e-mail', async () => {
    const offered: unknown[] = [];
    const d = toView(
      {
        outcome: 'refused',
        articles: ['art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1'],
        motif: 'Un acte de l’état civil ne peut pas être envoyé par courriel (IGREC n° 72-1).',
        proposer: [
          {
            document: 'copie_integrale',
            simpleRenseignement: false,
            livraison: 'remise_guichet',
            texte: 'Copie intégrale : remise au guichet.',
          },
          {
            document: 'copie_integrale',
            simpleRenseignement: false,
            livraison: 'envoi_postal',
            texte: 'Copie intégrale : envoi postal.',
          },
        ],
        recours: 'Recours gracieux.',
        avertissements: ['Demande reçue par courriel : ce n’est pas l’un des moyens prévus (art. 29).'],
      },
      null,
    );
    await render(<DecisionPanel d={d} onOffer={(o) => offered.push(o.livraison)} onOverride={() => undefined} />);
    expect(text()).toContain('IGREC n° 72-1');
    expect(text()).toContain('Demande reçue par courriel');
    expect(buttons()).toEqual(expect.arrayContaining(['Remettre au guichet', 'Envoyer par la poste']));
    expect(buttons().some((b) => /courriel/i.test(b ?? ''))).toBe(false);
    await click(byText('button', 'Envoyer par la poste'));
    expect(offered).toEqual(['envoi_postal']);
  });

  it('shows an override already given, and offers no second one', async () => {
    const d: DecisionView = {
      ...base,
      issue: 'refusee',
      motif: 'Refus.',
      derogation: { motif: 'Mandat écrit vu au guichet', par: 'Martine Roux', le: '23/11/2026 à 10:05' },
    };
    await render(<DecisionPanel d={d} onOverride={() => undefined} />);
    expect(text()).toContain(
      'Délivrance autorisée malgré la décision par Martine Roux le 23/11/2026 à 10:05 : « Mandat écrit vu au guichet »',
    );
    expect(buttons()).not.toContain('Passer outre…');
  });
});
