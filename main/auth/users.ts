/**
 * The accounts of the open commune (Paramètres › Comptes). Nobody escalates: one grants, changes or takes away
 * only a role one could grant (roles.ts canGrant), and resets the password only of an account one manages in
 * every commune where it has a role; otherwise a maire could reset the secrétaire's password and use it.
 */
import { AppError, parseOrThrow } from '../kernel';
import type { Ctx, Implementations } from '../context';
import type { authApi } from './schemas';
import { record } from '../audit';
import { accountSchema } from './validation';
import type { Db } from '../db';
import { changePassword, createUser, ELU_ROLES, getUser, roleIn, setRole, workspaceLog } from './accounts';
import { temporaryPassword } from './password';
import { canGrant, grantableBy, ROLE_LABELS, type Role } from './roles';

/** An account linked to an élu must have an élu's role, and the élu must exist in this commune. */
function checkElu(db: Db, role: Role, eluId: number | null): void {
  if (eluId === null) return;
  if (!ELU_ROLES.has(role))
    throw new AppError('INVALID', 'Seul un compte de maire, d’adjoint ou de conseiller est relié à un élu.', {
      eluId: 'Rôle sans élu.',
    });
  if (!db.prepare('SELECT 1 FROM elu WHERE id = ?').get(eluId))
    throw new AppError('INVALID', 'Cet élu est introuvable dans la commune.', { eluId: 'Élu introuvable.' });
}

/** The caller's role in the open commune (the core's access check already required one). */
function myRole(ctx: Ctx): Role {
  const role = ctx.session().role;
  if (!role) throw new AppError('NO_COMMUNE', 'Choisissez d’abord une commune.');
  return role;
}

function refuseGrant(role: Role): AppError {
  return new AppError(
    'FORBIDDEN',
    role === 'secretaire'
      ? 'Seule la secrétaire de mairie peut donner le rôle de secrétaire de mairie.'
      : `Votre rôle ne permet pas de donner le rôle « ${ROLE_LABELS[role]} » : on ne donne qu’un rôle dont on a soi-même tous les droits.`,
    { role: 'Rôle : vous ne pouvez pas le donner.' },
  );
}

const rolesOf = (ws: Db, userId: number) =>
  ws.prepare('SELECT commune_id, role FROM user_role WHERE user_id = ? ORDER BY commune_id').all(userId) as {
    commune_id: string;
    role: Role;
  }[];

/** True when the caller could grant each role the account holds, in each of its communes. */
export function managesEverywhere(ws: Db, callerId: number, userId: number): boolean {
  const roles = rolesOf(ws, userId);
  return (
    roles.length > 0 &&
    roles.every((r) => {
      const mine = roleIn(ws, callerId, r.commune_id);
      return mine !== null && canGrant(mine, r.role);
    })
  );
}

/** The account, if it has a role in the open commune: accounts of other communes are none of this one's business. */
function accountHere(ctx: Ctx, userId: number, communeId: string) {
  const user = getUser(ctx.core.workspace, userId);
  const role = roleIn(ctx.core.workspace, userId, communeId);
  if (!user || !role) throw new AppError('NOT_FOUND', 'Ce compte est introuvable dans cette commune.');
  return { user, role };
}

export const usersHandlers = {
  /** Only the accounts with a role in the open commune, and what the caller may do with each. */
  'users.list': (ctx) => {
    const s = ctx.session();
    const mine = myRole(ctx);
    const ws = ctx.core.workspace;
    const rows = ws
      .prepare(
        `SELECT u.id, u.login, u.display_name, u.must_change_password, r.role, r.elu_id FROM user u
         JOIN user_role r ON r.user_id = u.id AND r.commune_id = ? ORDER BY u.display_name COLLATE NOCASE`,
      )
      .all(ctx.commune().id) as {
      id: number;
      login: string;
      display_name: string;
      must_change_password: number;
      role: Role;
      elu_id: number | null;
    }[];
    const accounts = rows.map((r) => ({
      ...r,
      canChangeRole: r.id !== s.userId && canGrant(mine, r.role),
      canResetPassword: r.id !== s.userId && managesEverywhere(ws, s.userId, r.id),
    }));
    return { accounts, grantable: grantableBy(mine) };
  },

  'users.create': async (ctx, { account, role, eluId }) => {
    if (!canGrant(myRole(ctx), role)) throw refuseGrant(role);
    const a = parseOrThrow(accountSchema, account);
    const { id: communeId, db } = ctx.commune();
    checkElu(db, role, eluId ?? null);
    // created by someone else: the password is temporary, and the core allows nothing else until it is changed
    const userId = await createUser(ctx.core.workspace, ctx.now, { ...a, mustChange: true });
    setRole(ctx.core.workspace, userId, communeId, role, eluId ?? null);
    db.transaction(() =>
      ctx.audit({
        action: 'compte.cree',
        summary: `Compte créé : ${a.display_name} (${a.login}), ${ROLE_LABELS[role]}`,
        objectType: 'compte',
        objectId: a.login,
      }),
    )();
    return { userId };
  },

  'users.setRole': (ctx, { userId, role, eluId }) => {
    const { id: communeId, db } = ctx.commune();
    const s = ctx.session();
    const mine = myRole(ctx);
    const { user, role: current } = accountHere(ctx, userId, communeId);
    if (userId === s.userId && role !== s.role)
      throw new AppError(
        'FORBIDDEN',
        'Vous ne pouvez pas changer votre propre rôle ; demandez-le à un autre compte (secrétaire de mairie).',
      );
    if (!canGrant(mine, current))
      throw new AppError(
        'FORBIDDEN',
        `Votre rôle ne permet pas de modifier le compte de ${user.display_name} (${ROLE_LABELS[current]}).`,
      );
    if (role && !canGrant(mine, role)) throw refuseGrant(role);
    if (role) checkElu(db, role, eluId ?? null);
    const secretaires = ctx.core.workspace
      .prepare("SELECT count(*) AS n FROM user_role WHERE commune_id = ? AND role = 'secretaire' AND user_id <> ?")
      .get(communeId, userId) as { n: number };
    if (current === 'secretaire' && role !== 'secretaire' && secretaires.n === 0)
      throw new AppError('FORBIDDEN', 'La commune doit garder au moins un compte de secrétaire de mairie.');
    setRole(ctx.core.workspace, userId, communeId, role, eluId ?? null);
    db.transaction(() =>
      ctx.audit({
        action: 'compte.role',
        summary: role
          ? `Rôle de ${user.display_name} : ${ROLE_LABELS[role]}`
          : `Accès de ${user.display_name} à la commune retiré`,
        objectType: 'compte',
        objectId: user.login,
      }),
    )();
    return { ok: true as const };
  },

  /** A temporary password, shown once, to be changed at the next login; journaled in each commune of the account. */
  'users.resetPassword': async (ctx, { userId }) => {
    const s = ctx.session();
    const ws = ctx.core.workspace;
    const { user } = accountHere(ctx, userId, ctx.commune().id);
    if (userId === s.userId)
      throw new AppError(
        'FORBIDDEN',
        'Pour votre propre mot de passe, utilisez « Changer mon mot de passe » (Paramètres › Sécurité).',
      );
    if (!managesEverywhere(ws, s.userId, userId))
      throw new AppError(
        'FORBIDDEN',
        `Vous ne pouvez pas réinitialiser le mot de passe de ${user.display_name} : ce compte a un rôle que vous ne gérez pas, ici ou dans une autre commune. Demandez-le à sa secrétaire de mairie.`,
      );
    // open every commune first: a commune that cannot be opened would miss the journal line, so nothing changes
    const dbs = rolesOf(ws, userId).map((r) => ctx.core.communes.get(r.commune_id).db);
    const temporary = temporaryPassword();
    await changePassword(ws, userId, temporary, true);
    const entry = {
      action: 'compte.mot-de-passe-reinitialise',
      summary: `Mot de passe de ${user.display_name} réinitialisé (provisoire, à changer à la prochaine connexion)`,
      objectType: 'compte',
      objectId: user.login,
    };
    for (const db of dbs) db.transaction(() => record(db, ctx.now, ctx.actor(), entry))();
    workspaceLog(
      ws,
      ctx.now,
      s.login,
      'compte.mot-de-passe-reinitialise',
      `Mot de passe de ${user.login} réinitialisé`,
    );
    return { temporaryPassword: temporary };
  },
} satisfies Implementations<typeof authApi, 'users.list' | 'users.create' | 'users.setRole' | 'users.resetPassword'>;
