import { EVENTS } from '../main/api/schemas';
import { PRELOAD_EVENTS } from './events';

it('the preload’s event list is the contract’s (kept separate so zod stays out of the preload bundle)', () => {
  expect([...PRELOAD_EVENTS]).toEqual([...EVENTS]);
});

it('the sandboxed preload bundle requires nothing but electron (no zod, no node:*)', async () => {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: ['preload/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.text;
  const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect([...new Set(required)]).toEqual(['electron']);
  expect(code).not.toMatch(/zod/);
  expect(code.length).toBeLessThan(10_000);
});
