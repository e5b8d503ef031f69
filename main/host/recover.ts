/**
 * Account recovery for support staff, run on the mairie's PC itself (in person or by remote desktop):
 *   node dist/main/host/recover.js --data-dir=DIR --login=LOGIN
 * (packaged app: `Clocher --recover-account=LOGIN`). It sets a temporary password, to be changed at the next
 * login, clears the wrong-password wait, and writes the recovery in the installation's journal. There is no
 * remote or hidden way in: whoever can run this can already read the files on this PC.
 */
import { changePassword, findUser, workspaceLog } from '../auth';
import { temporaryPassword } from '../auth';
import { Core } from './core';
import { argValue, defaultDataDir } from './paths';

export async function recoverAccount(dataDir: string, login: string): Promise<string> {
  const core = new Core({ dataDir });
  try {
    const user = findUser(core.workspace, login);
    if (!user) {
      const known = (core.workspace.prepare('SELECT login FROM user ORDER BY login').all() as { login: string }[]).map((u) => u.login);
      throw new Error(`Aucun compte « ${login} » dans ${dataDir}. Comptes existants : ${known.join(', ') || 'aucun'}.`);
    }
    const temporary = temporaryPassword();
    await changePassword(core.workspace, user.id, temporary, true);
    workspaceLog(core.workspace, core.clock(), user.login, 'compte.recupere', 'Mot de passe réinitialisé par le support (outil de récupération)');
    return temporary;
  } finally {
    core.close();
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const login = argValue(argv, 'login') ?? argValue(argv, 'recover-account');
  if (!login) {
    process.stderr.write('Usage : recover --data-dir=DOSSIER --login=IDENTIFIANT\n');
    process.exit(2);
  }
  recoverAccount(argValue(argv, 'data-dir') ?? defaultDataDir(), login).then(
    (pw) => {
      process.stdout.write(`Mot de passe provisoire de « ${login} » : ${pw}\nIl devra être changé à la prochaine connexion.\n`);
    },
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}
