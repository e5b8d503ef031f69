/**
 * Extraits avec et sans filiation of birth and marriage acts, after the livret de famille extract
 * (arrêté du 1er juin 2006, annexe I, as amended in 2022; domain-rules §2.7): « Prénoms Nom — Né le …, à …
 * heures, à … — de … et de … — Extrait délivré conforme à l'acte … — le … — L'officier de l'état civil —
 * Sceau — Mentions marginales ». An extract never says whether the parents are married: the nature of the
 * filiation is only on the copie intégrale.
 */
import { AppError } from '../../kernel';
import { acteDe, certification, enTete, identite, mentionsBlock, officierBlock } from './blocks';
import { personne, type ActeData, type Mention, type Personne } from './data';
import { ne, personneEcrite, quandOu, sexeLabel } from './rules';
import type { Sheet } from './sheet';
import type { ProduceInput } from './types';

const titulaire = (d: ActeData, rang: number): Personne => {
  const p = personne(d, 'titulaire', rang);
  if (!p)
    throw new AppError(
      'RULE',
      `L’acte n’a pas de titulaire ${rang} saisi : complétez la saisie avant de produire l’extrait.`,
    );
  return p;
};

/** « de Paul MARTIN, né le … et de Marie DUPONT, née le … » — the parents in their order, no word on their marriage. */
function filiation(parents: (Personne | undefined)[]): string | null {
  const known = parents.filter((p): p is Personne => !!p);
  if (!known.length) return null;
  return known.map((p, i) => `${i ? 'et de' : 'de'} ${identite(p)}`).join('\n');
}

function naissance(s: Sheet, d: ActeData, avec: boolean): void {
  const t = titulaire(d, 1);
  s.text(personneEcrite(t), { size: 13, bold: true, after: 4 });
  const sexe = sexeLabel(t.sexe ?? d.acte.sexe);
  if (sexe) s.text(`Sexe : ${sexe}`, { after: 2 });
  const word = ne(t.sexe ?? d.acte.sexe);
  if (!word)
    throw new AppError(
      'RULE',
      'Le sexe de l’enfant n’est pas saisi : l’extrait dit « Né » ou « Née » (C. civ. art. 57).',
    );
  s.text(`${word} ${quandOu(d.acte.date_evenement, d.acte.heure_evenement, d.acte.lieu_evenement)}`, { after: 6 });
  if (avec)
    s.text(filiation([personne(d, 'parent', 1), personne(d, 'parent', 2)]) ?? 'Filiation : néant.', { after: 6 });
}

function mariage(s: Sheet, d: ActeData, avec: boolean): void {
  s.text(`Mariage célébré ${quandOu(d.acte.date_evenement, null, d.acte.lieu_evenement)}`, {
    size: 11,
    bold: true,
    after: 8,
  });
  [1, 2].forEach((rang) => {
    s.text(rang === 1 ? 'entre' : 'et', { size: 10, after: 2 });
    s.text(identite(titulaire(d, rang)), { size: 11, bold: true, indent: 12, after: 3 });
    const f = avec ? filiation([personne(d, 'parent', rang * 2 - 1), personne(d, 'parent', rang * 2)]) : null;
    if (f) s.text(f, { size: 10, indent: 12, after: 6 });
  });
}

export function drawExtrait(s: Sheet, d: ActeData, input: ProduceInput, mentions: readonly Mention[]): void {
  const avec = input.document === 'extrait_avec_filiation';
  const kind = d.acte.type === 'mariage' ? 'mariage' : 'naissance';
  enTete(
    s,
    d,
    `Extrait d’acte de ${kind}`,
    avec ? 'avec indication de la filiation' : 'sans indication de la filiation',
    input,
  );
  if (kind === 'naissance') naissance(s, d, avec);
  else mariage(s, d, avec);
  mentionsBlock(s, mentions, false);
  certification(s, input, `Extrait délivré conforme à ${acteDe(d)}.`);
  officierBlock(s, d, input);
}
