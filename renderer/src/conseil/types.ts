/** Types of the conseil screens, straight from the core's handlers (never redeclared), and their French labels. */
import type { HandlerResult } from '../bridge';

export type Detail = HandlerResult<'conseil.seance'>;
export type SeanceItem = HandlerResult<'conseil.seances'>[number];
export type Point = Detail['points'][number];
export type Elu = Detail['elus'][number];
export type Situation = NonNullable<Point['situation']>;
export type Deliberation = NonNullable<Point['deliberation']>;
export type Matiere = HandlerResult<'conseil.classification'>['matieres'][number];

export const STATUT_LABELS: Record<string, { label: string; color: string }> = {
  preparation: { label: 'En préparation', color: '#495057' },
  convoquee: { label: 'Convoquée', color: '#1864ab' },
  en_cours: { label: 'En cours', color: '#9a3b00' },
  close: { label: 'Close', color: '#1b5e20' },
};

export const NATURE_LABELS: Record<string, string> = {
  ordinaire: 'Séance ordinaire',
  demande: 'À la demande d’un tiers',
  urgence: 'Urgence',
};

export const SCRUTIN_LABELS: Record<Point['scrutin'], string> = {
  main_levee: 'Main levée',
  scrutin_public: 'Scrutin public',
  scrutin_secret: 'Scrutin secret',
  nomination: 'Nomination (scrutin secret, par tours)',
};

export const POINT_STATUT: Record<Point['statut'], string> = {
  a_examiner: 'À examiner',
  delibere: 'Délibéré',
  reporte: 'Reporté',
  retire: 'Retiré',
};

export const PRESENCE_LABELS: Record<string, string> = {
  present: 'Présent',
  absent: 'Absent',
  excuse: 'Excusé',
  represente: 'Représenté',
};

export const PV_LABELS: Record<string, string> = {
  brouillon: 'Projet (brouillon)',
  arrete: 'Arrêté',
  signe: 'Signé',
  publie: 'Publié',
};

/** The local calendar day, YYYY-MM-DD (the core's clock is the reference; both agree outside tests). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDaysIso(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const x = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n));
  return x.toISOString().slice(0, 10);
}

export const nameOf = (elus: Elu[], id: number | null | undefined): string =>
  elus.find((e) => e.id === id)?.nomComplet ?? '—';

/** « vendredi 27/11/2026 » for a calendar day: the weekday helps, the date is jj/mm/aaaa as everywhere. */
export function formatJour(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long' }).format(date);
  return `${weekday} ${new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date)}`;
}

export const formatHeure = (h: string): string => h.replace(':', ' h ');

/** Filled backgrounds dark enough for white text at 4.5:1 (Mantine's green.9 and orange.9 are not). */
export const FILL = {
  green: '#1b5e20',
  orange: '#9a3b00',
  blue: '#1864ab',
  gray: '#495057',
  violet: '#5f3dc4',
} as const;
