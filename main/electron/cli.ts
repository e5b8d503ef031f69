/**
 * Clocher's own command line (pure, tested without Electron):
 *   Clocher [--provision=FILE] [--data-dir=DIR]     normal start
 *   Clocher --recover-account=LOGIN [--data-dir=DIR] support: temporary password for LOGIN, then quit
 * The provisioning file is --provision=FILE, else CLOCHER_PROVISIONING, else clocher-provisioning.json beside
 * the executable (the NSIS installer copies the one found beside it into the installation folder).
 * --data-dir (or CLOCHER_DATA_DIR) is for tests and support; by default the data is in app.getPath('userData').
 */
import path from 'node:path';
import { findProvisioningFile } from '../provisioning';
import { argValue } from '../host/paths';

export interface ShellOptions {
  dataDir: string | null;
  provisioning: string | null;
  recoverLogin: string | null;
}

export function parseShellArgs(argv: readonly string[], env: NodeJS.ProcessEnv, execPath: string): ShellOptions {
  const dataDir = argValue(argv, 'data-dir') || env.CLOCHER_DATA_DIR || null;
  return {
    dataDir: dataDir ? path.resolve(dataDir) : null,
    provisioning: findProvisioningFile(argv, env, path.dirname(execPath)),
    recoverLogin: argValue(argv, 'recover-account') || null,
  };
}

/** Arguments of dist/main/host/utility.js. */
export function utilityArgs(dataDir: string, provisioning: string | null): string[] {
  return [`--data-dir=${dataDir}`, ...(provisioning ? [`--provision=${provisioning}`] : [])];
}
