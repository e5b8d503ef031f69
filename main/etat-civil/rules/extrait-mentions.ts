/**
 * Which mentions marginales go on which document (domain-rules §2.1, §2.7). Pure, over plain values.
 * - copie intégrale: every validated mention (the full reproduction of the act, C. civ. art. 49);
 * - extrait avec / sans filiation: the last marriage and its divorce or séparation de corps (all of them on
 *   express request), PACS (conclusion, modification, dissolution), décès, the répertoire civil except what was
 *   radiated, the changes of nom / prénoms and rectifications (they amend the identity the extract states);
 *   nationality always with filiation, only on request without; never a reconnaissance: it tells the nature of
 *   the filiation, which only a copie intégrale shows (arrêté du 1er juin 2006, annexe I, as amended in 2022);
 * - extrait plurilingue: the events that have a CIEC code (convention n° 16, art. 2 and 5): mariage,
 *   séparation de corps, divorce, décès; a change of nom or prénoms fills the name boxes instead.
 * A draft (not validated) mention is never printed. [G: the extract list follows domain-rules §2.1 (legibase
 * expert answer) and the arrêté's template; check it against décret 2017-890 before the first real use.]
 */
import type { Kind } from './kinds';

export type DocumentKind =
  'copie_integrale' | 'extrait_avec_filiation' | 'extrait_sans_filiation' | 'extrait_plurilingue';

export interface MentionInfo {
  id: number;
  nature: string;
  statut: 'brouillon' | 'validee';
  /** date of the event (YYYY-MM-DD) */
  date: string | null;
  /** the other person (spouse, partner): links a divorce to its marriage */
  autre: { prenoms: string; nom: string } | null;
  /** the RC number, the new name… */
  objet: string | null;
  texte: string;
}

export interface MentionOptions {
  toutesMentionsMariage?: boolean | undefined;
  nationalite?: boolean | undefined;
}

export interface MentionSelection<M extends MentionInfo = MentionInfo> {
  kept: M[];
  dropped: { mention: M; raison: string }[];
}

const ARRETE = 'arrêté du 1er juin 2006, annexe I';
export const RAISONS = {
  brouillon: 'Mention non validée : elle n’est jamais imprimée (C. civ. art. 49).',
  mariageAnterieur: `Mariage antérieur : un extrait ne porte que le dernier mariage, sauf demande expresse de tous (${ARRETE}).`,
  divorceAnterieur: `Divorce ou séparation d’un mariage antérieur : un extrait ne porte que ceux du dernier mariage, sauf demande expresse (${ARRETE}).`,
  reconnaissance: `Reconnaissance : elle révèle la nature de la filiation, qui ne figure que sur la copie intégrale (${ARRETE}).`,
  nationalite: `Nationalité : elle ne figure sur un extrait sans filiation qu’à la demande du requérant (${ARRETE}).`,
  radiee:
    'Répertoire civil : une inscription radiée, et sa radiation, ne figurent pas sur un extrait (domain-rules §2.1).',
  autre: `Cette mention ne figure pas sur un extrait (${ARRETE}).`,
  plurilingue: 'Sans code dans l’extrait plurilingue (convention CIEC n° 16, art. 5).',
} as const;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
const sameOther = (a: MentionInfo['autre'], b: MentionInfo['autre']) =>
  !!a && !!b && fold(a.nom) === fold(b.nom) && fold(a.prenoms) === fold(b.prenoms);
const byDate = (a: MentionInfo, b: MentionInfo) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id;

/** « radiation de l'inscription n° 2015-123 » radiates RC n° 2015-123. */
const isRadiation = (m: MentionInfo) => /radiation|radi[ée]/i.test(`${m.objet ?? ''} ${m.texte}`);
const rcNumber = (m: MentionInfo) => /\d[\d\s/-]*\d|\d/.exec(m.objet ?? m.texte)?.[0]?.replace(/\s+/g, '') ?? null;

function radiated(rc: readonly MentionInfo[]): Set<number> {
  const out = new Set<number>();
  for (const r of rc.filter(isRadiation)) {
    out.add(r.id);
    const n = rcNumber(r);
    for (const m of rc) if (!isRadiation(m) && n !== null && rcNumber(m) === n) out.add(m.id);
  }
  return out;
}

/** The marriage a divorce or séparation ends: the one with the same spouse, else the last one before it. */
function marriageOf(d: MentionInfo, marriages: readonly MentionInfo[]): MentionInfo | undefined {
  return (
    marriages.find((m) => sameOther(m.autre, d.autre)) ??
    [...marriages]
      .filter((m) => (m.date ?? '') <= (d.date ?? '9999'))
      .sort(byDate)
      .pop()
  );
}

export function mentionsForDocument<M extends MentionInfo>(
  acteType: Kind,
  document: DocumentKind,
  mentions: readonly M[],
  opts: MentionOptions = {},
): MentionSelection<M> {
  const out: MentionSelection<M> = { kept: [], dropped: [] };
  const validated = mentions.filter((m) => m.statut === 'validee');
  const drop = (mention: M, raison: string) => out.dropped.push({ mention, raison });
  const marriages = validated.filter((m) => m.nature === 'mariage').sort(byDate);
  const last = marriages[marriages.length - 1];
  const gone = radiated(validated.filter((m) => m.nature === 'repertoire_civil'));
  for (const m of [...mentions].sort(byDate)) {
    if (m.statut !== 'validee') {
      drop(m, RAISONS.brouillon);
      continue;
    }
    if (document === 'copie_integrale') {
      out.kept.push(m);
      continue;
    }
    if (document === 'extrait_plurilingue') {
      if (['mariage', 'divorce', 'separation_corps', 'deces'].includes(m.nature)) out.kept.push(m);
      else drop(m, RAISONS.plurilingue);
      continue;
    }
    const raison = extraitRaison(m, acteType, document, opts, { last, marriages, gone });
    if (raison) drop(m, raison);
    else out.kept.push(m);
  }
  return out;
}

/** Why an extract leaves this validated mention out, or null when it is printed. */
function extraitRaison(
  m: MentionInfo,
  acteType: Kind,
  document: DocumentKind,
  opts: MentionOptions,
  s: { last: MentionInfo | undefined; marriages: readonly MentionInfo[]; gone: Set<number> },
): string | null {
  switch (m.nature) {
    case 'mariage':
      return opts.toutesMentionsMariage || m === s.last ? null : RAISONS.mariageAnterieur;
    case 'divorce':
    case 'separation_corps':
      // on a marriage act they concern that very marriage
      if (acteType === 'mariage' || opts.toutesMentionsMariage) return null;
      return s.last && marriageOf(m, s.marriages) === s.last ? null : RAISONS.divorceAnterieur;
    case 'pacs':
    case 'pacs_modification':
    case 'pacs_dissolution':
    case 'deces':
    case 'changement_nom':
    case 'changement_prenom':
    case 'rectification':
      return null;
    case 'repertoire_civil':
      return s.gone.has(m.id) ? RAISONS.radiee : null;
    case 'nationalite':
      return document === 'extrait_avec_filiation' || opts.nationalite ? null : RAISONS.nationalite;
    case 'reconnaissance':
      return RAISONS.reconnaissance;
    default:
      return RAISONS.autre;
  }
}
