import { AppError, parisDay } from '../kernel';
import type { Implementations } from '../context';
import type { communeApi } from './schemas';
import { communesOf, enterCommune } from '../auth';
import {
  describeHoraires,
  fullName,
  readDossier,
  readIdentity,
  saveElu,
  writeHoraires,
  writeIdentity,
} from './commune';
import { parseParts } from './parts';
import { communeIdentitySchema, conseilSchema, eluSchema, openingSlotsSchema } from './validation';

export const communeHandlers = {
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
      throw new AppError(
        'INVALID',
        "Le code INSEE d'une commune ne change pas. Pour une autre commune, utilisez « Ajouter une commune ».",
        {
          'identity.code_insee': 'Code INSEE : il ne peut pas être modifié.',
        },
      );
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => String(before[k]) !== String(next[k]));
    db.transaction(() => {
      writeIdentity(db, next, ctx.now);
      ctx.audit({
        action: 'commune.identite',
        summary: `Identité de la commune modifiée (${changed.join(', ') || 'aucun changement'})`,
        objectType: 'commune',
        objectId: next.code_insee,
      });
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
      if (id !== null && !db.prepare('SELECT 1 FROM elu WHERE id = ?').get(id))
        throw new AppError('NOT_FOUND', 'Cet élu est introuvable.');
      const saved = saveElu(db, id, e, ctx.now);
      // The whole council must stay coherent (one maire in office, distinct ranks): check after the change.
      const all = readDossier(db).elus;
      try {
        parseParts({ elus: [conseilSchema(parisDay(ctx.now)), all] });
      } catch (e) {
        if (!(e instanceof AppError) || !e.fields) throw e;
        // Speak of the élu being saved: `elus.N.rang_adjoint` for this élu becomes `elu.rang_adjoint`.
        const mine = `elus.${all.findIndex((x) => x.id === saved)}.`;
        const fields = Object.fromEntries(
          Object.entries(e.fields).map(([k, v]) => [k.startsWith(mine) ? `elu.${k.slice(mine.length)}` : k, v]),
        );
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
      .prepare(
        "INSERT INTO setting (key, value) VALUES ('lock_minutes', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(lockMinutes));
    ctx.commune().db.transaction(() =>
      ctx.audit({
        action: 'parametres.verrouillage',
        summary: `Verrouillage automatique après ${lockMinutes} min d'inactivité`,
      }),
    )();
    return { lockMinutes };
  },
} satisfies Implementations<
  typeof communeApi,
  | 'commune.list'
  | 'commune.switch'
  | 'commune.get'
  | 'commune.updateIdentity'
  | 'commune.setHoraires'
  | 'commune.saveElu'
  | 'settings.get'
  | 'settings.set'
>;
