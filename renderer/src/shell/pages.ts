import type { Permission } from '../lib/status';

export type PageId =
  'dashboard' | 'courrier' | 'etat-civil' | 'conseil' | 'parapheur' | 'sync' | 'settings' | 'journal';

export const PAGES: { id: PageId; label: string; needs?: Permission }[] = [
  { id: 'dashboard', label: 'Tableau de bord' },
  { id: 'courrier', label: 'Courrier' },
  { id: 'etat-civil', label: 'État civil' },
  { id: 'conseil', label: 'Conseil municipal' },
  { id: 'parapheur', label: 'Parapheur' },
  { id: 'sync', label: 'Synchronisation' },
  { id: 'settings', label: 'Paramètres' },
  { id: 'journal', label: 'Journal', needs: 'journal.read' },
];
