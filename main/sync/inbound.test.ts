import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeS2low, type FakeS2low } from '../../e2e/fakes/s2low/index';
import { tinyPdf } from '../../e2e/fakes/s2low/tar';
import { tempDir } from '../../test-support/helpers';
import { runningClock, TEST_NOW } from '../../test-support/support';
import { runSync } from './engine';
import { addDeliberations, configure, openHarness, type Harness } from '../../test-support/sync-harness';
import { communeClassification } from './inbound';
import { statusLabel, type OutboxRow } from './outbox';
import { enqueueAnnulation, enqueueHelios, enqueueRenvoi, enqueueReponse } from './requests';
import { reponsePieceXml } from '../../e2e/fakes/s2low/xml';
import { connectorFor } from './settings';
import type { S2lowConnector } from './s2low/connector';

const ENV_DETAIL =
  "Le fichier 045-214502494-20260115-ENV_001-DE-1-1_1.pdf n'est pas un PDF/A valide & la signature <XAdES> « détachée » est absente ; renvoyez l'enveloppe complète (règle n° 12 du cahier des charges ACTES), sans quoi l'acte n'est pas transmis";
let fake: FakeS2low;
let h: Harness;
let conn: S2lowConnector;
const clock = runningClock(); // from TEST_NOW; the engine waits for the retry times it computes from it
const sync = () =>
  runSync({
    db: h.db,
    docs: h.docs,
    connector: conn,
    now: clock,
    backoff: { baseMs: 5, maxMs: 20 },
    pollDelayMs: 0,
    untilDrained: true,
    deadlineMs: 10_000,
  });
const item = (key: string) => h.db.prepare('SELECT * FROM sync_outbox WHERE idem_key = ?').get(key) as OutboxRow;

beforeAll(async () => {
  fake = await startFakeS2low({
    heliosRefuse: (n) => (n.includes('REFUS') ? '1963 - Domiciliation erronée' : null),
    anomaly: (n) => (n === 'REF_001' ? 'Pièce illisible' : null),
    envelopeAnomaly: (n) => (n.startsWith('ENV_') ? ENV_DETAIL : null),
  });
  h = openHarness(tempDir('clocher-inbound-'));
  configure(h, fake);
  conn = connectorFor(h.db, h.dir, 2000) as S2lowConnector;
});
afterAll(async () => {
  conn.close();
  await fake.close();
});

it('classification fetched and cached in the commune settings', async () => {
  await sync();
  const setting = h.db.prepare("SELECT value FROM setting WHERE key = 'actes_classification'").get() as {
    value: string;
  };
  expect(JSON.parse(setting.value).date).toBe('2019-03-01');
  expect(communeClassification(h.db, h.docs).natures.length).toBeGreaterThan(4);
});

it('préfecture courriers arrive once, linked to their act, in « Arrivé »; the secrétaire answers', async () => {
  addDeliberations(h, 1, { prefix: 'IN_' });
  await sync();
  fake.addCourrier('IN_001', 'CourrierSimple', 'Bien reçu');
  fake.addCourrier('IN_001', 'DemandePieceComplementaire', 'Le plan de financement');
  fake.addCourrier('IN_001', 'DefereTA', 'Illégalité');
  fake.inject('lostAnswer', { path: 'document_prefecture_mark_as_read' }); // crash-like: stored but not marked read
  await sync();
  await sync();
  const inb = h.db.prepare('SELECT * FROM sync_inbound ORDER BY id').all() as {
    id: number;
    kind: string;
    outbox_id: number;
    detail: string;
    documents: string;
  }[];
  expect(inb.map((i) => i.kind)).toEqual(['CourrierSimple', 'DemandePieceComplementaire', 'DefereTA']);
  expect(inb.every((i) => i.outbox_id === item('acte:IN_001').id)).toBe(true);
  expect(inb[1]?.detail).toBe('Le plan de financement');
  expect(JSON.parse(inb[0]?.documents ?? '[]').map((d: { nom: string }) => d.nom)).toContain(
    '045-214502494-20260115-IN_001-DE-2-1_1.pdf',
  );
  const arrivals = h.db.prepare("SELECT title FROM arrival WHERE object_type = 'sync_inbound'").all();
  expect(arrivals.length).toBe(3);
  // …and in the courrier register, once each, with their documents (issue 13)
  const reg = h.db
    .prepare(
      "SELECT c.canal, c.nature, (SELECT count(*) FROM courrier_piece p WHERE p.courrier_id = c.id) AS pieces FROM courrier c WHERE c.sens = 'arrivee' ORDER BY c.id",
    )
    .all() as { canal: string; nature: string; pieces: number }[];
  expect(reg.map((r) => [r.canal, r.nature])).toEqual([
    ['prefecture', 'CourrierSimple'],
    ['prefecture', 'DemandePieceComplementaire'],
    ['prefecture', 'DefereTA'],
  ]);
  expect(reg[0]?.pieces).toBeGreaterThan(0);
  expect(
    (h.db.prepare("SELECT count(*) AS n FROM todo WHERE object_type = 'sync_inbound'").get() as { n: number }).n,
  ).toBe(2);
  // answer the DPC with the pieces
  const doc = h.docs.put(tinyPdf('pieces'));
  enqueueReponse(
    h.db,
    inb[1]?.id as number,
    { mode: 'reponse', typeActe: '99_DE', document: { sha256: doc.sha256, nom: 'pieces.pdf' } },
    clock(),
  );
  expect(() =>
    enqueueReponse(
      h.db,
      inb[2]?.id as number,
      { mode: 'reponse', typeActe: '99_DE', document: { sha256: doc.sha256, nom: 'x.pdf' } },
      clock(),
    ),
  ).toThrow(/tribunal/);
  fake.inject('lostAnswer', { path: 'reponse_create' });
  await sync();
  const rep = h.db.prepare("SELECT * FROM sync_outbox WHERE kind = 'reponse'").get() as OutboxRow;
  expect(rep.state).toBe('recu');
  expect(statusLabel(rep)).toMatch(/^reçu par la préfecture le/);
  expect([...fake.state.txs.values()].filter((t) => t.typeReponse !== null).length).toBe(1); // once, despite the lost answer
});

it('annulation of an act with its AR (§2.7), reconciled after a lost answer', async () => {
  const acte = item('acte:IN_001');
  enqueueAnnulation(h.db, acte.id, clock());
  fake.inject('lostAnswer', { path: 'actes_transac_cancel' });
  await sync();
  const a = item('annulation:IN_001');
  expect(a.state).toBe('recu');
  expect(statusLabel(a)).toMatch(/^annulation reçue par la préfecture le/);
  expect([...fake.state.txs.values()].filter((t) => t.type === 6).length).toBe(1);
});

it('HELIOS: PES_Aller posted, status followed, PES_Acquit OK or refused with labels; PES_Retour fetched', async () => {
  const ok = h.docs.put(
    Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><n:PES_Aller xmlns:n="x"><Enveloppe><Parametres><NomFic V="PES_OK_1"/></Parametres></Enveloppe></n:PES_Aller>',
      'latin1',
    ),
  );
  const ko = h.docs.put(
    Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><n:PES_Aller xmlns:n="x"><Enveloppe><Parametres><NomFic V="PES_REFUS_2"/></Parametres></Enveloppe></n:PES_Aller>',
      'latin1',
    ),
  );
  enqueueHelios(h.db, { sha256: ok.sha256, nom: 'PES_OK_1.xml' }, clock());
  enqueueHelios(h.db, { sha256: ko.sha256, nom: 'PES_REFUS_2.xml' }, clock());
  fake.addPesRetour('PES_RETOUR_9.xml', '<?xml version="1.0"?><n:PES_Retour xmlns:n="y"/>');
  await sync();
  expect(statusLabel(item(`helios:${ok.sha256}`))).toMatch(/^reçu par le comptable le/);
  expect(statusLabel(item(`helios:${ko.sha256}`))).toBe(
    `refusé : bordereau n° 1 / ${TEST_NOW.getUTCFullYear()} : 1963 - Domiciliation erronée`,
  );
  expect(
    (h.db.prepare("SELECT count(*) AS n FROM sync_inbound WHERE kind = 'PES_Retour'").get() as { n: number }).n,
  ).toBe(1);
  expect([...fake.state.pesRetours.values()].every((p) => p.lu)).toBe(true);
});

it('« Tester la connexion »: OK, then each French diagnosis', async () => {
  const ok = await conn.test(clock());
  expect(ok.ok).toBe(true);
  expect(ok.steps.map((s) => s.label)).toEqual(['Adresse', 'Certificat', 'Compte', 'Droits']);
  const diag = async (
    over: Partial<S2lowConnector['cfg']>,
    fakeOpts?: Parameters<typeof startFakeS2low>[0],
    now = clock(),
  ) => {
    const f = fakeOpts ? await startFakeS2low({ ...fakeOpts, pki: fake }) : fake;
    const { S2lowConnector: C } = await import('./s2low/connector');
    const c = new C({ ...conn.cfg, url: f.url, ...over });
    const r = await c.test(now);
    c.close();
    if (f !== fake) await f.close();
    return r.message;
  };
  expect(await diag({ url: 'https://127.0.0.1:9' })).toMatch(/injoignable : vérifiez l'adresse/);
  expect(await diag({ url: 'http://exemple.fr' })).toMatch(/https:\/\//);
  expect(await diag({ password: 'faux' })).toMatch(/identifiant ou le mot de passe/);
  expect(
    await diag({ identity: { kind: 'pkcs12', pfx: fake.expiredClientP12, passphrase: fake.p12Password } }),
  ).toMatch(/certificat a expiré le/);
  expect(
    await diag({ identity: { kind: 'pkcs12', pfx: fake.unknownClientP12, passphrase: fake.p12Password } }),
  ).toMatch(/refuse votre certificat : il lui est inconnu/);
  // expiry is judged by the core's clock: the same refused certificate, the clock in 2099, is said expired (dated jj/mm/aaaa)
  expect(
    await diag(
      { identity: { kind: 'pkcs12', pfx: fake.unknownClientP12, passphrase: fake.p12Password } },
      undefined,
      new Date('2099-01-01T00:00:00Z'),
    ),
  ).toMatch(/^Votre certificat a expiré le \d{2}\/\d{2}\/\d{4} :/);
  expect(await diag({ identity: { kind: 'pkcs12', pfx: fake.clientP12, passphrase: 'mauvais' } })).toMatch(
    /mot de passe du certificat/,
  );
  expect(await diag({}, { rights: 'none' })).toMatch(/pas les droits de télétransmission/);
});

it('an unknown message kind never blocks the others: kept raw with its files, read once, then the rest', async () => {
  const before = (h.db.prepare('SELECT count(*) AS n FROM sync_inbound').get() as { n: number }).n;
  const futur =
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<actes:NouveauMessage2030 xmlns:actes="http://www.interieur.gouv.fr/ACTES#v1.1-20040216"><actes:Texte>Été</actes:Texte></actes:NouveauMessage2030>\n';
  fake.addRawMessage('IN_001', {
    txType: 2,
    msg: '2-9',
    xml: futur,
    files: [{ name: 'annexe-inconnue.pdf', bytes: tinyPdf('inconnu') }],
  });
  fake.addRawMessage('IN_001', { txType: 2, msg: '2-8', xml: '<pas du XML' });
  fake.addCourrier('IN_001', 'LettreObservations', 'Incompétence du signataire');
  fake.addPesRetour('PES_RETOUR_10.xml', '<?xml version="1.0"?><n:PES_Retour xmlns:n="y"/>');
  fake.addRawMessage('IN_001', {
    txType: 3,
    msg: '3-4',
    xml: reponsePieceXml('PieceComplementaire', '045-214502494-20260115-IN_001-DE', '2026-01-20', ['p1.pdf', 'p2.pdf']),
  });
  fake.addRawMessage('IN_001', {
    txType: 3,
    msg: '3-3',
    xml: reponsePieceXml('RefusPieceComplementaire', '045-214502494-20260115-IN_001-DE', '2026-01-20', ['refus.pdf']),
  });
  await sync();
  const rows = h.db.prepare('SELECT * FROM sync_inbound WHERE id > ? ORDER BY id').all(before) as {
    kind: string;
    title: string;
    detail: string;
    documents: string;
    platform_key: string;
  }[];
  expect(rows.map((r) => r.kind)).toEqual([
    'inconnu',
    'inconnu',
    'LettreObservations',
    'PieceComplementaire',
    'RefusPieceComplementaire',
    'PES_Retour',
  ]);
  expect(rows[0]?.title).toBe('Message non reconnu de la plateforme — acte IN_001');
  expect(rows[0]?.detail).toMatch(/NouveauMessage2030/);
  const docs = JSON.parse(rows[0]?.documents ?? '[]') as { nom: string; sha256: string }[];
  expect(docs.map((d) => d.nom)).toEqual(
    expect.arrayContaining(['045-214502494-20260115-IN_001-DE-2-9_0.xml', 'annexe-inconnue.pdf']),
  );
  expect(h.docs.read(docs.find((d) => d.nom.endsWith('_0.xml'))?.sha256 ?? '').toString('latin1')).toContain(
    'NouveauMessage2030',
  ); // kept byte for byte
  expect(rows[1]?.detail).toMatch(/^Clocher ne sait pas lire ce message \(type 2, /);
  expect(rows[2]?.detail).toBe('Incompétence du signataire');
  expect(JSON.parse(rows[3]?.documents ?? '[]').length).toBeGreaterThan(0);
  expect([...fake.state.txs.values()].filter((t) => t.courrier).every((t) => t.lu)).toBe(true);
  expect([...fake.state.pesRetours.values()].every((p) => p.lu)).toBe(true);
  const requests = fake.state.stats.requests;
  await sync();
  expect((h.db.prepare('SELECT count(*) AS n FROM sync_inbound WHERE id > ?').get(before) as { n: number }).n).toBe(6); // nothing lost, nothing doubled
  expect(fake.state.stats.requests - requests).toBeLessThan(8); // and not fetched again
});

it('a whole-envelope rejection (AnomalieEnveloppe) shows its reason whole, in the outbox and « À faire »', async () => {
  addDeliberations(h, 1, { prefix: 'ENV_' });
  await sync();
  const row = item('acte:ENV_001');
  expect(row.state).toBe('refuse');
  expect(statusLabel(row)).toBe(`refusé : enveloppe refusée par le ministère (anomalie 003) : ${ENV_DETAIL}`);
  const todo = h.db
    .prepare("SELECT title FROM todo WHERE object_type = 'sync_outbox' AND object_id = ?")
    .get(String(row.id)) as { title: string };
  expect(todo.title).toContain(ENV_DETAIL);
});

it('a refused act corrected and accepted: « À faire » closed, the refused row replaced by the accepted one', async () => {
  addDeliberations(h, 1, { prefix: 'REF_' });
  await sync();
  const refused = item('acte:REF_001');
  expect(refused.state).toBe('refuse');
  const open = () =>
    (
      h.db
        .prepare(
          "SELECT count(*) AS n FROM todo WHERE object_type = 'sync_outbox' AND object_id = ? AND done_at IS NULL",
        )
        .get(String(refused.id)) as { n: number }
    ).n;
  expect(open()).toBe(1);
  enqueueRenvoi(h.db, refused.id, clock());
  await sync();
  expect(item('acte:REF_001_R1').state).toBe('recu');
  expect(open()).toBe(0);
  expect(statusLabel(item('acte:REF_001'))).toBe('remplacé : REF_001, transmis sous REF_001_R1');
  expect(item('acte:REF_001').state).toBe('refuse'); // the history stays
});

it("« Tester la connexion » says when the account is another collectivité's (SIREN, département)", async () => {
  const { S2lowConnector: C } = await import('./s2low/connector');
  fake.addCourrier('IN_001', 'CourrierSimple', 'Pour le test');
  const other = new C(conn.cfg, { siren: '200000001', departement: '045' });
  const r = await other.test(clock());
  other.close();
  expect(r.ok).toBe(false);
  expect(r.message).toMatch(
    /^Ce compte de la plateforme appartient à « Commune de test », SIREN 214502494, et non à votre commune \(SIREN 200000001\)/,
  );
  const dep = new C(conn.cfg, { siren: '214502494', departement: '18' });
  expect((await dep.test(clock())).message).toMatch(
    /du département 045, et non à votre commune \(SIREN 214502494, département 18\)/,
  );
  dep.close();
  const same = new C(conn.cfg, { siren: '214502494', departement: '45' });
  expect((await same.test(clock())).ok).toBe(true);
  same.close();
  await sync(); // the courrier of this test is consumed as any other
});

it('a message the platform fails to serve holds back neither the others nor itself for good', async () => {
  const before = (h.db.prepare('SELECT max(id) AS m FROM sync_inbound').get() as { m: number }).m;
  const first = fake.addCourrier('IN_001', 'CourrierSimple', 'Premier');
  fake.addCourrier('IN_001', 'LettreObservations', 'Second');
  fake.inject('http500', { path: 'actes_transac_get_document', times: 1 }); // the first one listed (the fake lists in order)
  const r = await sync();
  expect(r.outcome).toBe('erreur');
  const kinds = () =>
    (h.db.prepare('SELECT kind FROM sync_inbound WHERE id > ? ORDER BY id').all(before) as { kind: string }[]).map(
      (x) => x.kind,
    );
  expect(kinds()).toEqual(['LettreObservations']);
  expect(first.lu).toBe(false);
  await sync();
  expect(kinds()).toEqual(['LettreObservations', 'CourrierSimple']);
  expect(first.lu).toBe(true);
});
