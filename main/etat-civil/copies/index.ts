/**
 * Copies and extracts of the acts (issue 12, domain-rules §2.1, §2.7): what the counter and the window use of
 * this folder. The caller checks who may obtain what and journals the delivery; this folder only produces.
 */
export {
  DOCUMENT_KINDS,
  DOCUMENT_LABELS,
  type DocumentKind,
  type Officier,
  type ProduceInput,
  type ProducedDocument,
} from './types';
export { documentProblem, produceDocument } from './produce';
export {
  documentRefusedForKind,
  mentionsForDocument,
  RAISONS as RAISONS_MENTIONS,
  type MentionInfo,
  type MentionSelection,
} from './rules';
