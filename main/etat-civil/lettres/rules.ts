/**
 * The état civil's pure rules the letters use, in one place. lettres/ is a sub-folder of the état civil, not
 * another domain: the boundary rule (« another domain only through its index.ts ») reads `../rules/x` from
 * here as a foreign domain, hence the one exception below, limited to this file (as copies/rules.ts).
 */
/* eslint-disable @typescript-eslint/no-restricted-imports -- same domain (main/etat-civil), see above */
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
