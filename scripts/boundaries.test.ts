import { ESLint } from 'eslint';
import path from 'node:path';

// The architecture's boundaries are enforced by lint, not by hope: prove the rules bite.
const root = path.join(__dirname, '..');
const eslint = new ESLint({ cwd: root });
async function errors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (r?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message);
}

describe('architecture boundaries (eslint)', () => {
  it("only main/electron and preload import 'electron'", async () => {
    expect(await errors('main/commune/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringMatching(/Only main\/electron/),
    ]);
    expect(await errors('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(
      await errors('preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n"),
    ).toEqual([]);
  });
  it('the renderer imports no Node code and only types from main', async () => {
    expect(await errors('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([
      expect.stringMatching(/no Node code/),
    ]);
    expect(
      await errors('renderer/src/x.ts', "import { Core } from '../../main/host/core';\nexport const a = Core;\n"),
    ).toEqual([expect.stringMatching(/bridge only/)]);
    expect(
      await errors(
        'renderer/src/x.ts',
        "import type { HandlerName } from '../../main/api/types';\nexport const a: HandlerName | null = null;\n",
      ),
    ).toEqual([]);
  });
  it('production code in main/ imports no test, bench or dev code; its tests may', async () => {
    const prod = [
      "import { startFakeS2low } from '../../e2e/fakes/s2low/index';\nexport const a = startFakeS2low;\n",
      "import { seedLargeInstallation } from '../../bench/devdata/seed';\nexport const a = seedLargeInstallation;\n",
      "import { testCore } from '../../test-support/helpers';\nexport const a = testCore;\n",
      "import { createTestPki } from './testing/pki';\nexport const a = createTestPki;\n",
      "import { vi } from 'vitest';\nexport const a = vi;\n",
    ];
    for (const code of prod)
      expect(await errors('main/sync/x.ts', code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/never imports test, bench or dev code/)]),
      );
    expect(await errors('main/sync/x.test.ts', prod[0]!)).toEqual([]);
    expect(await errors('main/sync/x.test.ts', prod[2]!)).toEqual([]);
  });
  it('a domain reaches another only through its index.ts (or schemas.ts); the host assembles the maps', async () => {
    const deep = /only through its index\.ts/;
    expect(
      await errors(
        'main/parapheur/x.ts',
        "import { readIdentity } from '../commune/commune';\nexport const a = readIdentity;\n",
      ),
    ).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors(
        'main/conseil/rules/x.ts',
        "import { accord } from '../../documents/french';\nexport const a = accord;\n",
      ),
    ).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors('main/etat-civil/handlers.ts', "import { x } from '../courrier/registre';\nexport const a = x;\n"),
    ).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors(
        'main/parapheur/x.ts',
        "import { readIdentity } from '../commune';\nexport const a = readIdentity;\n",
      ),
    ).toEqual([]);
    expect(
      await errors(
        'main/sync/s2low/x.ts',
        "import { getDeliberation } from '../../conseil/index';\nexport const a = getDeliberation;\n",
      ),
    ).toEqual([]);
    expect(
      await errors(
        'main/etat-civil/handlers.ts',
        "import { x } from '../courrier';\nimport { y } from './registre';\nexport const a = [x, y];\n",
      ),
    ).toEqual([]);
    expect(
      await errors(
        'main/api/schemas.ts',
        "import { conseilApi } from '../conseil/schemas';\nexport const a = conseilApi;\n",
      ),
    ).toEqual([]);
    expect(
      await errors('main/parapheur/x.ts', "import { AppError } from '../kernel/errors';\nexport const a = AppError;\n"),
    ).toEqual([]);
    // documents' second public file (fonts, no database: issue 10); any other file of documents stays private
    expect(
      await errors(
        'main/signing/x.ts',
        "import { cachedFontkit } from '../documents/pdf-common';\nexport const a = cachedFontkit;\n",
      ),
    ).toEqual([]);
    expect(
      await errors(
        'main/signing/x.ts',
        "import { cachedFontkit } from '../documents/font-cache';\nexport const a = cachedFontkit;\n",
      ),
    ).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors('main/signing/x.ts', "import { x } from '../documents/pdf-common/y';\nexport const a = x;\n"),
    ).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors('main/signing/x.ts', "import { x } from '../conseil/pdf-common';\nexport const a = x;\n"),
    ).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors(
        'main/host/x.ts',
        "import { conseilHandlers } from '../conseil/handlers';\nexport const a = conseilHandlers;\n",
      ),
    ).toEqual([]);
  });
  it('a sub-folder at any depth is its own domain: it imports its siblings freely, another domain still by index', async () => {
    const deep = /only through its index\.ts/;
    // main/etat-civil/copies/ and lettres/ read the état civil's rules/ (they carried an eslint exception for it)
    for (const [file, code] of [
      [
        'main/etat-civil/copies/x.ts',
        "import { quandOu } from '../rules/extrait-wording';\nexport const a = quandOu;\n",
      ],
      ['main/etat-civil/lettres/x.ts', "export { dateCourte } from '../rules/dates';\n"],
      [
        'main/etat-civil/copies/pdf/x.ts',
        "import { KIND_LABELS } from '../../rules/kinds';\nexport const a = KIND_LABELS;\n",
      ],
      [
        'main/etat-civil/copies/x.ts',
        "import { y } from '../handlers';\nimport { z } from './rules';\nexport const a = [y, z];\n",
      ],
    ] as const)
      expect(await errors(file, code), `${file}: ${code}`).toEqual([]);
    // from the same sub-folders, another domain's inner file is refused, its index is not
    for (const [file, code] of [
      ['main/etat-civil/copies/x.ts', "import { x } from '../../courrier/registre';\nexport const a = x;\n"],
      ['main/etat-civil/copies/pdf/x.ts', "export { accord } from '../../../documents/french';\n"],
      ['main/etat-civil/lettres/x.ts', "export * from '../../conseil/rules/quorum';\n"],
      ['main/sync/s2low/x.ts', "const m = import('../../conseil/seances');\nexport const a = m;\n"],
    ] as const)
      expect(await errors(file, code), `${file}: ${code}`).toEqual([expect.stringMatching(deep)]);
    expect(
      await errors('main/etat-civil/copies/x.ts', "import { x } from '../../courrier';\nexport const a = x;\n"),
    ).toEqual([]);
    // the contract stays types-only from a sub-folder too
    expect(
      await errors(
        'main/sync/s2low/x.ts',
        "import { HANDLERS } from '../../api/schemas';\nexport const a = HANDLERS;\n",
      ),
    ).toEqual([expect.stringMatching(/types only/)]);
    expect(
      await errors(
        'main/sync/s2low/x.ts',
        "import type { Ctx } from '../../api/handler';\nexport const a: Ctx | null = null;\n",
      ),
    ).toEqual([]);
  });
  it('domains use the contract in main/api for its types only', async () => {
    expect(
      await errors(
        'main/sync/x.ts',
        "import type { Ctx } from '../api/handler';\nexport const a: Ctx | null = null;\n",
      ),
    ).toEqual([]);
    expect(
      await errors('main/sync/x.ts', "import { HANDLERS } from '../api/schemas';\nexport const a = HANDLERS;\n"),
    ).toEqual([expect.stringMatching(/types only/)]);
  });
});
