/** Our own origin: the renderer is served from app://clocher/ only (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clocher';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True for app://clocher/… and nothing else (not app://other/, not file:, not a look-alike prefix). */
export function isAppUrl(url: string): boolean {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}
