/** What other folders may use of main/db/ (architecture §2: only through this file). */
export { latestVersion, type Migration, schemaVersion } from './migrate';
export { aesBox, attachSecretBox, isWrapped, KEY_FILE, keyFileBox, type SecretBox, secretBoxOf, SecretUnreadable } from './secrets';
export { closeDatabase, type Db, inspectDatabaseFile, openDatabase } from './sqlite';
