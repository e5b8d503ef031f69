/**
 * What every domain may use of main/context/ (architecture §2: only through this file): the handlers' context
 * and the bottom types it names. It sits just above main/kernel/ and main/db/ and imports nothing else of main/.
 */
export { type Access, type Permission, type Role, ROLES, type SchemaMap } from './access';
export type { EventPayloads } from './events';
export {
  BACKUP_KINDS,
  type BackupInfo,
  type BackupKind,
  type Clock,
  type CommuneFiles,
  type DocumentStore,
  type OpenCommune,
  type UploadScope,
  type Uploads,
} from './files';
export type { Connection, CoreServices, Ctx, DomainCtx, Impl, Implementations, Session } from './handler';
export type { Actor, JournalEntry } from './journal';
