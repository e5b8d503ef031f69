/**
 * Seed an installation with one large commune (40 years of registers) for benchmarks and manual trials.
 *   node dist/scripts/seed-large.js --data-dir=DIR [--scale=1] [--seed=42] [--now=2026-11-23T09:00:00Z]
 * Same seed, scale and --now: same rows (without --now, « today » is the current time).
 * Then: node dist/main/host/serve.js --data-dir=DIR  and log in as « secretaire » / « une belle journée à la mairie ».
 */
import path from 'node:path';
import { argValue } from '../main/host/paths';
import { LARGE_ACCOUNT, MAIRE_ACCOUNT, seedLargeInstallation } from '../bench/devdata/seed';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dir = argValue(argv, 'data-dir');
  if (!dir) throw new Error('indiquez --data-dir=DOSSIER (un dossier neuf)');
  const scale = Number(argValue(argv, 'scale') ?? 1);
  const seed = Number(argValue(argv, 'seed') ?? 42);
  const nowArg = argValue(argv, 'now');
  const now = nowArg ? new Date(nowArg) : new Date();
  if (!(scale > 0) || !Number.isInteger(seed) || Number.isNaN(now.getTime()))
    throw new Error('--scale doit être > 0, --seed un entier et --now une date ISO');
  const r = await seedLargeInstallation(path.resolve(dir), { scale, seed, now });
  const c = r.counts;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`Commune ${r.communeId} créée dans ${path.resolve(dir)} (graine ${seed}, échelle ${scale})`);
  console.log(
    `  actes d'état civil : ${c.actes} (naissance ${c.actesParType.naissance}, mariage ${c.actesParType.mariage}, décès ${c.actesParType.deces}, reconnaissance ${c.actesParType.reconnaissance})`,
  );
  console.log(
    `  courriers          : ${c.courriers} (arrivée ${c.courriersParSens.arrivee}, départ ${c.courriersParSens.depart})`,
  );
  console.log(`  séances            : ${c.seances}, délibérations : ${c.deliberations}`);
  console.log(`  journal            : ${c.journal} lignes, à faire : ${c.todos}, arrivées : ${c.arrivals}`);
  console.log(`  fichier            : ${(r.fileBytes / 1024 / 1024).toFixed(1)} Mio`);
  console.log(
    `  durée              : ${s(r.ms.total)} (installation ${s(r.ms.setup)}, génération ${s(r.ms.generate)}, fermeture ${s(r.ms.close)})`,
  );
  console.log(
    `Comptes : ${LARGE_ACCOUNT.login} / « ${LARGE_ACCOUNT.password} » ; ${MAIRE_ACCOUNT.login} / « ${MAIRE_ACCOUNT.password} » (à changer à la 1re connexion)`,
  );
}

main().catch((e) => {
  console.error(`seed-large : ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
