// `npm run cycles`: fails when the folders of main/ import each other in a cycle (architecture §2: errors,
// validation and time at the bottom, domains above, the host and the contract on top). Module-level
// dependencies come from madge; each file counts for its folder (main/<folder>/…); tests are left out.
// Imports that load code count; `import type` is erased at build time and left out (the contract's types,
// main/api/handler.ts, meet every domain). `npm run cycles -- --with-types` counts them too, to show that
// remaining type-only cycle (Ctx and Implementations in main/api/handler.ts, see docs/adding-a-domain.md).
import madge from 'madge';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const skipTypeImports = !process.argv.includes('--with-types');
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

// Tarjan's strongly connected components: any component of two folders or more is a cycle.
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

const folders = new Set([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
if (sccs.length === 0) {
  process.stdout.write(`No folder cycle in main/ (${folders.size} folders, ${Object.keys(res.obj()).length} files).\n`);
  process.exit(0);
}
for (const c of sccs) {
  process.stdout.write(`Folder cycle in main/: ${c.join(', ')}\n`);
  for (const a of c)
    for (const [b, edge] of graph.get(a) ?? []) if (c.includes(b)) process.stdout.write(`  ${a} → ${b}  (${edge})\n`);
}
process.exit(1);
