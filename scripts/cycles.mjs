// `npm run cycles`: fails when the folders of main/ import each other in a cycle (architecture §2: kernel and
// db at the bottom, then main/context/ — the handlers' context and the bottom types it names —, the domains
// above, the host and the assembled contract on top). Module-level dependencies come from madge; each file
// counts for its folder (main/<folder>/…); tests are left out. Type imports count too: a domain typed by the
// contract that assembles it is a cycle of the design even if `import type` is erased at build time (each
// domain types its handlers by its own schemas.ts, see docs/adding-a-domain.md). `--code-only` leaves type
// imports out, to tell a cycle of loaded code from a type-only one; `--with-types` is the default, kept.
import madge from 'madge';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder cycles under `root/main`: one entry per cycle, its folders and one example edge per step. */
export async function folderCycles(root, { withTypes = true } = {}) {
  const skipTypeImports = !withTypes;
  const res = await madge(path.join(root, 'main'), {
    baseDir: root,
    fileExtensions: ['ts'],
    excludeRegExp: [/\.test\.ts$/, /\.d\.ts$/],
    tsConfig: path.join(root, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports }, tsx: { skipTypeImports } },
  });
  const folderOf = (file) => (file.startsWith('main/') ? file.split('/')[1] : null);
  /** folder → folder → one example edge "a.ts → b.ts", to say where to look */
  const graph = new Map();
  for (const [file, deps] of Object.entries(res.obj())) {
    const from = folderOf(file);
    if (!from) continue;
    for (const dep of deps) {
      const to = folderOf(dep);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, `${file} → ${dep}`);
    }
  }
  const folders = new Set([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
  const cycles = stronglyConnected(graph).map((c) => ({
    folders: c,
    edges: c.flatMap((a) =>
      [...(graph.get(a) ?? [])].filter(([b]) => c.includes(b)).map(([b, e]) => `${a} → ${b}  (${e})`),
    ),
  }));
  return { cycles, folders: folders.size, files: Object.keys(res.obj()).length };
}

/** Tarjan's strongly connected components: any component of two folders or more is a cycle. */
function stronglyConnected(graph) {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    stack = [],
    on = new Set(),
    sccs = [];
  function visit(v) {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) sccs.push(c.sort());
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return sccs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const withTypes = !process.argv.includes('--code-only');
  const { cycles, folders, files } = await folderCycles(root, { withTypes });
  const what = withTypes ? 'type imports included' : 'imports that load code only';
  if (cycles.length === 0) {
    process.stdout.write(`No folder cycle in main/ (${folders} folders, ${files} files; ${what}).\n`);
    process.exit(0);
  }
  for (const c of cycles) {
    process.stdout.write(`Folder cycle in main/ (${what}): ${c.folders.join(', ')}\n`);
    for (const e of c.edges) process.stdout.write(`  ${e}\n`);
  }
  process.exit(1);
}
