/**
 * The kinds of acts and what a fully keyed act of each kind holds (C. civ. art. 57 birth, art. 76 marriage,
 * art. 79 death, art. 62 reconnaissance, art. 79-1 enfant sans vie, art. 80 transcription). An act missing one
 * of these stays « indexé » (found, its scanned page shown) and cannot be « saisi » (extracts generated).
 */
export const KINDS = [
  'naissance',
  'reconnaissance',
  'mariage',
  'deces',
  'transcription_deces',
  'enfant_sans_vie',
] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  naissance: 'Naissance',
  reconnaissance: 'Reconnaissance',
  mariage: 'Mariage',
  deces: 'Décès',
  transcription_deces: 'Transcription de décès',
  enfant_sans_vie: 'Enfant sans vie',
};

/** Words a secrétaire types in the search field to mean a kind (without accents, lower case). */
export const KIND_WORDS: Record<string, Kind> = {
  naissance: 'naissance',
  naissances: 'naissance',
  reconnaissance: 'reconnaissance',
  reconnaissances: 'reconnaissance',
  mariage: 'mariage',
  mariages: 'mariage',
  deces: 'deces',
  transcription: 'transcription_deces',
  transcriptions: 'transcription_deces',
};

export type Role = 'titulaire' | 'parent' | 'conjoint' | 'declarant' | 'temoin' | 'auteur';
export type PersonField = 'nom' | 'prenoms' | 'sexe' | 'date_naissance' | 'lieu_naissance' | 'profession' | 'domicile';

/** A person slot of a kind: who, how many, which fields are required to call the act keyed, under which article. */
export interface Slot {
  role: Role;
  rangs: readonly number[];
  label: string;
  required: readonly PersonField[];
  /** optional slots (a father unknown, no déclarant when the parents declare) do not block the keying */
  optional?: boolean;
}

const ID: readonly PersonField[] = ['nom', 'prenoms'];
const FULL: readonly PersonField[] = ['nom', 'prenoms', 'date_naissance', 'lieu_naissance', 'profession', 'domicile'];

export interface KindSpec {
  article: string;
  /** event hour required (birth and death hours are in the act: art. 57, 79) */
  heure: boolean;
  slots: readonly Slot[];
}

export const SPECS: Record<Kind, KindSpec> = {
  // art. 57: « le jour, l'heure et le lieu de la naissance, le sexe de l'enfant, les prénoms… le nom… les
  // prénoms, noms, âges, professions et domiciles des père et mère et, s'il y a lieu, ceux du déclarant »
  naissance: {
    article: 'C. civ. art. 57',
    heure: true,
    slots: [
      { role: 'titulaire', rangs: [1], label: 'Enfant', required: ['nom', 'prenoms', 'sexe'] },
      { role: 'parent', rangs: [1, 2], label: 'Parent', required: FULL, optional: true },
      {
        role: 'declarant',
        rangs: [1],
        label: 'Déclarant',
        required: ['nom', 'prenoms', 'profession', 'domicile'],
        optional: true,
      },
    ],
  },
  // art. 62: the reconnaissance states the identity of its auteur and of the child
  reconnaissance: {
    article: 'C. civ. art. 62',
    heure: false,
    slots: [
      { role: 'titulaire', rangs: [1], label: 'Enfant', required: ['nom', 'prenoms'] },
      { role: 'auteur', rangs: [1], label: 'Auteur de la reconnaissance', required: FULL },
    ],
  },
  // art. 76: époux (prénoms, noms, professions, âges, dates et lieux de naissance, domiciles), their parents,
  // the témoins (prénoms, noms, professions, domiciles)
  mariage: {
    article: 'C. civ. art. 76',
    heure: false,
    slots: [
      { role: 'titulaire', rangs: [1, 2], label: 'Époux', required: [...FULL, 'sexe'] },
      { role: 'parent', rangs: [1, 2, 3, 4], label: 'Parent', required: ID, optional: true },
      { role: 'temoin', rangs: [1, 2], label: 'Témoin', required: ['nom', 'prenoms', 'profession', 'domicile'] },
    ],
  },
  // art. 79: « le jour, l'heure et le lieu du décès ; les prénoms, nom, date et lieu de naissance, profession
  // et domicile de la personne décédée ; les prénoms, noms, professions et domiciles de ses père et mère ; les
  // prénoms et nom de l'autre époux, si la personne décédée était mariée, veuve ou divorcée ; les prénoms,
  // nom, âge, profession et domicile du déclarant »
  deces: {
    article: 'C. civ. art. 79',
    heure: true,
    slots: [
      { role: 'titulaire', rangs: [1], label: 'Personne décédée', required: [...FULL, 'sexe'] },
      { role: 'parent', rangs: [1, 2], label: 'Parent', required: ID, optional: true },
      { role: 'conjoint', rangs: [1], label: 'Autre époux', required: ID, optional: true },
      { role: 'declarant', rangs: [1], label: 'Déclarant', required: ['nom', 'prenoms', 'profession', 'domicile'] },
    ],
  },
  // art. 80: the death act drawn up elsewhere is transcribed at the last domicile; same content as art. 79
  transcription_deces: {
    article: 'C. civ. art. 80',
    heure: true,
    slots: [
      { role: 'titulaire', rangs: [1], label: 'Personne décédée', required: [...FULL, 'sexe'] },
      { role: 'parent', rangs: [1, 2], label: 'Parent', required: ID, optional: true },
      { role: 'conjoint', rangs: [1], label: 'Autre époux', required: ID, optional: true },
    ],
  },
  // art. 79-1: « le jour, l'heure et le lieu de l'accouchement », the parents; prénoms (and nom) may be given
  enfant_sans_vie: {
    article: 'C. civ. art. 79-1',
    heure: true,
    slots: [
      { role: 'titulaire', rangs: [1], label: 'Enfant', required: ['sexe'] },
      { role: 'parent', rangs: [1, 2], label: 'Parent', required: FULL, optional: true },
    ],
  },
};

const FIELD_LABELS: Record<PersonField, string> = {
  nom: 'nom',
  prenoms: 'prénoms',
  sexe: 'sexe',
  date_naissance: 'date de naissance',
  lieu_naissance: 'lieu de naissance',
  profession: 'profession',
  domicile: 'domicile',
};

export type PersonInput = { role: Role; rang: number } & Partial<Record<PersonField, string | null>>;
export interface ActContent {
  type: Kind;
  date_evenement: string | null;
  heure_evenement: string | null;
  lieu_evenement: string | null;
  personnes: readonly PersonInput[];
}

/** What is still missing for the act to be « saisi », each in French with its article; [] when complete. */
export function missingForSaisi(a: ActContent): string[] {
  const spec = SPECS[a.type];
  const out: string[] = [];
  const art = ` (${spec.article})`;
  if (!a.date_evenement) out.push(`Date de l’événement${art}`);
  if (spec.heure && !a.heure_evenement) out.push(`Heure de l’événement${art}`);
  if (!a.lieu_evenement) out.push(`Lieu de l’événement${art}`);
  for (const slot of spec.slots) {
    for (const rang of slot.rangs) {
      const p = a.personnes.find((x) => x.role === slot.role && x.rang === rang);
      if (!p) {
        if (!slot.optional) out.push(`${slot.label} ${slot.rangs.length > 1 ? rang + ' ' : ''}: absent${art}`);
        continue;
      }
      const gaps = slot.required.filter((f) => !p[f]?.trim());
      if (gaps.length)
        out.push(
          `${slot.label} ${slot.rangs.length > 1 ? rang + ' ' : ''}: ${gaps.map((f) => FIELD_LABELS[f]).join(', ')}${art}`,
        );
    }
  }
  return out;
}

/** Whether a person slot is allowed in this kind of act (anything the window sends is checked). */
export const slotAllowed = (type: Kind, role: Role, rang: number): boolean =>
  SPECS[type].slots.some((s) => s.role === role && s.rangs.includes(rang));

/**
 * The mentions an act drawn up (or transcribed) here requires on other acts (C. civ. art. 49): a marriage on
 * both spouses' birth acts (art. 76 last al.), a death on the birth act (art. 79 last al.), a reconnaissance on
 * the birth act (art. 62 al. 3).
 */
export function mentionsRequired(type: Kind): { nature: MentionNatureForAct; titulaireRang: number }[] {
  switch (type) {
    case 'mariage':
      return [
        { nature: 'mariage', titulaireRang: 1 },
        { nature: 'mariage', titulaireRang: 2 },
      ];
    case 'deces':
    case 'transcription_deces':
      return [{ nature: 'deces', titulaireRang: 1 }];
    case 'reconnaissance':
      return [{ nature: 'reconnaissance', titulaireRang: 1 }];
    default:
      return [];
  }
}
export type MentionNatureForAct = 'mariage' | 'deces' | 'reconnaissance';
