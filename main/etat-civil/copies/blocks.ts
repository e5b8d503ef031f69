/** What every copy and extract carries: the heading, the mentions, the officier's block (décret 2017-890 art. 27). */
import type { ActeData, Mention, Personne } from './data';
import { jjmmaaaa, KIND_LABELS, ne, personneEcrite } from './rules';
import { MARGIN, type Sheet } from './sheet';
import type { ProduceInput } from './types';

export const SIMPLE_RENSEIGNEMENT = 'Copie délivrée à titre de simple renseignement';

/** « République française — Commune de X — titre — acte n° » */
export function enTete(s: Sheet, d: ActeData, titre: string, sousTitre: string | null, input: ProduceInput): void {
  s.text('RÉPUBLIQUE FRANÇAISE', { size: 9, bold: true, after: 0 });
  s.text(`Commune de ${d.commune.nom} (code officiel géographique ${d.commune.code_insee})`, { size: 9, after: 10 });
  if (input.simpleRenseignement)
    s.text(SIMPLE_RENSEIGNEMENT.toUpperCase(), { size: 11, bold: true, align: 'center', after: 6 });
  s.text(titre.toUpperCase(), { size: 14, bold: true, align: 'center', after: 2 });
  if (sousTitre) s.text(sousTitre, { size: 10, align: 'center', after: 2 });
  const acte = `Acte n° ${d.acte.numero} de ${d.acte.annee}${d.registre ? ` — ${d.registre}` : ''}`;
  s.text(acte, { size: 10, align: 'center', after: 14 });
}

/** « Acte de naissance » in a sentence: « l’acte de naissance n° 12 de 2026 » */
export const acteDe = (d: ActeData): string =>
  `l’acte de ${KIND_LABELS[d.acte.type].toLowerCase()} n° ${d.acte.numero} de ${d.acte.annee}`;

/** The mentions marginales, each in full; « Néant » when there is none. */
export function mentionsBlock(s: Sheet, mentions: readonly Mention[], withApplied: boolean): void {
  s.spacer(6).text('Mentions marginales', { size: 11, bold: true, after: 3 });
  if (!mentions.length) s.text('Néant.', { size: 10, indent: 12 });
  for (const m of mentions) {
    const applied =
      withApplied && m.appliquee_le
        ? ` (mention apposée le ${jjmmaaaa(m.appliquee_le)}${m.officier ? ` par ${m.officier}` : ''})`
        : '';
    s.text(`${m.texte}${applied}`, { size: 10, indent: 12, after: 4 });
  }
}

/** The certification formula; a copy à titre de simple renseignement certifies nothing (domain-rules §2.3). */
export function certification(s: Sheet, input: ProduceInput, formule: string): void {
  if (!input.simpleRenseignement) s.spacer(6).text(formule, { size: 10.5 });
}

/**
 * « Délivré le jj/mm/aaaa », the officier's name and quality, room for the seal and the handwritten signature
 * (décret 2017-890 art. 27). A copy à titre de simple renseignement carries none of it (domain-rules §2.3).
 */
export function officierBlock(s: Sheet, d: ActeData, input: ProduceInput): void {
  if (input.simpleRenseignement) {
    s.spacer(10).text(
      `${SIMPLE_RENSEIGNEMENT} : ni datée, ni signée, ni scellée, elle ne fait pas foi (décret n° 2017-890 art. 27).`,
      { size: 10, bold: true },
    );
    return;
  }
  s.ensure(150);
  s.spacer(10).text(`Délivré le ${jjmmaaaa(input.delivreLe)}, à ${d.commune.nom}.`, { size: 11, after: 2 });
  s.text('L’officier de l’état civil,', { size: 11, after: 0 });
  s.text(`${input.officier.nom}, ${input.officier.qualite}`, { size: 11, bold: true, after: 8 });
  const h = 70,
    w = (s.width - 20) / 2;
  const y = s.y - h;
  s.box(MARGIN, y, w, h);
  s.box(MARGIN + w + 20, y, w, h);
  s.at('Sceau de la mairie', MARGIN + 6, y + h - 12, 8);
  s.at('Signature', MARGIN + w + 26, y + h - 12, 8);
  s.y = y - 6;
}

/** « né le 01/01/1990 à Orléans (Loiret) », without agreement when the sex is unknown. */
export function naissanceDe(p: Personne): string {
  if (!p.date_naissance && !p.lieu_naissance) return '';
  const when = [
    p.date_naissance ? `le ${jjmmaaaa(p.date_naissance)}` : '',
    p.lieu_naissance ? `à ${p.lieu_naissance}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const word = ne(p.sexe, false);
  return word ? `, ${word} ${when}` : ` (naissance : ${when})`;
}

/** « Paul MARTIN, né le … à … » */
export const identite = (p: Personne): string => `${personneEcrite(p)}${naissanceDe(p)}`;
