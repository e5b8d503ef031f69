import path from 'node:path';
import { build } from 'esbuild';

// architecture §3: Electron's main validates messages with the contract's schemas without loading any
// database code. Bundle what it loads and look at every input.
const ROOT = path.join(__dirname, '..', '..');
async function inputsOf(entry: string): Promise<{ files: string[]; externals: string[] }> {
  const r = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    loader: { '.sql': 'text' },
    external: ['electron', 'better-sqlite3', 'pkcs11js', 'usb'],
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const files = Object.keys(r.metafile.inputs);
  const externals = Object.values(r.metafile.inputs).flatMap((i) =>
    i.imports.filter((x) => x.external).map((x) => x.path),
  );
  return { files, externals };
}

describe('the contract is pure data', () => {
  it.each(['main/api/schemas.ts', 'main/electron/main.ts'])(
    '%s loads no database, domain service or migration',
    async (entry) => {
      const { files, externals } = await inputsOf(entry);
      expect(externals).not.toContain('better-sqlite3');
      expect(
        files.filter((f) => /^main\/(db\/sqlite|host\/core|host\/registry|.*\/handlers)\.ts$|^migrations\//.test(f)),
      ).toEqual([]);
    },
    60_000,
  );
});
