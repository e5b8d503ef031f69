/** The first-run wizard and « Ajouter une commune »: thin handlers over setup/create-commune.ts. */
import type { Implementations } from '../context';
import type { setupApi } from './schemas';
import { accountSchema, enterCommune, hashPassword, startSession, userCount } from '../auth';
import { communeIdentitySchema, communeIdFor, conseilSchema, openingSlotsSchema, parseParts } from '../commune';
import { AppError, parisDay } from '../kernel';
import { readProvisioning } from '../provisioning';
import {
  checkMayCreate,
  loginTaken,
  parseCommuneForm,
  provisioningFor,
  registerCommune,
  writeCommuneFile,
} from './create-commune';

const LOGIN_TAKEN = new AppError('INVALID', 'Identifiant : déjà utilisé.', {
  'account.login': 'Identifiant : déjà utilisé.',
});

export const setupHandlers = {
  'setup.provisioning': (ctx) => {
    const file = ctx.core.provisioningPath;
    if (!file) return { present: false as const };
    try {
      return { present: true as const, file, data: readProvisioning(file) };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { present: true as const, file, error: e.toValue() };
    }
  },

  'setup.validateStep': (ctx, { step, data }) => {
    if (step === 'commune') parseParts({ identity: [communeIdentitySchema, data] });
    if (step === 'horaires') parseParts({ horaires: [openingSlotsSchema, data] });
    if (step === 'conseil') parseParts({ elus: [conseilSchema(parisDay(ctx.now)), data] });
    if (step === 'compte') {
      const a = parseParts({ account: [accountSchema, data] }).account;
      if (loginTaken(ctx, a.login)) throw LOGIN_TAKEN;
    }
    return { ok: true as const };
  },

  /**
   * First run (no account yet): creates the commune and the secrétaire's account, and logs her in.
   * Later: a logged-in secrétaire adds another commune and gets the secrétaire role in it. Not support: that
   * role would let it read the new commune's personal data (auth/roles.ts).
   */
  'setup.createCommune': async (ctx, args) => {
    const firstRun = userCount(ctx.core.workspace) === 0;
    checkMayCreate(ctx, firstRun);
    const p = parseCommuneForm(ctx, args, firstRun);
    const id = communeIdFor(p.identity.code_insee, p.identity.nom);
    if (ctx.core.communes.exists(id))
      throw new AppError(
        'CONFLICT',
        `La commune ${p.identity.nom} (INSEE ${p.identity.code_insee}) existe déjà dans Clocher.`,
      );
    const provisioning = provisioningFor(ctx, p.identity.code_insee);
    const account = p.account ? { data: p.account, hash: await hashPassword(p.account.password) } : null;
    if (account && loginTaken(ctx, account.data.login)) throw LOGIN_TAKEN;
    const who = firstRun && account ? { login: account.data.login, name: account.data.display_name } : ctx.actor();
    writeCommuneFile(ctx, id, p, provisioning, who);
    const userId = registerCommune(ctx, id, p, account, who);
    const user = ctx.core.workspace.prepare('SELECT * FROM user WHERE id = ?').get(userId) as Parameters<
      typeof startSession
    >[1];
    const session = firstRun ? startSession(ctx.conn, user) : ctx.session();
    enterCommune(ctx.core, session, id, 'connexion');
    ctx.conn.emit('commune.changed', { communeId: id });
    return { communeId: id };
  },
} satisfies Implementations<typeof setupApi, 'setup.provisioning' | 'setup.validateStep' | 'setup.createCommune'>;
