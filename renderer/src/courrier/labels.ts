/** French labels of the register's codes (the core sends codes; the articles come from the core's rules). */
export const CANAL_OPTIONS = [
  { value: 'papier', label: 'Courrier papier' },
  { value: 'main_propre', label: 'Remis en main propre' },
  { value: 'courriel', label: 'Courriel' },
  { value: 'sve', label: 'Formulaire du site / téléservice' },
  { value: 'prefecture', label: 'Préfecture (plateforme)' },
  { value: 'administration', label: 'Autre administration' },
];
export const STATUT_OPTIONS = [
  { value: 'a_traiter', label: 'À traiter' },
  { value: 'en_cours', label: 'En cours' },
  { value: 'repondu', label: 'Répondu' },
  { value: 'classe', label: 'Classé' },
];
export const ASSIGNE_OPTIONS = [
  { value: 'secretaire', label: 'Secrétariat' },
  { value: 'maire', label: 'Maire' },
  { value: 'adjoint', label: 'Adjoint' },
];
export const CLASSEMENT_OPTIONS = [
  { value: 'information', label: 'Information (pas une demande)' },
  { value: 'demande', label: 'Demande relevant d’une procédure' },
  { value: 'reclamation', label: 'Réclamation ou recours administratif' },
  { value: 'document_administratif', label: 'Demande de document administratif' },
  { value: 'verification', label: 'Vérification des conditions légales (ex. copie d’acte d’état civil)' },
];
export const label = (options: { value: string; label: string }[], v: string | null | undefined) =>
  options.find((o) => o.value === v)?.label ?? v ?? '—';
export const ref = (c: { sens: string; annee: number; numero: number }) =>
  `${c.sens === 'arrivee' ? 'A' : 'D'}-${c.annee}-${c.numero}`;
/** « 2026-11-23 » → « 23/11/2026 » */
export const jour = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '—');
