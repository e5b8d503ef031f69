import { AppError, parisDay } from '../kernel';
import type { Ctx, Implementations } from '../context';
import type { backupApi } from './schemas';
import { communeMigrations } from '../../migrations';
import { checkBackup, manualBackupError } from './backups';
import path from 'node:path';
import { setRole, workspaceLog } from '../auth';
import { record } from '../audit';
import { EXPORT_EXTENSION, exportCommune, importCommune } from './transfer';
import fs from 'node:fs';

/** The commune's INSEE code from the installation's register: it must be known even when the base is damaged. */
function inseeOf(ctx: Ctx, id: string): string {
  const row = ctx.core.workspace.prepare('SELECT code_insee FROM commune_ref WHERE id = ?').get(id) as
    { code_insee: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Commune introuvable.');
  return row.code_insee;
}

function currentCommuneId(ctx: Ctx): string {
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
        checkBackup(path.join(dir, b.file), communeMigrations, insee, ctx.core.communes.key);
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
    db.transaction(() =>
      ctx.audit({
        action: 'sauvegarde.creee',
        summary: `Sauvegarde manuelle ${info.file}`,
        objectType: 'sauvegarde',
        objectId: info.file,
      }),
    )();
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

  /** The export goes to the data folder's `exports/`, to be copied on a USB key; its path is shown to the user. */
  'backup.export': (ctx, { passphrase }) => {
    const { id, db } = ctx.commune();
    const name = `${id}_${parisDay(ctx.now)}${EXPORT_EXTENSION}`;
    const file = path.join(ctx.core.dataDir, 'exports', name);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    exportCommune(db, ctx.core.communes.documentsOf(id), file, passphrase);
    db.transaction(() =>
      ctx.audit({
        action: 'sauvegarde.exportee',
        summary: `Export pour un autre PC : ${name}`,
        objectType: 'sauvegarde',
        objectId: name,
      }),
    )();
    return { file, name };
  },

  /** The importer becomes secrétaire of the imported commune, as the creator of a new one does. */
  'backup.import': (ctx, { uploadId, passphrase }) => {
    const s = ctx.session();
    const { bytes } = ctx.core.uploads.take(ctx.conn.id, uploadId);
    const c = importCommune(ctx.core.communes, bytes, passphrase);
    const ws = ctx.core.workspace;
    try {
      ws.transaction(() => {
        ws.prepare('INSERT INTO commune_ref (id, nom, code_insee, created_at) VALUES (?, ?, ?, ?)').run(
          c.id,
          c.nom,
          c.code_insee,
          ctx.now.toISOString(),
        );
        setRole(ws, s.userId, c.id, 'secretaire');
        workspaceLog(ws, ctx.now, s.login, 'commune.importee', `Commune importée d'un autre PC : ${c.nom}`);
      })();
    } catch (e) {
      ctx.core.communes.discard(c.id); // all or nothing: no commune file without its entry
      throw e;
    }
    const { db } = ctx.core.communes.get(c.id);
    db.transaction(() =>
      record(db, ctx.now, ctx.actor(), {
        action: 'commune.importee',
        summary: `Dossier importé d'un autre PC par ${s.login}`,
        objectType: 'commune',
        objectId: c.code_insee,
      }),
    )();
    return { communeId: c.id, nom: c.nom };
  },
} satisfies Implementations<
  typeof backupApi,
  'backup.list' | 'backup.create' | 'backup.restore' | 'backup.export' | 'backup.import'
>;
