/** What other folders may use of main/db/ (architecture §2: only through this file). */
export { latestVersion, type Migration, schemaVersion } from './migrate';
export {
  aesBox,
  attachSecretBox,
  isWrapped,
  KEY_FILE,
  keyFileBox,
  type SecretBox,
  secretBoxOf,
  SecretUnreadable,
} from './secrets';
export {
  closeDatabase,
  damagedError,
  damagedInUseError,
  type Db,
  inspectDatabaseFile,
  isCorruption,
  openDatabase,
  pagesAreSound,
} from './sqlite';
export { migrate } from './migrate';
export { OS_KEY_FILE, readOrCreateKeyFile } from './secrets';
export {
  deriveDbKey,
  type DbKey,
  INSTALLATION_FILE,
  installationKey,
  isNotADb,
  isPlainFile,
  keyLostError,
  keyOf,
  keyUnavailableError,
  openInDataDir,
  openKeyed,
  openLike,
  rekeyFile,
  vacuumInto,
  wrongKeyError,
} from './cipher';
export { encryptPlainFile } from './encrypt-plain';
export {
  deriveDocumentsKey,
  documentDamagedError,
  documentsKeyInDataDir,
  documentWrongKeyError,
  FILE_CHUNK,
  FileSealer,
  isEncryptedFile,
  openSealed,
} from './file-cipher';
export { ftsQuery, matchesSearch, normaliseForSearch } from './search';
export { ensurePrivateDir } from './private-dir';
