import { act } from 'react';
import { afterEach, expect, it } from 'vitest';
import { byText, click, fakeBridge, flush, render } from '../testing/render';
import { Modeles } from './Modeles';
import { Procedures } from './Procedures';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The control whose label reads `text` (a required field's « * » ignored). */
function field(text: string): HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement {
  const label = [...document.querySelectorAll('label')].find(
    (l) => l.textContent?.replace(/\s*\*\s*$/, '').trim() === text,
  );
  const el = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (!el) throw new Error(`aucun champ nommé « ${text} »`);
  return el as HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;
}
async function fill(
  el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  value: string,
  event = 'input',
): Promise<void> {
  const proto =
    el instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : el instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}
const submit = async (name: string) => {
  await click(byText('button', name));
  await flush();
};

const builtin = {
  code: 'attestation_accueil',
  libelle: 'Validation d’une attestation d’accueil',
  regime: 'SVR',
  delai_mois: 1,
  delai_jours: null,
  article: 'CRPA L231-5 ; décret n° 2016-625',
  builtin: 1,
};

it('procedures: the texts’ rows are read-only; a commune’s procedure in days is sent to the core, its refusal shown under the field', async () => {
  let saved: unknown[] = [];
  const mine = {
    code: 'terrasse',
    libelle: 'Terrasse saisonnière',
    regime: 'SVR',
    delai_mois: null,
    delai_jours: 15,
    article: 'Décret n° 2015-1461',
    builtin: 0,
  };
  let answer: () =>
    { value: unknown } | { error: { code: string; message: string; fields?: Record<string, string> } } = () => ({
    error: {
      code: 'INVALID',
      message: 'Délai : entre 1 et 365 jours.',
      fields: { delai: 'Délai : entre 1 et 365 jours.' },
    },
  });
  const { calls } = fakeBridge({
    'courrier.procedures': () => ({ value: [builtin, ...saved] }),
    'courrier.saveProcedure': () => answer(),
  });
  await render(<Procedures canWrite />);
  const text = () => document.body.textContent ?? '';
  expect(text()).toContain(
    'Validation d’une attestation d’accueilrejet1 moisCRPA L231-5 ; décret n° 2016-625Textes (non modifiable)',
  );
  expect(document.querySelector('button[aria-label^="Modifier la procédure"]')).toBeNull();
  await submit('Ajouter une procédure');
  await fill(field('Libellé'), 'Terrasse saisonnière');
  await fill(field('Code'), 'terrasse');
  await fill(field('Délai'), '400');
  await fill(field('Unité du délai'), 'jours', 'change');
  await fill(field('Texte qui fixe ce régime'), 'Décret n° 2015-1461');
  await submit('Enregistrer la procédure');
  expect(calls.filter((c) => c.name === 'courrier.saveProcedure').at(-1)?.args).toEqual({
    procedure: {
      code: 'terrasse',
      libelle: 'Terrasse saisonnière',
      regime: 'SVR',
      delai: 400,
      unite: 'jours',
      article: 'Décret n° 2015-1461',
    },
  });
  expect(field('Délai').getAttribute('aria-invalid')).toBe('true');
  expect(text()).toContain('Délai : entre 1 et 365 jours.');
  expect(field('Libellé').value).toBe('Terrasse saisonnière'); // nothing typed is lost
  answer = () => ((saved = [mine]), { value: null });
  await fill(field('Délai'), '15');
  await submit('Enregistrer la procédure');
  expect(document.querySelector('[role="status"]')?.textContent).toBe(
    'Procédure « Terrasse saisonnière » enregistrée.',
  );
  expect(text()).toContain('Terrasse saisonnièrerejet15 joursDécret n° 2015-1461');
  expect(document.querySelector('button[aria-label="Modifier la procédure « Terrasse saisonnière »"]')).not.toBeNull();
});

it('procedures: read-only for whoever may not write', async () => {
  fakeBridge({ 'courrier.procedures': () => ({ value: [builtin] }) });
  await render(<Procedures canWrite={false} />);
  expect([...document.querySelectorAll('button')].map((b) => b.textContent)).toEqual([]);
});

const champs = [
  { code: 'correspondant', libelle: 'Nom du correspondant' },
  { code: 'objet', libelle: 'Objet du courrier reçu' },
  { code: 'texte', libelle: 'Texte saisi pour cette réponse' },
];

it('templates: the fields are listed and inserted at the cursor; the core’s refusal of an unknown field is shown in French', async () => {
  const message = 'Champ inconnu : {{pieces}}. Champs possibles : {{correspondant}}, {{objet}}, {{texte}}.';
  const { calls } = fakeBridge({
    'courrier.modeles': () => ({
      value: [{ code: 'refus', titre: 'Refus motivé', corps: 'Madame, Monsieur,\n{{texte}}', builtin: 1 }],
    }),
    'courrier.champsModele': () => ({ value: champs }),
    'courrier.saveModele': () => ({ error: { code: 'INVALID', message, fields: { corps: message } } }),
  });
  await render(<Modeles canWrite />);
  expect(document.body.textContent).toContain('Refus motivéFourni avec Clocher (non modifiable)');
  // a built-in template is copied, never edited in place
  await click(document.querySelector<HTMLButtonElement>('button[aria-label="Copier le modèle « Refus motivé »"]')!);
  expect(field('Code').value).toBe('refus_commune');
  expect(field('Titre du modèle').value).toBe('Refus motivé (commune)');
  const corps = field('Texte du modèle');
  await fill(corps, 'Objet : {{pieces}}. ');
  corps.setSelectionRange(8, 8);
  await click(
    document.querySelector<HTMLButtonElement>(
      'button[aria-label="Insérer le champ Objet du courrier reçu ({{objet}})"]',
    )!,
  );
  expect(field('Texte du modèle').value).toBe('Objet : {{objet}}{{pieces}}. ');
  await submit('Enregistrer le modèle');
  expect(calls.filter((c) => c.name === 'courrier.saveModele').at(-1)?.args).toEqual({
    modele: { code: 'refus_commune', titre: 'Refus motivé (commune)', corps: 'Objet : {{objet}}{{pieces}}. ' },
  });
  expect(document.body.textContent).toContain(message);
  expect(field('Texte du modèle').getAttribute('aria-invalid')).toBe('true');
});
