import { defineConfig, type Plugin } from 'vitest/config';
import fs from 'node:fs';

/** Load .sql migrations as text, like esbuild's `text` loader does in the build. */
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    if (id.endsWith('.sql')) return `export default ${JSON.stringify(fs.readFileSync(id, 'utf8'))};`;
    return null;
  },
};

export default defineConfig({
  plugins: [sqlAsText],
  esbuild: { jsx: 'automatic' },
  test: {
    globals: true,
    projects: [
      {
        plugins: [sqlAsText],
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'unit',
          globals: true,
          include: [
            'main/**/*.test.ts',
            'preload/**/*.test.ts',
            'migrations/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
            'test-support/**/*.test.ts',
            'e2e/fakes/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [sqlAsText],
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'renderer',
          globals: true,
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
      {
        plugins: [sqlAsText],
        test: {
          name: 'e2e',
          globals: true,
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
