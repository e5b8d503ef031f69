/**
 * What other domains may use of the conseil municipal (architecture §2: only through this file).
 * The parapheur consumes « à signer », the synchronisation « à transmettre » and reports the AR.
 */
export type { ConseilCtx } from './context';
export { executoireOf, getDeliberation, type DeliberationRow } from './deliberations';
export {
  annexesOf,
  deliberationDate,
  deliberationsASigner,
  deliberationsATransmettre,
  deliberationsSansPieces,
  markAnomalie,
  markArRecu,
  markSigned,
  markTransmitted,
  remettreATransmettre,
} from './deliberation-transmission';
export { getPv, signerPv, type PvRow } from './apres-seance';
export {
  bundledClassification,
  communeClassification,
  flattenMatieres,
  parseClassification,
  checkMatiere,
  type Classification,
} from './classification';
export { NUMERO_INTERNE_PATTERN } from './rules/numbering';
export { refreshConseilTodos } from './todos';
