/** The core's own handlers: its status for the window, activity (keeps the session awake), diagnostics. */
import fs from 'node:fs';
import os from 'node:os';
import { communeMigrations, workspaceMigrations } from '../../migrations';
import type { Ctx, Implementations } from '../context';
import type { appApi } from './schemas';
import { AppError, toErrorValue } from '../kernel';
import { managesInstallation, userCount, communesOf, permissionsOf } from '../auth';
import { latestVersion, schemaVersion } from '../db';

function communeProblem(ctx: Ctx) {
  try {
    ctx.commune();
    return null;
  } catch (e) {
    return toErrorValue(e);
  }
}

const WRITE_PERMISSIONS = new Set<string>(['commune.write', 'parapheur.sign']);

/** Counts only: diagnostics are sent to support and must carry no personal data (RGPD art. 5-1-c). */
const COUNTED_TABLES = [
  'elu',
  'journal',
  'acte_etat_civil',
  'courrier',
  'seance',
  'deliberation',
  'arrival',
  'todo',
] as const;

export const appHandlers = {
  'app.status': (ctx) => {
    const ws = ctx.core.workspace;
    const base = { version: ctx.core.version, lockMinutes: ctx.core.lockMinutes() };
    if (userCount(ws) === 0) return { ...base, phase: 'setup' as const };
    const s = ctx.conn.session;
    if (!s) return { ...base, phase: 'login' as const };
    const user = {
      login: s.login,
      displayName: s.displayName,
      mustChangePassword: s.mustChangePassword,
      eluId: s.eluId,
      /** may change the installation-wide settings (auth/access.ts): the window offers them only then */
      managesInstallation: managesInstallation(ws, s.userId),
    };
    if (s.locked) return { ...base, phase: 'locked' as const, user };
    const communes = communesOf(ctx.core, s.userId);
    const current = communes.find((c) => c.id === s.communeId) ?? null;
    // what this session may do in the open commune, from the core's own matrix (auth/roles.ts): the window
    // hides what would be refused and never keeps a copy of the roles
    const problem = current ? communeProblem(ctx) : null;
    // found damaged after it was opened (communes.ts markDamaged): reads go on, the window shows the banner and
    // hides what writes, the core refuses it anyway (damage.ts)
    const damage = current && !problem ? ctx.core.communes.damage(current.id) : null;
    const permissions = current ? permissionsOf(current.role).filter((p) => !damage || !WRITE_PERMISSIONS.has(p)) : [];
    return {
      ...base,
      phase: 'ready' as const,
      user,
      communes,
      commune: current,
      permissions,
      problem,
      damage: damage ? damage.toValue() : null,
    };
  },

  'app.activity': () => ({ ok: true as const }),

  'diagnostics.get': (ctx) => {
    const id = ctx.session().communeId;
    if (!id) throw new AppError('NO_COMMUNE', 'Choisissez d’abord une commune.');
    let commune: Record<string, unknown>;
    try {
      const { db } = ctx.commune();
      const counts = Object.fromEntries(
        COUNTED_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
      );
      const file = ctx.core.communes.fileOf(id);
      const size = [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
      commune = {
        schema: schemaVersion(db),
        schemaAttendu: latestVersion(communeMigrations),
        tailleOctets: size,
        lignes: counts,
        etat: 'ok',
      };
    } catch (e) {
      commune = { etat: toErrorValue(e).code };
    }
    const backups = ctx.core.communes.backups(id);
    let disqueLibreOctets: number | null = null;
    try {
      const st = fs.statfsSync(ctx.core.dataDir);
      disqueLibreOctets = st.bavail * st.bsize;
    } catch {
      disqueLibreOctets = null;
    }
    return {
      clocher: ctx.core.version,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      sqlite: (ctx.core.workspace.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      systeme: `${os.platform()} ${os.release()} ${os.arch()}`,
      memoireCoeurOctets: process.memoryUsage().rss,
      // the user's home folder carries their name: shown as ~ (no personal data in diagnostics)
      dossierDonnees: ctx.core.dataDir.replace(os.homedir(), '~'),
      disqueLibreOctets,
      installation: {
        schema: schemaVersion(ctx.core.workspace),
        schemaAttendu: latestVersion(workspaceMigrations),
        comptes: userCount(ctx.core.workspace),
        communes: (ctx.core.workspace.prepare('SELECT count(*) AS n FROM commune_ref').get() as { n: number }).n,
      },
      commune,
      sauvegardes: { nombre: backups.length, derniere: backups[0]?.createdAt ?? null },
    };
  },
} satisfies Implementations<typeof appApi>;
