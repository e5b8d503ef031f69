// Lint, with the architecture's boundaries enforced (docs/architecture.md §2):
// - only main/electron/ and preload/ may import 'electron';
// - the renderer imports no Node built-in, no main/ code at run time (types only), no 'electron';
// - main/ never imports e2e/, bench/, test-support/ or any testing/ folder outside its tests;
// - domain folders in main/ reach each other only through what they export (no deep test helpers in prod).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const electronOnly = {
  name: 'electron',
  message: "Only main/electron/ and preload/ may import 'electron' (the core runs as plain Node; see architecture §9).",
};

const testOnly = {
  group: ['**/e2e/**', '**/bench/**', '**/test-support/**', '**/testing/**', 'vitest'],
  message: 'Production code never imports test, bench or dev code (e2e/, bench/, test-support/, testing/).',
};

/**
 * A relative path into another folder of main/ other than its index.ts or schemas.ts (`../x/y`,
 * `../../x/y`); the kernel is the bottom layer anyone may use, the contract (main/api) only for its types.
 * documents/pdf-common.ts is documents' second public file: fonts and PDF constants without the database
 * (issue 10, the séance de signature's memory).
 */
const intoDomain = [
  {
    regex: '^(\\.\\./)+(?!kernel/|api/|documents/pdf-common$)[^./][^/]*/(?!(index|schemas)$).+',
    message: 'Import another domain only through its index.ts (architecture §2 « The shape every domain copies »).',
  },
  {
    regex: '^(\\.\\./)+api/',
    allowTypeImports: true,
    message: 'Domains use the contract (main/api) for its types only.',
  },
];

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
    // another folder of main/ is refused. The host and the contract assemble the handler maps and schemas.
    files: ['main/**'],
    ignores: ['main/**/*.test.ts', 'main/host/**', 'main/api/**', 'main/electron/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronOnly], patterns: [testOnly, ...intoDomain] },
      ],
    },
  },
  {
    files: ['main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
