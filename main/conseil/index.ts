/**
 * What other domains may use of the conseil municipal (architecture §2: only through this file).
 * The parapheur consumes « à signer », the synchronisation « à transmettre » and reports the AR.
 */
export type { ConseilCtx } from './context';
export {
  annexesOf,
  deliberationDate,
  deliberationsASigner,
  deliberationsATransmettre,
  deliberationsSansPieces,
  executoireOf,
  getDeliberation,
  markAnomalie,
  markArRecu,
  markSigned,
  markTransmitted,
  remettreATransmettre,
  type DeliberationRow,
} from './deliberations';
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
