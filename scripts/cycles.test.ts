import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { folderCycles } from './cycles.mjs';

/**
 * `npm run cycles` (scripts/cycles.mjs) counts type imports by default (issue 9): a domain typed by the contract
 * that assembles it is a cycle of the layers (architecture §2) even though `import type` is erased at build.
 */
describe('the folder cycle check', () => {
  let root: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-cycles-'));
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
    // the contract loads the domain's schemas; the domain's handlers name the contract's types only
    write(
      'main/api/schemas.ts',
      "import { conseilApi } from '../conseil/schemas';\nexport const api = { ...conseilApi };\n",
    );
    write(
      'main/api/handler.ts',
      "import type { api } from './schemas';\nexport type Ctx = { names: keyof typeof api };\n",
    );
    write('main/conseil/schemas.ts', "export const conseilApi = { 'conseil.x': 1 };\n");
    write('main/kernel/index.ts', 'export const k = 1;\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports a cycle made of a type import, by default, with the edge to look at', async () => {
    write('main/conseil/handlers.ts', "import type { Ctx } from '../api/handler';\nexport const h = (c: Ctx) => c;\n");
    const { cycles } = await folderCycles(root);
    expect(cycles.map((c) => c.folders)).toEqual([['api', 'conseil']]);
    expect(cycles[0]?.edges).toContain('conseil → api  (main/conseil/handlers.ts → main/api/handler.ts)');
    // leaving type imports out (`--code-only`) hides it: that is why they count by default
    expect((await folderCycles(root, { withTypes: false })).cycles).toEqual([]);
  });

  it('finds none when the domain takes its context from below (kernel) and its own schemas', async () => {
    write(
      'main/conseil/handlers.ts',
      "import type { k } from '../kernel';\nimport type { conseilApi } from './schemas';\nexport type H = [typeof k, typeof conseilApi];\n",
    );
    const r = await folderCycles(root);
    expect(r.cycles).toEqual([]);
    expect(r.folders).toBe(3);
  });
});
