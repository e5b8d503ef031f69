/**
 * What goes in each box of an extrait plurilingue (convention CIEC n° 16): formule A (naissance), B (mariage),
 * C (décès), built from the act AND its later mentions (art. 2): a change of nom or prénoms fills the name
 * boxes, the mariages, séparations, divorces and décès become coded lines (art. 5: each code followed by date
 * and place, « Mar » also by the spouse's name). A box with nothing to put in it is struck through (art. 7).
 */
import type { LabelKey } from './ciec-labels';
import { personne, type ActeData, type Mention, type Personne } from './data';
import { ciecDate, nomEcrit } from './rules';

export type Cell = { text: string | null } | { date: { jo: string; mo: string; an: string } | null };
export interface CiecRow {
  n: number;
  key: LabelKey;
  cells: Cell[];
}
export interface CiecForm {
  formule: 'A' | 'B' | 'C';
  /** column titles of formule B (mari / femme, or époux 1 / époux 2 for spouses of the same sex) */
  colonnes: [LabelKey, LabelKey] | null;
  rows: CiecRow[];
  /** the coded lines of the mentions box; empty: the box is struck through */
  mentions: string[];
}

/** Latin letters (with their accents), digits and the punctuation we print: convention n° 16, art. 4. */
const LATIN = /^[\u0020-\u024F\u1E00-\u1EFF’‘“”«»–—…°]*$/;
/** The first box whose text is not in Latin characters, or null. */
export function nonLatin(f: CiecForm): string | null {
  for (const r of f.rows) for (const c of r.cells) if ('text' in c && c.text && !LATIN.test(c.text)) return c.text;
  return f.mentions.find((m) => !LATIN.test(m)) ?? null;
}

export const struck = (c: Cell): boolean => ('text' in c ? !c.text?.trim() : !c.date);
const t = (text: string | null | undefined): Cell => ({ text: text?.trim() || null });
const dt = (d: string | null | undefined): Cell => ({ date: ciecDate(d) });
const dots = (d: string | null) => (d ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : '');
const upper = (s: string) => s.trim().toLocaleUpperCase('fr-FR');

/** The latest validated change of nom / prénoms (art. 2: the extract follows the later mentions). */
function current(
  p: Personne | undefined,
  validated: readonly Mention[],
): { nom: string | null; prenoms: string | null } {
  if (!p) return { nom: null, prenoms: null };
  const last = (nature: string) =>
    validated
      .filter((m) => m.nature === nature && m.objet?.trim())
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id)
      .pop()?.objet ?? null;
  return {
    nom: last('changement_nom') ? upper(last('changement_nom')!) : nomEcrit(p),
    prenoms: last('changement_prenom') ?? (p.prenoms || null),
  };
}

const parentName = (p: Personne | undefined) => (p ? `${nomEcrit(p)}, ${p.prenoms}`.replace(/, $/, '') : null);

/** Père and mère by their sex; a parent of unknown sex takes the free box in rang order. */
function pereMere(parents: (Personne | undefined)[]): [Personne | undefined, Personne | undefined] {
  const known = parents.filter((p): p is Personne => !!p);
  let pere = known.find((p) => p.sexe === 'M');
  let mere = known.find((p) => p.sexe === 'F');
  for (const p of known.filter((x) => x !== pere && x !== mere)) {
    if (!pere) pere = p;
    else if (!mere) mere = p;
  }
  return [pere, mere];
}

function place(m: Mention): string {
  const a = m.autorite;
  if (a?.kind === 'tribunal') return a.nom;
  if (a?.kind === 'notaire') return `Maître ${a.nom}, notaire à ${a.office}`;
  if (a?.kind === 'officier') return a.commune;
  return m.lieu ?? '';
}

function coded(m: Mention): string {
  const code =
    { mariage: 'Mar', separation_corps: 'Se', divorce: 'Div', deces: 'D' }[m.nature as 'mariage'] ?? m.nature;
  const parts = [code, dots(m.date), place(m)];
  if (m.nature === 'mariage' && m.autre) parts.push(`— ${m.autre.prenoms} ${upper(m.autre.nom)}`);
  return parts.filter(Boolean).join(' ');
}

export function ciecForm(d: ActeData, kept: readonly Mention[], validated: readonly Mention[]): CiecForm {
  const a = d.acte;
  const head = (key: LabelKey): CiecRow[] => [
    { n: 1, key: 'etat', cells: [t('France')] },
    { n: 2, key: 'service', cells: [t(`${d.commune.nom} (${d.commune.departement})`)] },
    { n: 3, key, cells: [t(`n° ${a.numero} / ${a.annee}`)] },
  ];
  const rows: CiecRow[] = [];
  const push = (key: LabelKey, ...cells: Cell[]) => rows.push({ n: rows.length + 1, key, cells });
  let colonnes: CiecForm['colonnes'] = null;
  let formule: CiecForm['formule'];
  if (a.type === 'mariage') {
    formule = 'B';
    rows.push(...head('extraitMariage'));
    push('dateMariage', dt(a.date_evenement));
    push('lieuMariage', t(a.lieu_evenement));
    let [e1, e2] = [personne(d, 'titulaire', 1), personne(d, 'titulaire', 2)];
    if (e1?.sexe === 'F' && e2?.sexe === 'M') [e1, e2] = [e2, e1];
    colonnes = e1?.sexe === 'M' && e2?.sexe === 'F' ? ['mari', 'femme'] : ['epoux', 'epoux'];
    const [c1, c2] = [current(e1, validated), current(e2, validated)];
    push('nom', t(c1.nom), t(c2.nom));
    push('prenoms', t(c1.prenoms), t(c2.prenoms));
    push('dateNaissance', dt(e1?.date_naissance), dt(e2?.date_naissance));
    push('lieuNaissance', t(e1?.lieu_naissance), t(e2?.lieu_naissance));
    push('nomApres', t(e1?.nom_usage), t(e2?.nom_usage));
  } else if (a.type === 'naissance') {
    formule = 'A';
    rows.push(...head('extraitNaissance'));
    const p = personne(d, 'titulaire', 1);
    const c = current(p, validated);
    push('dateNaissance', dt(a.date_evenement));
    push('lieuNaissance', t(a.lieu_evenement));
    push('sexe', t(p?.sexe ?? a.sexe));
    push('nom', t(c.nom));
    push('prenoms', t(c.prenoms));
    const [pere, mere] = pereMere([personne(d, 'parent', 1), personne(d, 'parent', 2)]);
    push('pere', t(parentName(pere)));
    push('mere', t(parentName(mere)));
  } else {
    formule = 'C';
    rows.push(...head('extraitDeces'));
    const p = personne(d, 'titulaire', 1);
    const c = current(p, validated);
    const conjoint = personne(d, 'conjoint', 1);
    push('dateDeces', dt(a.date_evenement));
    push('lieuDeces', t(a.lieu_evenement));
    push('nom', t(c.nom));
    push('prenoms', t(c.prenoms));
    push('sexe', t(p?.sexe ?? a.sexe));
    push('dateNaissance', dt(p?.date_naissance));
    push('lieuNaissance', t(p?.lieu_naissance));
    push('domicile', t(p?.domicile));
    push('conjoint', t(conjoint ? `${nomEcrit(conjoint)}, ${conjoint.prenoms}` : null));
    const [pere, mere] = pereMere([personne(d, 'parent', 1), personne(d, 'parent', 2)]);
    push('pere', t(parentName(pere)));
    push('mere', t(parentName(mere)));
  }
  return { formule, colonnes, rows, mentions: kept.map(coded) };
}
