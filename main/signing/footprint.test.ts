/**
 * The séance de signature's code footprint (issue 10: peak memory ≤ 100 MiB). What signPdf and the token pull
 * in, read from esbuild's metafile of a bundle built as scripts/build.mjs builds the core (the lazy vendor
 * groups are left out here, so every package the path reaches shows): no database layer, no validation
 * library, no host, and neither node-forge (the CMS is written by der.ts) nor fontkit's WOFF2 decoder.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { noWoff2Plugin } from '../../scripts/no-woff2.mjs';

const root = path.join(__dirname, '../..');

async function inputsOf(contents: string): Promise<string[]> {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'footprint-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
    external: ['electron', 'better-sqlite3', 'pkcs11js', 'usb'],
    loader: { '.sql': 'text' },
    plugins: [noWoff2Plugin],
  });
  // only what the bundle keeps: esbuild lists every file it read, even one whose code was shaken away
  const out = Object.values(r.metafile.outputs)[0]!;
  return Object.entries(out.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([f]) => f);
}

describe('the signing path loads only what it signs with', () => {
  it('signPdf and the token reach no database, zod, host, node-forge or WOFF2 decoder', async () => {
    const inputs = await inputsOf(
      "import { signPdf } from './main/signing/pades';\nimport { Token } from './main/signing/token';\nexport { signPdf, Token };\n",
    );
    const packages = new Set(inputs.map((f) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean));
    for (const p of ['zod', 'node-forge', 'brotli', 'better-sqlite3']) expect(packages, p).not.toContain(p);
    expect(packages).toContain('@cantoo/pdf-lib'); // the probe sees the path's packages at all
    expect(
      inputs.filter(
        (f) =>
          /^main\/(db|host|api|commune|conseil|parapheur)\//.test(f) ||
          f === 'main/kernel/validate.ts' ||
          f === 'main/documents/index.ts',
      ),
    ).toEqual([]);
  }, 60_000);

  it('the stub refuses a WOFF2 font with a clear message', async () => {
    const r = await build({
      stdin: {
        contents: "import d from 'brotli/decompress.js';\nmodule.exports = d;\n",
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      plugins: [noWoff2Plugin],
    });
    const m = { exports: {} as unknown };
    new Function('module', 'exports', 'require', r.outputFiles[0]!.text)(m, m.exports, require);
    expect(() => (m.exports as () => void)()).toThrow(/WOFF2 non prise en charge/);
  }, 60_000);
});
