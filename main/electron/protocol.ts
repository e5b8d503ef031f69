/**
 * The app:// scheme: the window's files come from dist/renderer and nowhere else. A privileged "standard,
 * secure" scheme gives the page a real origin (app://clocher) so that CSP 'self', fetch and ES modules work
 * as on https, without a file:// origin (which would reach the whole disk) and without a local web server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { CSP, CONTENT_TYPES as TYPES } from '../host/csp';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * In Electron nothing goes over the network: the loopback WebSocket allowance of the shared CSP is dropped
 * (connect-src 'self' = app://clocher only).
 */
export const ELECTRON_CSP = CSP.split('; ')
  .map((d) => (d.startsWith('connect-src ') ? "connect-src 'self'" : d))
  .join('; ');

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an app:// URL names inside rendererDir, or null when it must be refused: another host, a path
 * that leaves the folder (../, encoded %2e%2e, backslashes, NUL), or undecodable. Extension-less paths
 * fall back to index.html (client-side routes); missing files with an extension are not found.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (file === root || (!path.extname(file) && !fs.existsSync(file))) return path.join(root, 'index.html');
  return file;
}

function headers(file: string): Record<string, string> {
  return {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': ELECTRON_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/** Answer one app:// request (exported for tests: it needs no Electron). */
export async function serveAppRequest(
  rendererDir: string,
  request: { url: string; method: string },
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return new Response(null, { status: 403 });
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return new Response(null, { status: 404 });
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(file);
    return new Response(body, { status: 200, headers: headers(file) });
  } catch {
    return new Response(null, { status: 404 });
  }
}

/** Must run after app 'ready'. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
