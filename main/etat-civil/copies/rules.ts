/**
 * The état civil's pure rules this folder uses, in one place. copies/ is a sub-folder of the état civil, not
 * another domain: the boundary rule lets it import `../rules/x` (eslint.config.mjs, domainBoundary).
 */
export { mentionsForDocument, RAISONS, type MentionInfo, type MentionSelection } from '../rules/extrait-mentions';
export {
  ciecDate,
  documentRefusedForKind,
  heureEcrite,
  jjmmaaaa,
  ne,
  nomEcrit,
  personneEcrite,
  quandOu,
  sexeLabel,
} from '../rules/extrait-wording';
export { KIND_LABELS, type Kind } from '../rules/kinds';
export { DOCUMENTS, DOCUMENT_LABELS, type DocumentDemande } from '../rules/delivrance';
export { NATURE_LABELS, type Autorite } from '../rules/mentions';
