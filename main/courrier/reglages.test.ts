/** Paramètres du courrier through the core: the procedures table in months or days, reply templates and their fields. */
import { inProcessClient } from '../host/inprocess';
import { withCommune, type TestCore } from '../../test-support/helpers';

type R<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function err<T>(p: Promise<R<T>>) {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

let t: TestCore & { communeId: string };
beforeEach(async () => {
  t = await withCommune(); // clock: Monday 2026-11-23
});
afterEach(() => t.close());

const journal = () =>
  t.core.communes
    .get(t.communeId)
    .db.prepare(
      "SELECT action, summary FROM journal WHERE action IN ('courrier.procedure', 'courrier.modele') ORDER BY id",
    )
    .all();
const lettre = {
  channel: 'papier',
  dateReception: '2026-11-23',
  correspondent: { nom: 'Jérôme Bérard' },
  objet: 'Demande d’occupation temporaire du trottoir',
};

it('a procedure with a delay in days: validated, journaled, and the implicit decision counted in days', async () => {
  const c = t.client;
  const proc = {
    code: 'terrasse',
    libelle: 'Autorisation de terrasse saisonnière',
    regime: 'SVR',
    delai: 15,
    unite: 'jours',
    article: 'Décret n° 2015-1461, annexe',
  };
  const bad = await err(c.call('courrier.saveProcedure', { procedure: { ...proc, delai: 400 } }));
  expect(bad.message).toBe('Délai : entre 1 et 365 jours.');
  expect(
    (await err(c.call('courrier.saveProcedure', { procedure: { ...proc, article: 'le décret' } }))).message,
  ).toMatch(/indiquez l’article ou le décret, avec son numéro/);
  expect(
    (await err(c.call('courrier.saveProcedure', { procedure: { ...proc, regime: 'peut-être' } }))).message,
  ).toMatch(/acceptation \(SVA\) ou rejet \(SVR\)/);
  expect(
    (await err(c.call('courrier.saveProcedure', { procedure: { ...proc, code: 'Terrasse été' } }))).message,
  ).toMatch(/^Code : lettres minuscules/);
  await ok(c.call('courrier.saveProcedure', { procedure: proc }));
  expect((await ok(c.call('courrier.procedures', {}))).find((p) => p.code === 'terrasse')).toMatchObject({
    delai_mois: null,
    delai_jours: 15,
    regime: 'SVR',
    builtin: 0,
  });
  const { courrierId } = await ok(c.call('courrier.registerArrivee', { arrivee: lettre }));
  await ok(
    c.call('courrier.classify', { courrierId, qualification: { classement: 'demande', procedureCode: 'terrasse' } }),
  );
  // received Monday 23/11: 15 days from the day after → 09/12 (domain-rules §3.5: no holidays in this count)
  expect((await ok(c.call('courrier.get', { courrierId }))).decision).toMatchObject({
    date: '2026-12-09',
    explication: expect.stringContaining('au terme de 15 jours'),
  });
  expect(journal()).toEqual([
    {
      action: 'courrier.procedure',
      summary:
        'Procédure « Autorisation de terrasse saisonnière » : rejet implicite après 15 jours (Décret n° 2015-1461, annexe)',
    },
  ]);
});

it('a template: its fields are listed, an unknown field is refused in French; built-in ones stay; the secrétaire only', async () => {
  const c = t.client;
  const champs = await ok(c.call('courrier.champsModele', {}));
  expect(champs.map((f) => f.code)).toEqual([
    'correspondant',
    'objet',
    'numero',
    'date_reception',
    'date_courrier',
    'date',
    'commune',
    'maire',
    'texte',
  ]);
  const modele = {
    code: 'relance',
    titre: 'Relance pour pièces',
    corps:
      'Madame, Monsieur,\nVotre demande « {{objet}} » du {{date_reception}} attend {{pieces_manquantes}}.\n{{texte}}',
  };
  const e = await err(c.call('courrier.saveModele', { modele }));
  expect(e.message).toBe(
    'Champ inconnu : {{pieces_manquantes}}. Champs possibles : {{correspondant}}, {{objet}}, {{numero}}, {{date_reception}}, {{date_courrier}}, {{date}}, {{commune}}, {{maire}}, {{texte}}.',
  );
  expect(
    (await err(c.call('courrier.saveModele', { modele: { ...modele, corps: 'Bonjour {{objet}, à bientôt' } }))).message,
  ).toMatch(/Accolades non fermées/);
  expect(
    (
      await err(
        c.call('courrier.saveModele', { modele: { ...modele, code: 'refus', corps: 'Bonjour {{correspondant}}' } }),
      )
    ).code,
  ).toBe('RULE');
  expect(
    await ok(
      c.call('courrier.saveModele', {
        modele: { ...modele, corps: modele.corps.replace('{{pieces_manquantes}}', 'vos pièces') },
      }),
    ),
  ).toEqual({ champs: ['objet', 'date_reception', 'texte'] });
  expect((await ok(c.call('courrier.modeles', {}))).map((m) => m.code)).toContain('relance');
  expect(journal()).toEqual([{ action: 'courrier.modele', summary: 'Modèle de réponse « Relance pour pièces » créé' }]);

  // the maire reads the register but does not change its settings: checked in the core, whatever the window sends
  const pw = 'un mot de passe assez long';
  await ok(
    c.call('users.create', {
      account: { login: 'maire', display_name: 'Hélène Lefèvre', password: pw, password_confirm: pw },
      role: 'maire',
    }),
  );
  const maire = inProcessClient(t.core);
  await ok(maire.call('auth.login', { login: 'maire', password: pw }));
  const pw2 = 'un autre mot de passe assez long';
  await maire.call('auth.changePassword', { current: pw, password: pw2, password_confirm: pw2 });
  expect(
    (await err(maire.call('courrier.saveModele', { modele: { ...modele, code: 'autre', corps: 'Bonjour' } }))).code,
  ).toBe('FORBIDDEN');
  expect(
    (
      await err(
        maire.call('courrier.saveProcedure', {
          procedure: { code: 'x_y', libelle: 'X', regime: 'SVA', delai: 2, unite: 'mois', article: 'CRPA L231-1' },
        }),
      )
    ).code,
  ).toBe('FORBIDDEN');
});
