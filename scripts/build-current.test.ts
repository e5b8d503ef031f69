import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, clocherBuildPlan } from './build-current.mjs';

/**
 * `npm start` skips the build when dist/ is current (scripts/build-current.mjs): an edited, added or deleted
 * source, or a missing output, rebuilds; nothing else does.
 */
describe('the build-is-current check', () => {
  let root: string;
  const at = (rel: string, seconds: number) => {
    const file = path.join(root, rel);
    const t = new Date(Date.UTC(2026, 10, 23, 9, 0, seconds));
    fs.utimesSync(file, t, t);
  };
  const write = (rel: string, seconds: number) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), rel);
    at(rel, seconds);
  };
  const inputs = ['main', 'package.json'];
  const outputs = ['dist/main/host/serve.js', 'dist/renderer/index.html'];

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-build-'));
    write('main/host/core.ts', 10);
    write('package.json', 10);
    at('main/host', 10);
    at('main', 10);
    write('dist/main/host/serve.js', 20);
    write('dist/renderer/index.html', 21);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('skips when every output is newer than every input', () => {
    expect(buildIsCurrent(root, inputs, outputs)).toEqual({
      current: true,
      reason: 'dist/ est à jour : pas de nouvelle construction.',
    });
  });

  it('builds when a source file was edited after the oldest output', () => {
    at('main/host/core.ts', 20.5); // newer than serve.js, older than index.html: the oldest output decides
    const r = buildIsCurrent(root, inputs, outputs);
    expect(r.current).toBe(false);
    expect(r.reason).toContain(path.join('main', 'host', 'core.ts'));
  });

  it('builds when a source file was deleted (its folder changed)', () => {
    fs.rmSync(path.join(root, 'main/host/core.ts'));
    fs.utimesSync(
      path.join(root, 'main/host'),
      new Date(Date.UTC(2026, 10, 23, 9, 0, 30)),
      new Date(Date.UTC(2026, 10, 23, 9, 0, 30)),
    );
    expect(buildIsCurrent(root, inputs, outputs).current).toBe(false);
  });

  it('builds when an output is missing, and ignores node_modules and dist inside inputs', () => {
    write('main/node_modules/x.js', 99);
    at('main', 10);
    expect(buildIsCurrent(root, inputs, outputs).current).toBe(true);
    fs.rmSync(path.join(root, 'dist/renderer/index.html'));
    expect(buildIsCurrent(root, inputs, outputs)).toEqual({
      current: false,
      reason: 'dist/renderer/index.html manque : construction.',
    });
  });

  it("lists Clocher's own sources and outputs, the renderer only when it is built", () => {
    write('scripts/bench.ts', 10);
    write('scripts/bench.test.ts', 10);
    const full = clocherBuildPlan(
      root,
      { 'main/host/serve': 'main/host/core.ts', 'main/electron/main': 'main/electron/main.ts' },
      false,
    );
    expect(full.outputs).toEqual(['dist/main/host/serve.js', 'dist/scripts/bench.js', 'dist/renderer/index.html']);
    expect(full.inputs).toEqual(
      expect.arrayContaining(['main', 'preload', 'migrations', 'scripts', 'renderer', 'package.json']),
    );
    const noRenderer = clocherBuildPlan(root, {}, true);
    expect(noRenderer.outputs).not.toContain('dist/renderer/index.html');
    expect(noRenderer.inputs).not.toContain('renderer');
  });
});
