/**
 * Account recovery for support staff, run on the mairie's PC itself (in person or by remote desktop):
 *   node dist/main/host/recover.js --data-dir=DIR --login=LOGIN
 * (packaged app: `Clocher --recover-account=LOGIN`). It sets a temporary password, to be changed at the next
 * login, clears the wrong-password wait, and writes the recovery in the installation's journal. There is no
 * remote or hidden way in: whoever can run this can already read the files on this PC.
 * The installation file is encrypted (main/db/cipher.ts): under Electron (--secrets=os) the tool asks the shell
 * for the OS-wrapped key over its parent port, as the core does; in plain Node it uses the 0600 key file.
 */
import { changePassword, findUser, workspaceLog, temporaryPassword } from '../auth';
import { Core } from './core';
import { argValue, defaultDataDir } from './paths';

export async function recoverAccount(dataDir: string, login: string, installationKey?: Buffer | null): Promise<string> {
  const core = new Core({ dataDir, installationKey });
  try {
    const user = findUser(core.workspace, login);
    if (!user) {
      const known = (core.workspace.prepare('SELECT login FROM user ORDER BY login').all() as { login: string }[]).map(
        (u) => u.login,
      );
      throw new Error(`Aucun compte « ${login} » dans ${dataDir}. Comptes existants : ${known.join(', ') || 'aucun'}.`);
    }
    const temporary = temporaryPassword();
    await changePassword(core.workspace, user.id, temporary, true);
    workspaceLog(
      core.workspace,
      core.clock(),
      user.login,
      'compte.recupere',
      'Mot de passe réinitialisé par le support (outil de récupération)',
    );
    return temporary;
  } finally {
    core.close();
  }
}

interface ParentPort {
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
  postMessage(msg: unknown): void;
}

/** The OS-wrapped key from the Electron shell (main/electron/recover.ts), or null in plain Node. */
function shellKey(argv: string[]): Promise<Buffer | null> {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (argValue(argv, 'secrets') !== 'os' || !port) return Promise.resolve(null);
  return new Promise((resolve) => {
    port.on('message', ({ data }) => {
      const m = data as { type?: unknown; key?: unknown } | null;
      if (m?.type === 'secrets') resolve(typeof m.key === 'string' ? Buffer.from(m.key, 'base64') : null);
    });
    port.postMessage({ type: 'need-secrets' });
  });
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const login = argValue(argv, 'login') ?? argValue(argv, 'recover-account');
  if (!login) {
    process.stderr.write('Usage : recover --data-dir=DOSSIER --login=IDENTIFIANT\n');
    process.exit(2);
  }
  shellKey(argv)
    .then((key) => recoverAccount(argValue(argv, 'data-dir') ?? defaultDataDir(), login, key))
    .then(
      (pw) => {
        // exit once written: under Electron the parent port would otherwise keep the tool alive
        process.stdout.write(
          `Mot de passe provisoire de « ${login} » : ${pw}\nIl devra être changé à la prochaine connexion.\n`,
          () => process.exit(0),
        );
      },
      (e: Error) => {
        process.stderr.write(`${e.message}\n`, () => process.exit(1));
      },
    );
}
