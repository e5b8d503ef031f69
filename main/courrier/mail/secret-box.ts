/**
 * The mailbox password at rest is sealed exactly like the platform's secrets (main/db/secrets.ts): AES-256-GCM
 * under the installation key kept outside the commune's database, so a backup carries neither secret nor key.
 */
import { keyFileBox, secretBoxOf, type SecretBox, type Db } from '../../db';

export { SecretUnreadable, type SecretBox } from '../../db';

/** The commune's own box (set when the store opens it), else the key file of `dir` (tests, tools). */
export const mailSecretBox = (db: Db | null, dir: string): SecretBox => (db && secretBoxOf(db)) || keyFileBox(dir);
