/**
 * CRPA L112-11 last paragraph, against the real servers (dovecot IMAP, the test SMTP server): a sender the
 * secrétaire marked « envois abusifs » is still registered, but no AEE leaves for him and his register row says
 * why; the mark is journaled and lifted; the detection only suggests; only the secrétaire marks.
 */
import { mailServersMissing, startMailServers, type MailServers } from '../../test-support/mail-servers';
import { buildMessage } from '../../test-support/mail-fixtures';
import { accountAs, err } from '../../test-support/etat-civil-client';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { SANS_ACCUSE_ABUS } from './rules/abus';

const missing = mailServersMissing();
if (missing) console.warn(`[courrier/abus] tests des envois abusifs ignorés : ${missing}`);

const PASSWORD = 'secret-imap';
function okv<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const SPAM = 'relance.auto@example.org';

describe.skipIf(missing)('senders marked « envois abusifs »: registered, never acknowledged by themselves', () => {
  let s: MailServers;
  let t: TestCore & { communeId: string };
  const db = () => t.core.communes.get(t.communeId).db;
  const journal = () =>
    db().prepare("SELECT summary FROM journal WHERE action LIKE 'courrier.abus.%' ORDER BY id").pluck().all();
  let n = 0;
  const deliver = async (from: string, subject: string, text = 'Bonjour, merci de me répondre.') =>
    s.deliver(
      'mairie',
      await buildMessage({ messageId: `<m${++n}@example.org>`, from, subject, text }),
      new Date('2026-11-23T08:00:00Z'),
    );
  /** one synchronisation run to its end (the mailbox is read, then the outbox drained by the next run) */
  const sync = async () => {
    for (let run = 0; run < 2; run++) {
      okv(await t.client.call('sync.now', {}));
      for (let i = 0; i < 200 && okv(await t.client.call('sync.status', {})).enCours; i++)
        await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    s = await startMailServers({ mairie: PASSWORD });
  });
  afterAll(async () => {
    await s?.stop();
  });
  beforeEach(async () => {
    t = await withCommune(); // clock: Monday 2026-11-23
    okv(
      await t.client.call('messagerie.save', {
        adresse: 'mairie@saint-benoit.fr',
        nomExpediteur: 'Mairie de Saint-Benoît-sur-Loire',
        identifiant: 'mairie',
        motDePasse: PASSWORD,
        imap: { hote: '127.0.0.1', port: s.imap.port, securite: 'aucune' },
        smtp: { hote: '127.0.0.1', port: s.smtp.port, securite: 'aucune' },
        dossier: 'INBOX',
        marquage: { mode: 'mot_cle' },
      }),
    );
  });
  afterEach(() => t.close());

  it('a marked sender’s courriel is registered without AEE, its row says why; the others get theirs by SMTP', async () => {
    const before = s.delivered.length;
    okv(
      await t.client.call('courrier.abus.signaler', {
        signalement: {
          email: ` ${SPAM.toUpperCase()} `,
          motif: 'Le même message automatique plusieurs fois par heure',
        },
      }),
    );
    await deliver(`Relances <${SPAM}>`, 'Votre dossier');
    await deliver('Jean Dupont <jean.dupont@example.fr>', 'Demande de branchement');
    await sync();
    const rows = okv(await t.client.call('courrier.search', { sens: 'arrivee' })).rows;
    expect(rows.map((r) => [r.objet, r.sans_accuse_motif]).sort()).toEqual([
      ['Demande de branchement', null],
      ['Votre dossier', SANS_ACCUSE_ABUS],
    ]);
    expect(SANS_ACCUSE_ABUS).toBe('Pas d’accusé automatique : expéditeur signalé pour envois abusifs (CRPA L112-11)');
    const sent = s.delivered.slice(before).flatMap((d) => d.to);
    expect(sent).toEqual(['jean.dupont@example.fr']); // the AEE of the other one only
    const spam = rows.find((r) => r.objet === 'Votre dossier')!;
    const detail = okv(await t.client.call('courrier.get', { courrierId: spam.id }));
    expect(detail.courrier.aee_le).toBeNull();
    expect(detail.courriels).toEqual([]);
    expect(detail.acks).toEqual([]); // not owed (L112-11 last paragraph): not in the deadlines either
    const echeances = okv(await t.client.call('courrier.echeances', {})).echeances;
    expect(echeances.filter((e) => e.courrierId === spam.id)).toEqual([]);
    // classifying it as a request sends no ARE by itself either
    const classified = okv(
      await t.client.call('courrier.classify', { courrierId: spam.id, qualification: { classement: 'demande' } }),
    );
    expect(classified.areEnvoyeA).toBeNull();
    expect(journal()).toEqual([
      `Expéditeur ${SPAM} signalé pour envois abusifs : plus d’accusé automatique (CRPA L112-11). Motif : Le même message automatique plusieurs fois par heure`,
    ]);
  });

  it('lifted: the next send is acknowledged again; the mark stays in the history', async () => {
    const { id } = okv(
      await t.client.call('courrier.abus.signaler', {
        signalement: { email: SPAM, motif: 'Envois répétés du même texte' },
      }),
    );
    okv(await t.client.call('courrier.abus.lever', { signalementId: id }));
    expect((await err(t.client.call('courrier.abus.lever', { signalementId: id }))).code).toBe('NOT_FOUND');
    const before = s.delivered.length;
    await deliver(`Relances <${SPAM}>`, 'Votre dossier, de nouveau');
    await sync();
    expect(s.delivered.slice(before).flatMap((d) => d.to)).toEqual([SPAM]);
    const list = okv(await t.client.call('courrier.abus.list', {}));
    expect(list.signalements).toEqual([
      expect.objectContaining({ email: SPAM, leve_le: '2026-11-23T09:00:00.000Z', leve_par: expect.any(String) }),
    ]);
    expect(journal()).toHaveLength(2);
    expect(journal()[1]).toContain(`Signalement de ${SPAM} pour envois abusifs levé`);
    // marked again after being lifted: a new row, the old one kept
    okv(
      await t.client.call('courrier.abus.signaler', { signalement: { email: SPAM, motif: 'Les envois ont repris' } }),
    );
    expect(okv(await t.client.call('courrier.abus.list', {})).signalements).toHaveLength(2);
    expect(() => db().prepare('DELETE FROM courrier_expediteur_abusif').run()).toThrow(/append_only/);
  });

  it('six identical sends in a day are suggested, not blocked: every one is acknowledged until the secrétaire decides', async () => {
    const before = s.delivered.length;
    for (let i = 0; i < 6; i++) await deliver('Robot <robot@example.net>', 'Réclamation', 'Texte identique.');
    await deliver('Jean Dupont <jean.dupont@example.fr>', 'Autre chose');
    await sync();
    expect(
      s.delivered
        .slice(before)
        .flatMap((d) => d.to)
        .filter((to) => to === 'robot@example.net'),
    ).toHaveLength(6);
    const list = okv(await t.client.call('courrier.abus.list', {}));
    expect(list).toMatchObject({ seuil: 5, seuilDefaut: 5, signalements: [] });
    expect(list.suggestions).toEqual([
      { email: 'robot@example.net', jour: '2026-11-23', objet: 'Réclamation', envois: 6 },
    ]);
    // a higher threshold of the commune: no suggestion; journaled
    okv(await t.client.call('courrier.abus.seuil', { seuil: 6 }));
    expect(okv(await t.client.call('courrier.abus.list', {})).suggestions).toEqual([]);
    expect((await err(t.client.call('courrier.abus.seuil', { seuil: 1 }))).message).toBe(
      'Seuil : un nombre entier entre 2 et 50.',
    );
    expect(journal()).toEqual([
      'Envois abusifs : une adresse est proposée au-delà de 6 envois identiques par jour (avant : 5)',
    ]);
  });

  it('only the secrétaire marks, lifts or sets the threshold; the maire reads; bad input is refused in French', async () => {
    const maire = await accountAs(t, 'maire', 'Hélène Lefèvre', 'maire');
    const conseiller = await accountAs(t, 'conseiller', 'Loïc Ménard', 'conseiller');
    expect(
      (await err(maire.call('courrier.abus.signaler', { signalement: { email: SPAM, motif: 'Envois répétés' } }))).code,
    ).toBe('FORBIDDEN');
    expect((await err(maire.call('courrier.abus.seuil', { seuil: 8 }))).code).toBe('FORBIDDEN');
    expect(okv(await maire.call('courrier.abus.list', {})).signalements).toEqual([]);
    expect((await err(conseiller.call('courrier.abus.list', {}))).code).toBe('FORBIDDEN');
    const bad = await err(
      t.client.call('courrier.abus.signaler', { signalement: { email: 'pas une adresse', motif: 'court' } }),
    );
    expect(bad).toMatchObject({
      code: 'INVALID',
      fields: {
        email: 'Adresse : une adresse électronique, par exemple nom@exemple.fr.',
        motif: 'Motif : écrivez pourquoi ces envois sont abusifs (10 caractères au moins).',
      },
    });
    const { id } = okv(
      await t.client.call('courrier.abus.signaler', {
        signalement: { email: SPAM, motif: 'Envois répétés du même texte' },
      }),
    );
    expect(
      (await err(t.client.call('courrier.abus.signaler', { signalement: { email: SPAM, motif: 'Encore une fois' } })))
        .code,
    ).toBe('CONFLICT');
    expect((await err(maire.call('courrier.abus.lever', { signalementId: id }))).code).toBe('FORBIDDEN');
    expect(db().prepare('SELECT count(*) FROM courrier_expediteur_abusif WHERE leve_le IS NULL').pluck().get()).toBe(1);
  });
});

describe('a courriel registered by hand from a marked sender', () => {
  let t: TestCore & { communeId: string };
  beforeEach(async () => {
    t = await withCommune(); // clock: Monday 2026-11-23
  });
  afterEach(() => t.close());

  it('classified as a request: no ARE leaves by itself, the row says why (no mail server needed)', async () => {
    okv(
      await t.client.call('courrier.abus.signaler', {
        signalement: { email: SPAM, motif: 'Envois répétés du même texte' },
      }),
    );
    const { courrierId } = okv(
      await t.client.call('courrier.registerArrivee', {
        arrivee: {
          channel: 'courriel',
          dateReception: '2026-11-23',
          correspondent: { nom: 'Relances', email: SPAM },
          objet: 'Votre dossier',
        },
      }),
    );
    const out = okv(await t.client.call('courrier.classify', { courrierId, qualification: { classement: 'demande' } }));
    expect(out.areEnvoyeA).toBeNull();
    const d = okv(await t.client.call('courrier.get', { courrierId }));
    expect(d.courrier.sans_accuse_motif).toBe(SANS_ACCUSE_ABUS);
    expect(d.courriels).toEqual([]);
    expect(d.acks).toEqual([]);
  });
});
