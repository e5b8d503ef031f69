import { z } from 'zod';
import { AppError, parseOrThrow } from '../kernel';
import type { Implementations } from '../context';
import type { authApi } from './schemas';
import { newPasswordSchema } from './validation';
import { authenticate, changePassword, getUser, workspaceLog } from './accounts';
import { verifyPassword } from './password';
import { enterCommune, lastCommuneOf, startSession } from './session';
import { usersHandlers } from './users';

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

  ...usersHandlers,
} satisfies Implementations<
  typeof authApi,
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
