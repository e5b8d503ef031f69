import { z } from 'zod';
import { AppError } from '../api/errors';
import type { Implementations } from '../api/handler';
import { parseOrThrow } from '../api/validate';
import { accountSchema, newPasswordSchema } from '../commune/validation';
import type { Db } from '../db/sqlite';
import { authenticate, changePassword, createUser, ELU_ROLES, getUser, roleIn, setRole, workspaceLog } from './accounts';
import { temporaryPassword, verifyPassword } from './password';
import { ROLE_LABELS, type Role } from './roles';
import { enterCommune, lastCommuneOf, startSession } from './session';

/** An account linked to an élu must have an élu's role, and the élu must exist in this commune. */
function checkElu(db: Db, role: Role, eluId: number | null): void {
  if (eluId === null) return;
  if (!ELU_ROLES.has(role)) throw new AppError('INVALID', 'Seul un compte de maire, d’adjoint ou de conseiller est relié à un élu.', { eluId: 'Rôle sans élu.' });
  if (!db.prepare('SELECT 1 FROM elu WHERE id = ?').get(eluId)) throw new AppError('INVALID', 'Cet élu est introuvable dans la commune.', { eluId: 'Élu introuvable.' });
}

export const authHandlers = {
  'auth.login': async (ctx, { login, password }) => {
    const user = await authenticate(ctx.core.workspace, ctx.now, login, password);
    const session = startSession(ctx.conn, user);
    const communeId = lastCommuneOf(ctx.core, user.id);
    if (communeId) enterCommune(ctx.core, session, communeId, 'connexion');
    return { login: session.login, displayName: session.displayName, communeId };
  },

  'auth.logout': (ctx) => {
    const s = ctx.conn.session;
    if (s?.communeId && !s.locked) {
      try {
        const { db } = ctx.commune();
        db.transaction(() => ctx.audit({ action: 'session.deconnexion', summary: 'Déconnexion' }))();
      } catch {
        /* a damaged commune must not prevent logging out */
      }
    }
    ctx.conn.session = null;
    return { ok: true as const };
  },

  'auth.lock': (ctx) => {
    const s = ctx.session();
    try {
      const { db } = ctx.commune();
      db.transaction(() => ctx.audit({ action: 'session.verrouillee', summary: 'Session verrouillée' }))();
    } catch {
      /* nothing to journal in a commune that cannot be opened */
    }
    s.locked = true;
    return { ok: true as const };
  },

  /** Only the user of the locked session can unlock it; anyone else logs out and logs in. */
  'auth.unlock': async (ctx, { password }) => {
    const s = ctx.conn.session;
    if (!s) throw new AppError('NOT_AUTHENTICATED', 'Votre session a été fermée ; reconnectez-vous.');
    const user = await authenticate(ctx.core.workspace, ctx.now, s.login, password);
    s.locked = false;
    s.mustChangePassword = user.must_change_password === 1;
    try {
      const { db } = ctx.commune();
      db.transaction(() => ctx.audit({ action: 'session.deverrouillee', summary: 'Session déverrouillée' }))();
    } catch {
      /* idem */
    }
    return { ok: true as const };
  },

  'auth.changePassword': async (ctx, a) => {
    const s = ctx.session();
    const user = getUser(ctx.core.workspace, s.userId);
    if (!user || !(await verifyPassword(a.current, user.password_hash)))
      throw new AppError('INVALID', 'Mot de passe actuel incorrect.', { current: 'Mot de passe actuel incorrect.' });
    const password = parseOrThrow(z.object({ password: newPasswordSchema }), { password: a.password }).password;
    if (a.password !== a.password_confirm)
      throw new AppError('INVALID', 'Confirmation : les deux mots de passe ne sont pas identiques.', {
        password_confirm: 'Confirmation : les deux mots de passe ne sont pas identiques.',
      });
    await changePassword(ctx.core.workspace, s.userId, password);
    s.mustChangePassword = false;
    workspaceLog(ctx.core.workspace, ctx.now, s.login, 'mot-de-passe.change', 'Mot de passe changé');
    return { ok: true as const };
  },

  'users.list': (ctx) => {
    const communeId = ctx.commune().id;
    return ctx.core.workspace
      .prepare(
        `SELECT u.id, u.login, u.display_name, u.must_change_password, r.role, r.elu_id FROM user u
         LEFT JOIN user_role r ON r.user_id = u.id AND r.commune_id = ? ORDER BY r.role IS NULL, u.display_name COLLATE NOCASE`,
      )
      .all(communeId) as { id: number; login: string; display_name: string; must_change_password: number; role: string | null; elu_id: number | null }[];
  },

  'users.create': async (ctx, { account, role, eluId }) => {
    const a = parseOrThrow(accountSchema, account);
    const { id: communeId, db } = ctx.commune();
    checkElu(db, role, eluId ?? null);
    const userId = await createUser(ctx.core.workspace, ctx.now, { ...a, mustChange: true });
    setRole(ctx.core.workspace, userId, communeId, role, eluId ?? null);
    db.transaction(() =>
      ctx.audit({ action: 'compte.cree', summary: `Compte créé : ${a.display_name} (${a.login}), ${ROLE_LABELS[role]}`, objectType: 'compte', objectId: a.login }),
    )();
    return { userId };
  },

  'users.setRole': (ctx, { userId, role, eluId }) => {
    const { id: communeId, db } = ctx.commune();
    if (role) checkElu(db, role, eluId ?? null);
    const s = ctx.session();
    const user = getUser(ctx.core.workspace, userId);
    if (!user) throw new AppError('NOT_FOUND', 'Ce compte est introuvable.');
    if (userId === s.userId && role !== s.role)
      throw new AppError('FORBIDDEN', 'Vous ne pouvez pas changer votre propre rôle ; demandez-le à un autre compte (secrétaire ou support).');
    const secretaires = ctx.core.workspace
      .prepare("SELECT count(*) AS n FROM user_role WHERE commune_id = ? AND role = 'secretaire' AND user_id <> ?")
      .get(communeId, userId) as { n: number };
    if (roleIn(ctx.core.workspace, userId, communeId) === 'secretaire' && role !== 'secretaire' && secretaires.n === 0)
      throw new AppError('FORBIDDEN', 'La commune doit garder au moins un compte de secrétaire de mairie.');
    setRole(ctx.core.workspace, userId, communeId, role, eluId ?? null);
    db.transaction(() =>
      ctx.audit({
        action: 'compte.role',
        summary: role ? `Rôle de ${user.display_name} : ${ROLE_LABELS[role]}` : `Accès de ${user.display_name} à la commune retiré`,
        objectType: 'compte',
        objectId: user.login,
      }),
    )();
    return { ok: true as const };
  },

  /** A temporary password, shown once, to be changed at the next login. */
  'users.resetPassword': async (ctx, { userId }) => {
    const { id: communeId, db } = ctx.commune();
    const user = getUser(ctx.core.workspace, userId);
    if (!user || !roleIn(ctx.core.workspace, userId, communeId)) throw new AppError('NOT_FOUND', 'Ce compte est introuvable dans cette commune.');
    const temporary = temporaryPassword();
    await changePassword(ctx.core.workspace, userId, temporary, true);
    db.transaction(() =>
      ctx.audit({ action: 'compte.mot-de-passe-reinitialise', summary: `Mot de passe de ${user.display_name} réinitialisé`, objectType: 'compte', objectId: user.login }),
    )();
    return { temporaryPassword: temporary };
  },
} satisfies Implementations<
  | 'auth.login'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.setRole'
  | 'users.resetPassword'
>;
