import type { HandlerResult } from '../bridge';

/** A row of etatCivil.search: only what the results list shows (main/etat-civil/search.ts, SearchHit). */
export type SearchHit = HandlerResult<'etatCivil.search'>['rows'][number];
/** A found act with its kind's label, as a picker hands it on (ActePicker). */
export type SearchResult = SearchHit & { libelle: string };
export type ActeView = HandlerResult<'etatCivil.acte'>;
export type Registre = HandlerResult<'etatCivil.registres'>[number];
export type Avis = HandlerResult<'etatCivil.avis'>[number];

export const KIND_OPTIONS = [
  { value: 'naissance', label: 'Naissance' },
  { value: 'reconnaissance', label: 'Reconnaissance' },
  { value: 'mariage', label: 'Mariage' },
  { value: 'deces', label: 'Décès' },
  { value: 'transcription_deces', label: 'Transcription de décès' },
  { value: 'enfant_sans_vie', label: 'Enfant sans vie' },
] as const;
export type KindValue = (typeof KIND_OPTIONS)[number]['value'];
export const KIND_LABEL = Object.fromEntries(KIND_OPTIONS.map((o) => [o.value, o.label])) as Record<KindValue, string>;

export const STATUT_LABELS = { indexe: 'Indexé', saisi: 'Saisi' } as const;
export const frDate = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '');
