import { describe, expect, it } from 'vitest';
import { CallError } from '../../bridge';
import { byLabel, byText, click, fakeBridge, flush, render, type } from '../../testing/render';
import { DemandeForm } from './DemandeForm';
import { toArgs, type Draft } from './draft';

const select = async (label: string, value: string) => {
  const { act } = await import('react');
  const el = byLabel(label) as unknown as HTMLSelectElement;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
};

describe('DemandeForm: what the secrétaire types, as the core’s contract wants it', () => {
  it('sends the contract’s values: empty texts as null, the quality, what the request states', async () => {
    fakeBridge({});
    const saved: Draft[] = [];
    await render(
      <DemandeForm
        today="2026-11-23"
        save={async (d) => (saved.push(d), 7)}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
    await type(byLabel('Nom du demandeur'), 'Martin');
    await type(byLabel('Prénoms du demandeur'), 'Paul');
    await select('Qualité du demandeur', 'descendant');
    await type(byLabel('Nom de la personne'), 'Martin');
    await type(byLabel('Sa date de naissance'), '14/03/1958');
    await click(byText('button', 'Enregistrer et voir la décision'));
    expect(saved).toHaveLength(1);
    const args = toArgs(saved[0]!);
    expect(args).toMatchObject({
      canal: 'guichet',
      recueLe: '2026-11-23',
      livraison: 'remise_guichet',
      acteId: null,
      acteType: 'naissance',
      document: 'copie_integrale',
      exemplaires: 1,
    });
    expect(args.demandeur).toMatchObject({
      nom: 'Martin',
      prenoms: 'Paul',
      qualite: 'descendant',
      adresse: null,
      civilite: null,
      client: null,
    });
    expect(args.demandeur).not.toHaveProperty('majeurOuEmancipe');
    expect(args.renseignements).toMatchObject({
      nom: 'Martin',
      prenoms: null,
      dateNaissance: '1958-03-14',
      parent1Nom: null,
      unSeulParent: false,
    });
  });

  it('a quality left unstated is sent as null (the core asks it back), an avocat carries the client’s quality', async () => {
    fakeBridge({});
    const saved: Draft[] = [];
    await render(
      <DemandeForm
        today="2026-11-23"
        save={async (d) => (saved.push(d), 1)}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
    await type(byLabel('Nom du demandeur'), 'Leroy');
    await click(byText('button', 'Enregistrer et voir la décision'));
    expect(toArgs(saved[0]!).demandeur.qualite).toBeNull();
    await select('Qualité du demandeur', 'avocat');
    await select('Qualité du client de l’avocat', 'conjoint');
    await click(byText('button', 'Enregistrer et voir la décision'));
    expect(toArgs(saved[1]!).demandeur.client).toMatchObject({ qualite: 'conjoint' });
  });

  it('e-mail delivery asked: the explanation at once (IGREC n° 72-1), before anything is recorded', async () => {
    fakeBridge({});
    await render(
      <DemandeForm today="2026-11-23" save={async () => 1} onSaved={() => undefined} onCancel={() => undefined} />,
    );
    expect(document.body.textContent).not.toContain('IGREC');
    await select('Remise du document', 'courriel');
    expect(document.body.textContent).toContain('n’est jamais envoyé par courriel');
    expect(document.body.textContent).toContain('IGREC n° 72-1');
  });

  it('keeps what was typed and shows the core’s refusal, with the field’s message under it', async () => {
    fakeBridge({});
    await render(
      <DemandeForm
        today="2026-11-23"
        save={async () => {
          throw new CallError({
            code: 'INVALID',
            message: 'Nom du demandeur : champ obligatoire.',
            fields: { 'demande.demandeur.nom': 'Champ obligatoire.' },
          });
        }}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
    await type(byLabel('Prénoms du demandeur'), 'Paul');
    await click(byText('button', 'Enregistrer et voir la décision'));
    await flush();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Nom du demandeur : champ obligatoire.');
    expect(byLabel('Nom du demandeur').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('Prénoms du demandeur').value).toBe('Paul');
  });
});
