// Lint, with the architecture's boundaries enforced (docs/architecture.md §2):
// - only main/electron/ and preload/ may import 'electron';
// - the renderer imports no Node built-in, no main/ code at run time (types only), no 'electron';
// - main/ never imports e2e/, bench/, test-support/ or any testing/ folder outside its tests;
// - domain folders in main/ reach each other only through what they export (no deep test helpers in prod).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electronOnly = {
  name: 'electron',
  message: "Only main/electron/ and preload/ may import 'electron' (the core runs as plain Node; see architecture §9).",
};

const testOnly = {
  group: ['**/e2e/**', '**/bench/**', '**/test-support/**', '**/testing/**', 'vitest'],
  message: 'Production code never imports test, bench or dev code (e2e/, bench/, test-support/, testing/).',
};

/**
 * A domain is a folder of main/ with everything below it, at any depth: `main/etat-civil/copies/x.ts` importing
 * `../rules/y` stays inside the état civil. A relative import that lands in ANOTHER folder of main/ may reach only
 * its index.ts (or the folder itself) or its schemas.ts; the kernel is the bottom layer anyone may use, the
 * contract (main/api) only for its types. documents/pdf-common.ts is documents' second public file: fonts and PDF
 * constants without the database (issue 10, the séance de signature's memory). The path is resolved against the
 * importing file, which a pattern on the import string alone cannot do (it took `../rules` for a domain).
 */
const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main');
const PUBLIC = new Set(['', 'index', 'schemas']);
const domainOf = (abs) => {
  const rel = path.relative(MAIN, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};
const typeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => (s.importKind ?? s.exportKind) === 'type'));
const domainBoundary = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      deep: 'Import another domain only through its index.ts (architecture §2 « The shape every domain copies »).',
      api: 'Domains use the contract (main/api) for its types only.',
    },
  },
  create(context) {
    const from = domainOf(context.filename);
    const check = (node) => {
      const source = node.source?.value;
      if (!from || typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      const to = domainOf(target);
      if (!to || to === from || to === 'kernel') return;
      const inner = path.relative(path.join(MAIN, to), target).split(path.sep).join('/');
      if (to === 'api') {
        if (!typeOnly(node)) context.report({ node: node.source, messageId: 'api' });
      } else if (!PUBLIC.has(inner) && !(to === 'documents' && inner === 'pdf-common'))
        context.report({ node: node.source, messageId: 'deep' });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'bench-results/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    files: ['main/electron/**', 'preload/**', 'e2e/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'ws'],
              message: 'The renderer runs sandboxed: no Node code.',
            },
            {
              group: ['**/main/**', '!**/main/api/types'],
              message: 'The renderer talks to the core through the bridge only.',
            },
            { group: ['**/main/api/types'], allowTypeImports: true, message: 'Import types only from main/api/types.' },
          ],
        },
      ],
    },
  },
  {
    // Production code never loads test, bench or dev code (issue 9): they live in e2e/, bench/, test-support/.
    files: ['main/**'],
    ignores: ['main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [testOnly] }],
    },
  },
  {
    // A domain reaches another only through its index.ts (or its pure-zod schemas.ts): a relative path into
    // another folder of main/ is refused, whatever the depth of the importing file (domainBoundary above). The host and the contract assemble the handler maps and schemas.
    files: ['main/**'],
    ignores: ['main/**/*.test.ts', 'main/host/**', 'main/api/**', 'main/electron/**'],
    plugins: { clocher: { rules: { 'domain-boundary': domainBoundary } } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronOnly], patterns: [testOnly] }],
      'clocher/domain-boundary': 'error',
    },
  },
  {
    files: ['main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
