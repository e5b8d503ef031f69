import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The release build's Electron fuses, read from the real packaging config and its afterPack hook: set for
 * CLOCHER_RELEASE=1, absent for CLOCHER_E2E_BUILD=1 (Playwright passes --inspect, architecture §9), and no
 * packaging at all when the build says neither.
 */
const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const yaml = require('js-yaml') as { load(s: string): Record<string, unknown> };
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const hook = require(path.join(root, 'scripts/electron-fuses.cjs')) as {
  (context: unknown): Promise<void>;
  fusesFor(env: Record<string, string | undefined>): Record<string, boolean> | null;
  wireConfig(f: Record<string, boolean>): Record<string, unknown>;
};
const { FuseV1Options, FuseVersion } = require(
  require.resolve('@electron/fuses', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }),
) as {
  FuseV1Options: Record<string, number>;
  FuseVersion: { V1: string };
};

async function withEnv(env: Record<string, string>, f: () => Promise<void>): Promise<void> {
  const saved = { CLOCHER_RELEASE: process.env.CLOCHER_RELEASE, CLOCHER_E2E_BUILD: process.env.CLOCHER_E2E_BUILD };
  delete process.env.CLOCHER_RELEASE;
  delete process.env.CLOCHER_E2E_BUILD;
  Object.assign(process.env, env);
  try {
    await f();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe('electron-builder: fuses for release builds only', () => {
  it('the config packs into an asar and runs our hook, never electron-builder’s unconditional electronFuses', () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('scripts/electron-fuses.cjs');
    expect(fs.existsSync(path.join(root, config.afterPack as string))).toBe(true);
    expect(config).not.toHaveProperty('electronFuses');
  });

  it('a release build flips every hardening fuse', () => {
    const wire = hook.wireConfig(hook.fusesFor({ CLOCHER_RELEASE: '1' })!);
    expect(wire).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.EnableCookieEncryption!]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges!]: false,
    });
  });

  it('the hook fuses the packaged binary for a release, leaves an e2e build drivable, and stops when neither is said', async () => {
    const calls: unknown[] = [];
    const context = { packager: { addElectronFuses: async (_c: unknown, fuses: unknown) => void calls.push(fuses) } };
    await withEnv({ CLOCHER_RELEASE: '1' }, () => hook(context));
    expect(calls).toEqual([hook.wireConfig(hook.fusesFor({ CLOCHER_RELEASE: '1' })!)]);
    expect(hook.fusesFor({ CLOCHER_E2E_BUILD: '1' })).toBeNull();
    await withEnv({ CLOCHER_E2E_BUILD: '1' }, () => hook(context));
    expect(calls).toHaveLength(1);
    await expect(withEnv({}, () => hook(context))).rejects.toThrow(/CLOCHER_RELEASE=1.*CLOCHER_E2E_BUILD=1/);
    expect(() => hook.fusesFor({ CLOCHER_RELEASE: '1', CLOCHER_E2E_BUILD: '1' })).toThrow(/choisissez/);
    expect(calls).toHaveLength(1);
  });
});
