/**
 * Support's account recovery on the mairie's PC:  Clocher --recover-account=LOGIN  (see main/host/recover.ts).
 * It runs dist/main/host/recover.js in a utilityProcess (plain Node inside Electron's own binary, so it works
 * even when the RunAsNode fuse is turned off, unlike ELECTRON_RUN_AS_NODE), prints the result on the
 * console and also shows it in a dialog: a Windows GUI program has no console to print to. No window opens
 * and the single-instance lock is not taken, so it also works while Clocher is open.
 * The installation file is encrypted (main/db/cipher.ts): like the core, the tool gets the OS-wrapped key on its
 * private channel (--secrets=os), never in argv.
 */
import { dialog, safeStorage, utilityProcess } from 'electron';
import { answerSecretsRequests, osWrappedKey } from './secrets';

export function runRecovery(recoverJs: string, dataDir: string, login: string): Promise<number> {
  return new Promise((resolve) => {
    const child = utilityProcess.fork(recoverJs, [`--data-dir=${dataDir}`, `--login=${login}`, '--secrets=os'], {
      stdio: 'pipe',
      serviceName: 'Clocher – récupération de compte',
    });
    answerSecretsRequests(child, () => osWrappedKey(dataDir, safeStorage));
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) => {
      const ok = code === 0 && out.trim() !== '';
      const text = (ok ? out : err || out).trim() || 'La récupération a échoué sans message.';
      (ok ? process.stdout : process.stderr).write(`${text}\n`);
      dialog.showMessageBoxSync({
        type: ok ? 'info' : 'error',
        title: 'Clocher – récupération de compte',
        message: ok ? `Compte « ${login} » récupéré` : `Compte « ${login} » non récupéré`,
        detail: text,
        buttons: ['Fermer'],
      });
      resolve(ok ? 0 : 1);
    });
  });
}
