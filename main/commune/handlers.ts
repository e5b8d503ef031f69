import type { z } from 'zod';
import { AppError } from '../api/errors';
import type { Ctx, Implementations } from '../api/handler';
import { parseOrThrow } from '../api/validate';
import { findUser, insertUser, setRole, userCount, workspaceLog } from '../auth/accounts';
import { hashPassword } from '../auth/password';
import { communesOf, enterCommune, startSession } from '../auth/session';
import { record } from '../audit/journal';
import { parisDay } from '../conseil/context';
import { readProvisioning } from '../provisioning/provisioning';
import { describeHoraires, fullName, readDossier, readIdentity, saveElu, writeHoraires, writeIdentity, writeSetting } from './commune';
import { communeIdFor } from './store';
import { accountSchema, communeIdentitySchema, conseilSchema, eluSchema, openingSlotsSchema } from './validation';

// « today » is the Paris day of the core's clock: the UTC date is yesterday until 1 h (2 h in summer)
const today = (ctx: Ctx) => parisDay(ctx.now);

/** Validate several parts at once so that the wizard shows every wrong field, prefixed by its part. */
function parseParts<T extends Record<string, [z.ZodType, unknown]>>(parts: T): { [K in keyof T]: z.infer<T[K][0]> } {
  const out: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [name, [schema, value]] of Object.entries(parts)) {
    try {
      out[name] = parseOrThrow(schema, value);
    } catch (e) {
      if (!(e instanceof AppError) || !e.fields) throw e;
      for (const [k, v] of Object.entries(e.fields)) fields[k === '_' ? name : `${name}.${k}`] = v;
    }
  }
  const n = Object.keys(fields).length;
  if (n > 0)
    throw new AppError('INVALID', n === 1 ? (Object.values(fields)[0] as string) : `${n} champs sont à corriger (indiqués en rouge).`, fields);
  return out as { [K in keyof T]: z.infer<T[K][0]> };
}

export const communeHandlers = {
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
    if (step === 'conseil') parseParts({ elus: [conseilSchema(today(ctx)), data] });
    if (step === 'compte') {
      const a = parseParts({ account: [accountSchema, data] }).account;
      if (findUser(ctx.core.workspace, a.login))
        throw new AppError('INVALID', 'Identifiant : déjà utilisé.', { 'account.login': 'Identifiant : déjà utilisé.' });
    }
    return { ok: true as const };
  },

  /**
   * First run (no account yet): creates the commune and the secrétaire's account, and logs her in.
   * Later: a logged-in secrétaire adds another commune and gets the secrétaire role in it. Not support: that
   * role would let it read the new commune's personal data (auth/roles.ts).
   */
  'setup.createCommune': async (ctx, args) => {
    const ws = ctx.core.workspace;
    const firstRun = userCount(ws) === 0;
    if (!firstRun) {
      const s = ctx.session();
      const allowed = communesOf(ctx.core, s.userId).some((c) => c.role === 'secretaire');
      if (!allowed) throw new AppError('FORBIDDEN', 'Seule la secrétaire de mairie peut ajouter une commune.');
    }
    const p = parseParts({
      identity: [communeIdentitySchema, args.identity],
      horaires: [openingSlotsSchema, args.horaires],
      elus: [conseilSchema(today(ctx)), args.elus],
      ...(firstRun ? { account: [accountSchema, args.account ?? {}] as [typeof accountSchema, unknown] } : {}),
    });
    const account = (p as { account?: z.infer<typeof accountSchema> }).account;
    const id = communeIdFor(p.identity.code_insee, p.identity.nom);
    if (ctx.core.communes.exists(id)) throw new AppError('CONFLICT', `La commune ${p.identity.nom} (INSEE ${p.identity.code_insee}) existe déjà dans Clocher.`);
    const provisioning = (() => {
      try {
        const file = ctx.core.provisioningPath;
        const data = file ? readProvisioning(file) : null;
        return data?.commune.code_insee === p.identity.code_insee ? data : null;
      } catch {
        return null;
      }
    })();

    const hash = account ? await hashPassword(account.password) : null;
    if (account && findUser(ws, account.login))
      throw new AppError('INVALID', 'Identifiant : déjà utilisé.', { 'account.login': 'Identifiant : déjà utilisé.' });
    const who = firstRun && account ? { login: account.login, name: account.display_name } : ctx.actor();
    ctx.core.communes.create(id, (db) => {
      writeIdentity(db, p.identity, ctx.now);
      writeHoraires(db, p.horaires);
      for (const e of p.elus) saveElu(db, null, e, ctx.now);
      if (provisioning?.plateforme) writeSetting(db, 'plateforme', provisioning.plateforme);
      if (provisioning?.support) writeSetting(db, 'support', provisioning.support);
      record(db, ctx.now, who, {
        action: 'commune.creee',
        summary: `Création du dossier de la commune ${p.identity.nom} (INSEE ${p.identity.code_insee})${provisioning ? ', pré-rempli par le fichier de provisionnement' : ''}`,
        objectType: 'commune',
        objectId: p.identity.code_insee,
      });
      record(db, ctx.now, who, { action: 'commune.horaires', summary: `Horaires d'ouverture : ${describeHoraires(p.horaires)}` });
      record(db, ctx.now, who, { action: 'commune.elus', summary: `Conseil municipal enregistré : ${p.elus.length} élu(s)` });
    });
    let userId: number;
    try {
      userId = ws.transaction(() => {
        const uid = account && hash ? insertUser(ws, ctx.now, account, hash) : ctx.session().userId;
        ws.prepare('INSERT INTO commune_ref (id, nom, code_insee, created_at) VALUES (?, ?, ?, ?)').run(id, p.identity.nom, p.identity.code_insee, ctx.now.toISOString());
        setRole(ws, uid, id, 'secretaire');
        workspaceLog(ws, ctx.now, who.login, 'commune.creee', `Commune ajoutée : ${p.identity.nom}`);
        return uid;
      })();
    } catch (e) {
      ctx.core.communes.discard(id); // all or nothing: no commune file without its account and its entry
      throw e;
    }
    const user = ws.prepare('SELECT * FROM user WHERE id = ?').get(userId) as Parameters<typeof startSession>[1];
    const session = firstRun ? startSession(ctx.conn, user) : ctx.session();
    enterCommune(ctx.core, session, id, 'connexion');
    ctx.conn.emit('commune.changed', { communeId: id });
    return { communeId: id };
  },

  'commune.list': (ctx) => communesOf(ctx.core, ctx.session().userId),

  'commune.switch': (ctx, { communeId }) => {
    const s = ctx.session();
    enterCommune(ctx.core, s, communeId, 'changement');
    ctx.conn.emit('commune.changed', { communeId });
    return { communeId };
  },

  'commune.get': (ctx) => readDossier(ctx.commune().db),

  'commune.updateIdentity': (ctx, { identity }) => {
    const next = parseParts({ identity: [communeIdentitySchema, identity] }).identity;
    const { db, id } = ctx.commune();
    const before = readIdentity(db);
    if (before.code_insee !== next.code_insee)
      throw new AppError('INVALID', "Le code INSEE d'une commune ne change pas. Pour une autre commune, utilisez « Ajouter une commune ».", {
        'identity.code_insee': 'Code INSEE : il ne peut pas être modifié.',
      });
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => String(before[k]) !== String(next[k]));
    db.transaction(() => {
      writeIdentity(db, next, ctx.now);
      ctx.audit({ action: 'commune.identite', summary: `Identité de la commune modifiée (${changed.join(', ') || 'aucun changement'})`, objectType: 'commune', objectId: next.code_insee });
    })();
    ctx.core.workspace.prepare('UPDATE commune_ref SET nom = ? WHERE id = ?').run(next.nom, id);
    return readDossier(db);
  },

  'commune.setHoraires': (ctx, { horaires }) => {
    const slots = parseParts({ horaires: [openingSlotsSchema, horaires] }).horaires;
    const { db } = ctx.commune();
    db.transaction(() => {
      writeHoraires(db, slots);
      ctx.audit({ action: 'commune.horaires', summary: `Horaires d'ouverture : ${describeHoraires(slots)}` });
    })();
    return readDossier(db);
  },

  'commune.saveElu': (ctx, { id, elu }) => {
    const e = parseParts({ elu: [eluSchema, elu] }).elu;
    const { db } = ctx.commune();
    db.transaction(() => {
      if (id !== null && !db.prepare('SELECT 1 FROM elu WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', 'Cet élu est introuvable.');
      const saved = saveElu(db, id, e, ctx.now);
      // The whole council must stay coherent (one maire in office, distinct ranks): check after the change.
      const all = readDossier(db).elus;
      try {
        parseParts({ elus: [conseilSchema(today(ctx)), all] });
      } catch (e) {
        if (!(e instanceof AppError) || !e.fields) throw e;
        // Speak of the élu being saved: `elus.N.rang_adjoint` for this élu becomes `elu.rang_adjoint`.
        const mine = `elus.${all.findIndex((x) => x.id === saved)}.`;
        const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.startsWith(mine) ? `elu.${k.slice(mine.length)}` : k, v]));
        throw new AppError('INVALID', e.message, fields);
      }
      ctx.audit({
        action: id === null ? 'elu.ajoute' : 'elu.modifie',
        summary: `${id === null ? 'Élu ajouté' : 'Élu modifié'} : ${fullName(e)} (${e.fonction})`,
        objectType: 'elu',
        objectId: saved,
      });
    })();
    return readDossier(db);
  },

  'settings.get': (ctx) => ({ lockMinutes: ctx.core.lockMinutes() }),

  'settings.set': (ctx, { lockMinutes }) => {
    ctx.core.workspace
      .prepare("INSERT INTO setting (key, value) VALUES ('lock_minutes', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(lockMinutes));
    ctx.commune().db.transaction(() => ctx.audit({ action: 'parametres.verrouillage', summary: `Verrouillage automatique après ${lockMinutes} min d'inactivité` }))();
    return { lockMinutes };
  },

  'dashboard.get': (ctx) => {
    const { id, db } = ctx.commune();
    ctx.core.refreshTodos(db, ctx.now);
    const s = ctx.session();
    const visit = db.prepare('SELECT previous_visit FROM user_visit WHERE user_login = ?').get(s.login) as { previous_visit: string | null } | undefined;
    const since = visit?.previous_visit ?? null;
    const arrivals = db
      .prepare('SELECT id, arrived_at, source, title, object_type, object_id FROM arrival WHERE arrived_at > ? ORDER BY arrived_at DESC LIMIT 100')
      .all(since ?? '') as { id: number; arrived_at: string; source: string; title: string; object_type: string | null; object_id: string | null }[];
    const todos = db
      .prepare(
        `SELECT id, due_date, title, legal_ref, object_type, object_id FROM todo WHERE done_at IS NULL
         ORDER BY due_date IS NULL, due_date LIMIT 100`,
      )
      .all() as { id: number; due_date: string | null; title: string; legal_ref: string | null; object_type: string | null; object_id: string | null }[];
    // a failed automatic backup is shown first, as a task of the day (main/commune/store.ts dailyBackup)
    const warning = ctx.core.communes.backupWarning(id);
    const backupTodo = warning ? [{ id: 0, due_date: today(ctx), title: warning, legal_ref: null, object_type: 'sauvegarde', object_id: null }] : [];
    return { since, arrivals, todos: [...backupTodo, ...todos], today: today(ctx) };
  },
} satisfies Implementations<
  | 'setup.provisioning'
  | 'setup.validateStep'
  | 'setup.createCommune'
  | 'commune.list'
  | 'commune.switch'
  | 'commune.get'
  | 'commune.updateIdentity'
  | 'commune.setHoraires'
  | 'commune.saveElu'
  | 'settings.get'
  | 'settings.set'
  | 'dashboard.get'
>;
