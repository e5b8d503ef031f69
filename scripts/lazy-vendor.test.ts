import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { buildVendorGroups, lazyVendorPlugin, LAZY_GROUPS } from './lazy-vendor.mjs';

/**
 * The core's start-up (issue 9): PDF, mail and XML libraries are separate files, loaded at their first use
 * (scripts/lazy-vendor.mjs). Built here into a temporary folder with the same esbuild options as build.mjs.
 */
const root = path.resolve(__dirname, '..');
// under node_modules/.cache: the bundles' own requires (better-sqlite3, pkcs11js) resolve from there as from dist/
fs.mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
const out = fs.mkdtempSync(path.join(root, 'node_modules/.cache/clocher-lazy-'));
const common = {
  bundle: true,
  platform: 'node' as const,
  target: 'node20',
  format: 'cjs' as const,
  loader: { '.sql': 'text' as const },
  external: ['electron', 'better-sqlite3', 'pkcs11js', 'usb'],
  define: { __CLOCHER_VERSION__: '"test"' },
  logLevel: 'error' as const,
  absWorkingDir: root,
};
const req = createRequire(__filename);
const groupsLoaded = () =>
  Object.keys(req.cache)
    .filter((f) => f.startsWith(path.join(out, 'vendor')))
    .map((f) => path.basename(f));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
/** every group, built once for the tests that need them all, where build.mjs puts them relative to serve.js */
const vendor = path.join(out, 'dist/main/vendor');
let allGroups: ReturnType<typeof buildVendorGroups> | null = null;
const buildAllGroups = () => (allGroups ??= buildVendorGroups(root, common, LAZY_GROUPS, vendor));

describe('lazy vendor groups', () => {
  it('loads a group at the first use of one of its exports, with the exports of a plain require', async () => {
    const groups = { pdf: ['@cantoo/pdf-lib', '@cantoo/fontkit'], xml: ['node-forge'], mail: ['nodemailer'] };
    const exportsOf = await buildVendorGroups(root, common, groups, path.join(out, 'vendor'));
    const contents = [
      "import { PDFDocument, rgb } from '@cantoo/pdf-lib';",
      "import * as pdfLib from '@cantoo/pdf-lib';",
      "import fontkit from '@cantoo/fontkit';",
      "import forge from 'node-forge';",
      "import nodemailer from 'nodemailer';",
      'export const use = { pdf: () => PDFDocument, rgb: (n: number) => rgb(n, n, n), ns: () => pdfLib, fontkit: () => fontkit, forge: () => forge, mailer: () => nodemailer };',
    ].join('\n');
    const outfile = path.join(out, 'app', 'entry.js');
    await build({
      ...common,
      stdin: { contents, resolveDir: root, loader: 'ts' },
      outfile,
      plugins: [lazyVendorPlugin(root, path.join(out, 'app'), exportsOf, path.join(out, 'vendor'))],
    });
    const { use } = req(outfile);
    expect(groupsLoaded()).toEqual([]);

    const doc = await use.pdf().create();
    expect(groupsLoaded()).toEqual(['pdf.js']);
    expect(
      Buffer.from(await doc.save())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(use.rgb(0)).toEqual({ type: 'RGB', red: 0, green: 0, blue: 0 });
    expect(use.ns().PDFDocument).toBe(use.pdf());
    expect(typeof use.fontkit().create).toBe('function'); // an ES module's default export
    expect(groupsLoaded()).toEqual(['pdf.js']);
    expect(typeof use.forge().asn1.fromDer).toBe('function'); // a CommonJS module's default import is the module
    expect(groupsLoaded().sort()).toEqual(['pdf.js', 'xml.js']);
    // an interop object whose default export is not enumerable (nodemailer): the default import still works
    expect(typeof use.mailer().createTransport).toBe('function');
    expect(groupsLoaded().sort()).toEqual(['mail.js', 'pdf.js', 'xml.js']);
  }, 120_000);

  it("runs Clocher's PDF writer, CMS parser and S²LOW message reader through the groups", async () => {
    const exportsOf = await buildAllGroups();
    const contents = [
      "import { PdfWriter, readablePdf } from './main/documents';",
      "import { parse } from './main/signing/cms-read';",
      "import { parseXml } from './main/sync/s2low/messages';",
      'export { PdfWriter, readablePdf, parse, parseXml };',
    ].join('\n');
    const outfile = path.join(out, 'real', 'entry.js');
    await build({
      ...common,
      stdin: { contents, resolveDir: root, loader: 'ts' },
      outfile,
      plugins: [lazyVendorPlugin(root, path.join(out, 'real'), exportsOf, vendor)],
    });
    const m = req(outfile);
    expect(Object.keys(req.cache).filter((f) => f.startsWith(vendor))).toEqual([]);
    process.env.CLOCHER_RESOURCES = path.join(root, 'resources'); // the fonts, beside the sources (documents/resources.ts)
    const w = await m.PdfWriter.create({
      title: 'Délibération',
      commune: 'Commune de Test',
      createdAt: new Date('2026-11-23T12:00:00Z'),
      header: 'Commune de Test',
    });
    w.heading('Délibération n° 2026-001').text('Le conseil municipal, après en avoir délibéré, décide…');
    const bytes: Uint8Array = await w.save();
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await m.readablePdf(bytes)).toEqual({ pages: 1 });
    expect(m.parse(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05])).value).toHaveLength(1); // SEQUENCE { INTEGER 5 }
    expect(m.parseXml('<actes:ARActe xmlns:actes="x"><actes:Nature>1</actes:Nature></actes:ARActe>')).toEqual({
      ARActe: { Nature: '1' },
    });
    expect(
      Object.keys(req.cache)
        .filter((f) => f.startsWith(vendor))
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['pdf.js', 'xml.js']);
  }, 120_000);

  it('starts the core host (serve.js) without loading any group', async () => {
    const exportsOf = await buildAllGroups();
    const outdir = path.join(out, 'dist/main/host');
    await build({
      ...common,
      entryPoints: { serve: 'main/host/serve.ts' },
      outdir,
      plugins: [lazyVendorPlugin(root, outdir, exportsOf, vendor)],
    });
    expect(fs.statSync(path.join(outdir, 'serve.js')).size).toBeLessThan(3_000_000); // was 10 MB with the libraries inside
    const hook = path.join(out, 'hook.cjs');
    fs.writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('vendor'))) + '\\n'));\n",
    );
    const dataDir = fs.mkdtempSync(path.join(out, 'data-'));
    const child = spawn(
      process.execPath,
      ['-r', hook, path.join(outdir, 'serve.js'), `--data-dir=${dataDir}`, `--renderer=${out}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const ready = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()).includes('\n') && resolve(text));
      child.on('exit', (code) => reject(new Error(`serve.js exit ${code}: ${err}`)));
    });
    expect(JSON.parse(ready)).toMatchObject({ url: expect.stringContaining('http://127.0.0.1:') });
    const closed = new Promise((r) => child.on('close', (code, sig) => r(`${code} ${sig}`))); // 'close': stderr read to its end
    child.kill('SIGTERM');
    const how = await closed;
    const loaded = /LOADED (\[.*\])/.exec(err)?.[1];
    expect(loaded, `${how} stderr: ${err}`).toBeDefined();
    expect(JSON.parse(loaded as string)).toEqual([]);
  }, 120_000);
});
