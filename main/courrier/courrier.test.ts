/** The register through the core: rights, classification, deadlines, search. */
import { inProcessClient, type Client } from '../host/inprocess';
import { withCommune, type TestCore } from '../../test-support/helpers';

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function err<T>(p: Promise<R<T>>): Promise<{ code: string; message: string }> {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

let t: TestCore & { communeId: string };
beforeEach(async () => {
  t = await withCommune(); // clock: Monday 2026-11-23
});
afterEach(() => t.close());

const lettre = (over: Record<string, unknown> = {}) => ({
  channel: 'papier',
  dateReception: '2026-11-23',
  dateCourrier: '2026-11-20',
  correspondent: { nom: 'Jérôme Bérard', adresse: '12 rue du Moulin, 45730 Saint-Benoît-sur-Loire' },
  objet: 'Demande d’autorisation de stationnement d’un échafaudage',
  ...over,
});

async function as(role: 'conseiller' | 'adjoint' | 'maire'): Promise<Client> {
  const pw = 'un mot de passe assez long';
  await ok(
    t.client.call('users.create', {
      account: { login: role, display_name: `Élu ${role}`, password: pw, password_confirm: pw },
      role,
    }),
  );
  const c = inProcessClient(t.core);
  const r = await c.call('auth.login', { login: role, password: pw });
  if (!r.ok) throw new Error(r.error.message);
  const pw2 = 'un autre mot de passe assez long';
  await c.call('auth.changePassword', { current: pw, password: pw2, password_confirm: pw2 });
  return c;
}

it('a paper request: classified SVA, AR owed at once, implicit acceptance in two months, in « À faire »', async () => {
  const c = t.client;
  const { courrierId, numero } = await ok(c.call('courrier.registerArrivee', { arrivee: lettre() }));
  expect(numero).toBe(1);
  let ech = await ok(c.call('courrier.echeances', {}));
  expect(ech.echeances.map((e) => [e.kind, e.due])).toEqual([['ar', '2026-11-23']]);
  await ok(
    c.call('courrier.classify', {
      courrierId,
      qualification: { classement: 'demande', procedureCode: 'domaine_public' },
    }),
  );
  const d = await ok(c.call('courrier.get', { courrierId }));
  expect(d.decision).toMatchObject({ state: 'en_cours', date: '2027-01-24' });
  expect(d.qualification).toMatchObject({ regime: 'SVR' });
  const dash = await ok(c.call('dashboard.get', {}));
  expect(JSON.stringify(dash)).toContain('Accusé de réception — A-2026-1 Jérôme Bérard');
  // the implicit decision enters the deadlines view 15 days ahead
  t.setNow('2027-01-10T09:00:00Z');
  ech = await ok(c.call('courrier.echeances', {}));
  expect(ech.echeances.find((e) => e.kind === 'decision')).toMatchObject({
    due: '2027-01-24',
    overdue: false,
    article: expect.stringContaining('L231-4'),
  });
});

it('an incomplete SVA request: no date until the pieces arrive, then two months from them (L114-5)', async () => {
  const c = t.client;
  const { courrierId } = await ok(c.call('courrier.registerArrivee', { arrivee: lettre() }));
  await ok(c.call('courrier.classify', { courrierId, qualification: { classement: 'demande' } }));
  expect(
    await err(c.call('courrier.requestPieces', { courrierId, demande: { pieces: 'Plan', delai: '2026-11-20' } })),
  ).toMatchObject({ code: 'INVALID', message: expect.stringContaining('L114-5') });
  await ok(
    c.call('courrier.requestPieces', {
      courrierId,
      demande: { pieces: 'Plan de situation\nAttestation d’assurance', delai: '2026-12-23' },
    }),
  );
  expect((await ok(c.call('courrier.get', { courrierId }))).decision).toMatchObject({
    state: 'attente_pieces',
    date: null,
  });
  t.setNow('2026-12-02T09:00:00Z');
  const crpa = await ok(c.call('courrier.piecesReceived', { courrierId, date: '2026-12-01' }));
  expect(crpa.decision).toMatchObject({ state: 'en_cours', date: '2027-02-02' });
});

it('search as you type, accents and case ignored, with filters', async () => {
  const c = t.client;
  await ok(c.call('courrier.registerArrivee', { arrivee: lettre() }));
  await ok(
    c.call('courrier.registerArrivee', {
      arrivee: lettre({
        channel: 'courriel',
        objet: 'Réclamation éclairage public',
        correspondent: { nom: 'Hélène Martin', email: 'h.martin@example.org' },
      }),
    }),
  );
  expect((await ok(c.call('courrier.search', { text: 'ECLAIR' }))).rows.map((r) => r.correspondant)).toEqual([
    'Hélène Martin',
  ]);
  expect((await ok(c.call('courrier.search', { text: 'berard' }))).total).toBe(1);
  expect((await ok(c.call('courrier.search', { canal: 'courriel' }))).total).toBe(1);
  expect((await ok(c.call('courrier.search', { annee: 2025 }))).total).toBe(0);
  expect((await ok(c.call('courrier.contacts', { text: 'helene' }))).map((x) => x.email)).toEqual([
    'h.martin@example.org',
  ]);
});

it('rights live in the core: a councillor reads nothing, an adjoint answers only what is assigned to him', async () => {
  const { courrierId } = await ok(t.client.call('courrier.registerArrivee', { arrivee: lettre() }));
  const conseiller = await as('conseiller');
  expect((await err(conseiller.call('courrier.search', {}))).code).toBe('FORBIDDEN');
  expect((await err(conseiller.call('courrier.get', { courrierId }))).code).toBe('FORBIDDEN');
  const adjoint = await as('adjoint');
  expect((await ok(adjoint.call('courrier.search', {}))).total).toBe(1);
  expect((await err(adjoint.call('courrier.registerArrivee', { arrivee: lettre() }))).code).toBe('FORBIDDEN');
  expect((await err(adjoint.call('courrier.assign', { courrierId, assigne: 'adjoint' }))).code).toBe('FORBIDDEN');
  expect((await err(adjoint.call('courrier.setStatut', { courrierId, statut: 'repondu' }))).code).toBe('FORBIDDEN');
  await ok(t.client.call('courrier.assign', { courrierId, assigne: 'adjoint' }));
  await ok(adjoint.call('courrier.setStatut', { courrierId, statut: 'repondu' }));
  expect((await err(t.client.call('courrier.get', { courrierId: 999 }))).code).toBe('NOT_FOUND');
});

it('the commune extends the procedures table; a built-in one cannot be changed (L231-5, L231-6)', async () => {
  const c = t.client;
  const { courrierId } = await ok(c.call('courrier.registerArrivee', { arrivee: lettre() }));
  const proc = {
    code: 'marche_nocturne',
    libelle: 'Autorisation de marché nocturne',
    regime: 'SVR',
    delai: 1,
    unite: 'mois',
    article: 'Arrêté municipal du 3 mars 2026',
  };
  expect((await err(c.call('courrier.saveProcedure', { procedure: { ...proc, delai: 0 } }))).message).toMatch(
    /entre 1 et 12 mois/,
  );
  expect((await err(c.call('courrier.saveProcedure', { procedure: { ...proc, code: 'defaut' } }))).code).toBe('RULE');
  await ok(c.call('courrier.saveProcedure', { procedure: proc }));
  await ok(
    c.call('courrier.classify', {
      courrierId,
      qualification: { classement: 'demande', procedureCode: 'marche_nocturne' },
    }),
  );
  expect((await ok(c.call('courrier.get', { courrierId }))).decision).toMatchObject({ date: '2026-12-24' });
  await ok(c.call('courrier.saveProcedure', { procedure: { ...proc, delai: 2 } }));
  expect((await ok(c.call('courrier.search', {}))).rows[0]?.decision_implicite).toBe('2027-01-24');
});
