/**
 * Whatever the page does, it stays on app://clocher: no navigation elsewhere, no new windows, no <webview>,
 * no permission (camera, notifications, geolocation, USB/HID/serial from the page…), no request to the
 * network. Installed before the first window exists (web-contents-created covers every webContents).
 */
import { shell, type App, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-url';

/** window.open / target=_blank: never a new Electron window; an https link opens in the user's browser. */
export function windowOpenDecision(url: string): { action: 'deny' } {
  if (isExternalHttps(url)) void shell.openExternal(url);
  return { action: 'deny' };
}

export function isExternalHttps(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password;
  } catch {
    return false;
  }
}

export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installWebContentsGuards(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function denyAllPermissions(session: Session): void {
  // Every permission is refused, but one: our own page may write text to the clipboard (« Copier » the
  // diagnostics for support). Reading the clipboard stays refused.
  const allowed = (permission: string, origin: string | undefined) =>
    permission === 'clipboard-sanitized-write' && (origin === APP_ORIGIN || isAppUrl(origin ?? ''));
  session.setPermissionRequestHandler((wc, permission, callback) =>
    callback(allowed(permission, (wc as Partial<WebContents> | undefined)?.getURL?.())),
  );
  session.setPermissionCheckHandler((_wc, permission, origin) => allowed(permission, origin));
  session.setDevicePermissionHandler(() => false);
  // No remote content: the CSP already forbids it; this also covers anything the CSP does not see.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_d, callback) => callback({ cancel: true }),
  );
}
