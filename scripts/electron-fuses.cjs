/**
 * electron-builder `afterPack` hook: Electron's fuses (https://www.electronjs.org/docs/latest/tutorial/fuses),
 * flipped in the packaged binary before it is signed. A fused Clocher.exe cannot be turned into a plain Node
 * (ELECTRON_RUN_AS_NODE), be given code through NODE_OPTIONS or `--inspect`, nor load an app.asar someone
 * replaced or an unpacked app/ folder beside it: the élus' signatures and the commune's data go through it.
 *
 * Playwright's `_electron.launch` passes `--inspect` (architecture §9), so a build meant for end-to-end tests
 * must stay unfused. Neither case is a default: CLOCHER_RELEASE=1 fuses, CLOCHER_E2E_BUILD=1 does not, and
 * packaging with neither stops, so a release can never ship unfused by a forgotten variable.
 * Plain CommonJS: electron-builder requires it as is, without our build.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder requires this hook as is */
const path = require('node:path');

/** Release fuses, in electron-builder's `electronFuses` names. */
const RELEASE_FUSES = Object.freeze({
  runAsNode: false, // the core runs in a utilityProcess and the recovery CLI too (main/electron/recover.ts)
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false, // the window is served from app:// (main/electron/protocol.ts), never file://
});

/** The fuses for this build, or null for an unfused end-to-end build; throws when the build says neither. */
function fusesFor(env) {
  if (env.CLOCHER_RELEASE === '1' && env.CLOCHER_E2E_BUILD === '1')
    throw new Error('CLOCHER_RELEASE=1 et CLOCHER_E2E_BUILD=1 à la fois : choisissez.');
  if (env.CLOCHER_RELEASE === '1') return RELEASE_FUSES;
  if (env.CLOCHER_E2E_BUILD === '1') return null;
  throw new Error(
    'Empaquetage de Clocher : indiquez CLOCHER_RELEASE=1 (version publiée, fusibles Electron posés) ou CLOCHER_E2E_BUILD=1 (version de test pilotable par Playwright, sans fusibles).',
  );
}

/** @electron/fuses as electron-builder ships it (no dependency of our own to keep in step). */
function electronFuses() {
  const from = path.dirname(require.resolve('app-builder-lib/package.json'));
  return require(require.resolve('@electron/fuses', { paths: [from] }));
}

/** electron-builder names → the FuseV1 wire config that `packager.addElectronFuses` takes. */
function wireConfig(fuses) {
  const { FuseVersion, FuseV1Options } = electronFuses();
  const key = (name) => {
    const option = FuseV1Options[name[0].toUpperCase() + name.slice(1)];
    if (option === undefined) throw new Error(`fusible Electron inconnu : ${name}`);
    return option;
  };
  return Object.fromEntries([
    ['version', FuseVersion.V1],
    ...Object.entries(fuses).map(([name, on]) => [key(name), on]),
  ]);
}

async function afterPack(context) {
  const fuses = fusesFor(process.env);
  if (!fuses) {
    console.log(
      '  • Clocher : version de test (CLOCHER_E2E_BUILD=1), fusibles Electron NON posés — ne pas distribuer.',
    );
    return;
  }
  await context.packager.addElectronFuses(context, wireConfig(fuses));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fusesFor = fusesFor;
module.exports.wireConfig = wireConfig;
module.exports.RELEASE_FUSES = RELEASE_FUSES;
