// Libraries the core needs only on first use load then, not at start-up (issue 9, « Start-up »: core ready
// ≤ 250 ms). Measured (node --cpu-prof on dist/main/host/serve.js): with everything in one 10 MB bundle, Node
// spent ~100 ms reading it and ~270 ms compiling it before the first line ran, then ~200 ms evaluating PDF,
// mail and XML libraries no start-up path uses. An `await import()` inside one CommonJS bundle only defers the
// evaluation, never the read and the compile, so the split is made here, at the package boundary:
//   - each group below is built once into dist/main/vendor/<group>.js;
//   - in the other bundles, an import of one of these packages resolves to a small shim whose exports are
//     getters: the group file is `require`d at the first access to any export (PDFDocument, ImapFlow, …),
//     i.e. at the first PDF, mail or signature, and never before. The export names are read from the built
//     group at build time, so `import x from`, `import * as` and named imports behave as in one bundle.
// Packages that interoperate (xml-crypto walks @xmldom/xmldom's nodes) share a group, hence one copy each.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

export const LAZY_GROUPS = {
  pdf: ['@cantoo/pdf-lib', '@cantoo/fontkit'],
  mail: ['imapflow', 'mailparser', 'nodemailer', '@kenjiuno/msgreader'],
  xml: ['node-forge', 'xml-crypto', '@xmldom/xmldom', 'fast-xml-parser'],
};
export const VENDOR_DIR = 'dist/main/vendor';

/** Build each group into VENDOR_DIR; returns { package → { group, keys, esModule } } for the shims. */
export async function buildVendorGroups(root, common, groups = LAZY_GROUPS, vendorDir = VENDOR_DIR) {
  const req = createRequire(path.join(root, 'package.json'));
  const exportsOf = {};
  for (const [group, pkgs] of Object.entries(groups)) {
    const outfile = path.resolve(root, vendorDir, `${group}.js`);
    const contents = `module.exports = {\n${pkgs.map((p) => `  ${JSON.stringify(p)}: require(${JSON.stringify(p)}),`).join('\n')}\n};\n`;
    await build({
      ...common,
      stdin: { contents, resolveDir: root, sourcefile: `vendor-${group}.js`, loader: 'js' },
      outfile,
    });
    delete req.cache[outfile];
    const built = req(outfile);
    for (const p of pkgs) {
      const m = built[p];
      const keys = Object.keys(m).filter((k) => k !== '__esModule');
      // an ES-module interop object may carry its default export as a non-enumerable property (nodemailer as
      // bundled here): without it, `import nodemailer from 'nodemailer'` would give undefined through the shim
      if (m.__esModule && m.default !== undefined && !keys.includes('default')) keys.push('default');
      exportsOf[p] = { group, keys, esModule: Boolean(m.__esModule) };
    }
    delete req.cache[outfile]; // read for its export names only: this process did not use it
  }
  return exportsOf;
}

/** The shim an import of `pkg` becomes: getters that load the group at the first access. */
export function shimSource(pkg, info, requirePath) {
  const lines = [
    `// ${pkg}: loaded from ${requirePath} at first use (scripts/lazy-vendor.mjs)`,
    `let loaded;`,
    `const real = () => (loaded ??= require(${JSON.stringify(requirePath)})[${JSON.stringify(pkg)}]);`,
    `Object.defineProperty(module.exports, '__esModule', { value: true });`,
    `for (const k of ${JSON.stringify(info.keys)}) Object.defineProperty(module.exports, k, { enumerable: true, get: () => real()[k] });`,
  ];
  // a CommonJS package without __esModule: its default import is the whole module, as esbuild's interop gives it
  if (!info.esModule) lines.push(`Object.defineProperty(module.exports, 'default', { enumerable: true, get: real });`);
  return `${lines.join('\n')}\n`;
}

/** esbuild plugin for a bundle written to `outdir`: the lazy packages resolve to their shims. */
export function lazyVendorPlugin(root, outdir, exportsOf, vendorDir = VENDOR_DIR) {
  const names = Object.keys(exportsOf);
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  // the group files stay separate files, required by a path relative to the bundle that needs them
  const relPathOf = (group) => {
    const rel = path
      .relative(path.resolve(root, outdir), path.resolve(root, vendorDir, `${group}.js`))
      .split(path.sep)
      .join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const groupFiles = new Set(Object.values(exportsOf).map((i) => relPathOf(i.group)));
  return {
    name: 'lazy-vendor',
    setup(b) {
      b.onResolve({ filter }, (a) =>
        a.namespace === 'lazy-vendor' ? undefined : { path: a.path, namespace: 'lazy-vendor' },
      );
      b.onResolve({ filter: /^\./, namespace: 'lazy-vendor' }, (a) =>
        groupFiles.has(a.path) ? { path: a.path, external: true } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, (a) => {
        const info = exportsOf[a.path];
        return { contents: shimSource(a.path, info, relPathOf(info.group)), loader: 'js', resolveDir: root };
      });
    },
  };
}
