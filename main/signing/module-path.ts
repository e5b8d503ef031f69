/**
 * Which PKCS#11 module the core may load. Loading a library runs its code inside the core, so no call from the
 * window names one (signing.md §6): the module comes from the commune's saved setting, checked here when it is
 * saved AND again before it is loaded (the file may have changed since), or from the known vendor defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel';
import type { Os } from './modules';

/** What a PKCS#11 middleware file is called on each system (libcastle.so.1.0.0: a versioned .so is one too). */
const EXTENSIONS: Record<Os, { re: RegExp; label: string }> = {
  linux: { re: /\.so(\.\d+)*$/, label: '.so' },
  darwin: { re: /\.(dylib|so)$/, label: '.dylib ou .so' },
  win32: { re: /\.dll$/i, label: '.dll' },
};

export type StatFn = (p: string) => { isFile(): boolean } | undefined;
const statOf: StatFn = (p) => fs.statSync(p, { throwIfNoEntry: false });

/**
 * Why `p` may not be loaded as the token's middleware on `os`, in French, or null. The order matters: a
 * network path is refused before anything is asked of the file system (touching `\\serveur\partage` already
 * talks to the server).
 */
export function modulePathProblem(p: string, os: Os, stat: StatFn = statOf): string | null {
  const where = `Le chemin du pilote « ${p.slice(0, 200)} »`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(p)) return `${where} contient des caractères invisibles : recopiez-le.`;
  // \\serveur\partage, //serveur/partage, \\?\UNC\…, \\.\périphérique: a library on another computer or a device
  if (/^[\\/]{2}/.test(p))
    return `${where} désigne un dossier réseau : le pilote doit être installé sur cet ordinateur (disque local).`;
  const abs = os === 'win32' ? /^[A-Za-z]:[\\/]/.test(p) : p.startsWith('/');
  if (!abs)
    return `${where} n'est pas un chemin complet : indiquez-le depuis la racine (${os === 'win32' ? 'par exemple C:\\Windows\\System32\\eTPKCS11.dll' : 'par exemple /usr/lib/libeTPkcs11.so'}).`;
  const parts = p.split(os === 'win32' ? /[\\/]/ : /\//);
  if (parts.includes('..')) return `${where} contient « .. » : indiquez le chemin complet du fichier, sans détour.`;
  const ext = EXTENSIONS[os];
  if (!ext.re.test(os === 'win32' ? path.win32.basename(p) : path.posix.basename(p)))
    return `${where} ne désigne pas un pilote : sur cet ordinateur, c'est un fichier ${ext.label} (bibliothèque fournie avec la clé).`;
  let st;
  try {
    st = stat(p);
  } catch {
    st = undefined;
  }
  if (!st)
    return `${where} n'existe pas sur cet ordinateur : installez le logiciel fourni avec la clé, ou corrigez le chemin.`;
  if (!st.isFile())
    return `${where} n'est pas un fichier (c'est un dossier ou un périphérique) : indiquez le fichier du pilote lui-même.`;
  return null;
}

/** Throws INVALID (field modulePath) with the reason; used when saving the setting and before loading it. */
export function checkModulePath(p: string, os: Os, stat?: StatFn): string {
  const problem = modulePathProblem(p, os, stat);
  if (problem) throw new AppError('INVALID', problem, { modulePath: problem });
  return p;
}
