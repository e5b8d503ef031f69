// The page Chromium opens instead of the loopback address itself. A process's command line is readable by
// every local user (`ps`, /proc/PID/cmdline), so the per-run token must not be on Chromium's. The address
// with its token goes into a page only this user can read (0600 in a fresh 0700 folder); Chromium opens that
// file, which forwards to the loopback address — the token stays in the fragment, never sent over the wire.
// The core host hands the address to us on a pipe (serve.ts), never on a command line. `remove()` when
// Clocher stops; a leftover after a crash holds a dead token.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function launchPage(url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-ouvrir-'));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, 'ouvrir.html');
  const target = JSON.stringify(url).replace(/</g, '\\u003c');
  fs.writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><title>Clocher</title><script>location.replace(${target})</script>\n`,
    { mode: 0o600 },
  );
  return { href: pathToFileURL(file).href, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
