/**
 * The état civil's pure rules the letters use, in one place. lettres/ is a sub-folder of the état civil, not
 * another domain: the boundary rule lets it import `../rules/x` (eslint.config.mjs, domainBoundary).
 */
export { dateCourte } from '../rules/dates';
export {
  ARTICLE_LIVRAISON,
  decideDelivrance,
  LIVRAISON_LABELS,
  type ActeDemande,
  type Canal,
  type Civilite,
  type Decision,
  type DemandeDelivrance,
  type DocumentDemande,
  type Livraison,
} from '../rules/delivrance';
export type { Kind } from '../rules/kinds';
