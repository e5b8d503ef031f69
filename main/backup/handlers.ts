import { AppError } from '../kernel';
import type { Implementations } from '../api/handler';
import { communeMigrations } from '../../migrations';
import { checkBackup, manualBackupError } from './backups';
import path from 'node:path';
import { workspaceLog } from '../auth';

/** The commune's INSEE code from the installation's register: it must be known even when the base is damaged. */
function inseeOf(ctx: Parameters<Implementations<'backup.list'>['backup.list']>[0], id: string): string {
  const row = ctx.core.workspace.prepare('SELECT code_insee FROM commune_ref WHERE id = ?').get(id) as { code_insee: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Commune introuvable.');
  return row.code_insee;
}

function currentCommuneId(ctx: Parameters<Implementations<'backup.list'>['backup.list']>[0]): string {
  const id = ctx.session().communeId;
  if (!id) throw new AppError('NO_COMMUNE', 'Choisissez d’abord une commune.');
  return id;
}

export const backupHandlers = {
  /** Each backup with the verdict of a full check, so the restore screen never offers a bad file first. */
  'backup.list': (ctx) => {
    const id = currentCommuneId(ctx);
    const insee = inseeOf(ctx, id);
    const dir = ctx.core.communes.backupDirOf(id);
    return ctx.core.communes.backups(id).map((b) => {
      try {
        checkBackup(path.join(dir, b.file), communeMigrations, insee);
        return { ...b, usable: true as const, problem: null };
      } catch (e) {
        return { ...b, usable: false as const, problem: e instanceof AppError ? e.message : 'Fichier illisible.' };
      }
    });
  },

  'backup.create': (ctx) => {
    const { id, db } = ctx.commune();
    let info;
    try {
      info = ctx.core.communes.backupNow(id);
    } catch (e) {
      throw manualBackupError(e);
    }
    db.transaction(() => ctx.audit({ action: 'sauvegarde.creee', summary: `Sauvegarde manuelle ${info.file}`, objectType: 'sauvegarde', objectId: info.file }))();
    return info;
  },

  /** Works while the commune's base is damaged: that is when it is needed most. */
  'backup.restore': (ctx, { file }) => {
    const s = ctx.session();
    const id = currentCommuneId(ctx);
    const { kept } = ctx.core.communes.restore(id, file, inseeOf(ctx, id));
    // Also in the installation journal: it survives the commune's file, which the restore has just replaced.
    workspaceLog(
      ctx.core.workspace,
      ctx.now,
      s.login,
      'sauvegarde.restauree',
      `Commune ${id} : sauvegarde ${file} restaurée${kept ? ` ; l'ancienne base est conservée sous ${kept}` : ''}`,
    );
    const { db } = ctx.commune();
    db.transaction(() =>
      ctx.audit({
        action: 'sauvegarde.restauree',
        summary: `Sauvegarde ${file} restaurée${kept ? ` ; l'ancienne base est conservée sous ${kept}` : ''}`,
        objectType: 'sauvegarde',
        objectId: file,
      }),
    )();
    ctx.conn.emit('commune.changed', { communeId: id, by: s.login });
    return { restored: file, kept };
  },
} satisfies Implementations<'backup.list' | 'backup.create' | 'backup.restore'>;
