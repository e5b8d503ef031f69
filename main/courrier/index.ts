/**
 * What other domains may use of the courrier register (architecture §2: only through this file). The e-mail
 * reader (main/courrier/mail) registers arrivées through registerArrivee and drains recordOutgoingEmail's rows.
 */
export {
  registerArrivee,
  recordOutgoingEmail,
  CANAUX,
  CANAL_LABELS,
  type ArriveeInput,
  type Canal,
  type OutgoingEmail,
  type Registered,
} from './register';
export { upsertContact, searchContacts, type ContactInput, type ContactRow } from './contacts';
export { acknowledgeAs } from './issue';
export { DOCUMENT_KINDS, type DocumentKind } from './documents';
export { ELECTRONIC } from './register';
export { addWorkingDays, isJourOuvre } from './rules/working-days';
export { refreshCourrierTodos } from './echeances';
export { mailSyncSide } from './mail/index';
export { registerPrefectureMessage } from './prefecture';
