/**
 * Paramètres → Messagerie through the real core (in-process transport): only the secrétaire reads or changes it,
 * the password is stored sealed and never sent back, « Tester la connexion » and a dropped .eml against the real
 * servers, and « Synchroniser maintenant » reads the mailbox even without a platform.
 */
import { mailServersMissing, startMailServers, type MailServers } from '../../../test-support/mail-servers';
import { inProcessClient, type Client } from '../../host/inprocess';
import { withCommune, type TestCore } from '../../../test-support/helpers';
import { buildMessage, tinyPdf } from '../../../test-support/mail-fixtures';

const missing = mailServersMissing();
if (missing) console.warn(`[courrier/mail] tests de la messagerie par le cœur ignorés : ${missing}`);

const PASSWORD = 'secret-imap';

function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe.skipIf(missing)('Paramètres → Messagerie, through the core', () => {
  let s: MailServers;
  let t: TestCore & { communeId: string };
  const settings = (over: Record<string, unknown> = {}) => ({
    adresse: 'mairie@saint-benoit.fr',
    nomExpediteur: 'Mairie de Saint-Benoît-sur-Loire',
    identifiant: 'mairie',
    motDePasse: PASSWORD,
    imap: { hote: '127.0.0.1', port: s.imap.port, securite: 'aucune' as const },
    smtp: { hote: '127.0.0.1', port: s.smtp.port, securite: 'aucune' as const },
    dossier: 'INBOX',
    marquage: { mode: 'mot_cle' as const },
    ...over,
  });
  async function upload(c: Client, nom: string, bytes: Buffer): Promise<string> {
    const { uploadId } = ok(await c.call('documents.uploadStart', { nom, size: bytes.length }));
    ok(await c.call('documents.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') }));
    return uploadId;
  }

  beforeAll(async () => {
    s = await startMailServers({ mairie: PASSWORD });
  });
  afterAll(async () => {
    await s?.stop();
  });
  beforeEach(async () => {
    t = await withCommune();
  });
  afterEach(() => t.close());

  it('the secrétaire saves it; the password is stored sealed and never read back by the window', async () => {
    expect(ok(await t.client.call('messagerie.get', {}))).toBeNull();
    ok(await t.client.call('messagerie.save', settings()));
    const got = ok(await t.client.call('messagerie.get', {})) as Record<string, unknown>;
    expect(got).toMatchObject({
      adresse: 'mairie@saint-benoit.fr',
      motDePasseEnregistre: true,
      imap: { port: s.imap.port },
    });
    expect(JSON.stringify(got)).not.toContain(PASSWORD);
    const db = t.core.communes.get(t.communeId).db;
    const stored = JSON.stringify(db.prepare("SELECT key, value FROM setting WHERE key LIKE 'messagerie%'").all());
    expect(stored).not.toContain(PASSWORD);
    expect(stored).toContain('clocher-secret:v1:');
    // saved again without a password: the stored one is kept
    ok(await t.client.call('messagerie.save', settings({ motDePasse: null, dossier: 'Mairie' })));
    expect(ok(await t.client.call('messagerie.get', {}))).toMatchObject({
      dossier: 'Mairie',
      motDePasseEnregistre: true,
    });
    expect(
      (
        db.prepare("SELECT summary FROM journal WHERE action = 'courrier.messagerie'").all() as { summary: string }[]
      ).map((r) => r.summary),
    ).toHaveLength(2);
  });

  it('nobody else reads or changes it: a maire is refused by the core', async () => {
    const pw = 'le mot de passe du maire';
    ok(
      await t.client.call('users.create', {
        account: { login: 'maire', display_name: 'Hélène Lefèvre', password: pw, password_confirm: pw },
        role: 'maire',
      }),
    );
    const c = inProcessClient(t.core);
    ok(await c.call('auth.login', { login: 'maire', password: pw }));
    ok(await c.call('auth.changePassword', { current: pw, password: `${pw} bis`, password_confirm: `${pw} bis` }));
    for (const call of [
      c.call('messagerie.save', settings()),
      c.call('messagerie.get', {}),
      c.call('messagerie.tester', settings()),
    ]) {
      const r = await call;
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    }
    expect(ok(await t.client.call('messagerie.get', {}))).toBeNull();
    c.close();
  });

  it('refuses a password sent in clear to a distant server, and a mark folder equal to the folder read, in French', async () => {
    const clear = await t.client.call(
      'messagerie.save',
      settings({ imap: { hote: 'imap.orange.fr', port: 143, securite: 'aucune' } }),
    );
    expect(!clear.ok && clear.error).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining(
        "une connexion sans chiffrement n'est permise qu'avec un serveur sur cet ordinateur",
      ),
    });
    const same = await t.client.call('messagerie.save', settings({ marquage: { mode: 'dossier', dossier: 'inbox' } }));
    expect(!same.ok && same.error.message).toBe(
      'Le dossier où ranger les messages enregistrés doit être différent du dossier lu.',
    );
    const port = await t.client.call(
      'messagerie.save',
      settings({ smtp: { hote: '127.0.0.1', port: 0, securite: 'aucune' } }),
    );
    expect(!port.ok && port.error.message).toContain("Serveur d'envoi : port entre 1 et 65535.");
    expect(ok(await t.client.call('messagerie.get', {}))).toBeNull();
  });

  it('« Tester la connexion » logs in to both servers, and says in French which step failed', async () => {
    const good = ok(await t.client.call('messagerie.tester', settings())) as {
      ok: boolean;
      steps: { ok: boolean; label: string }[];
    };
    expect(good.ok).toBe(true);
    expect(good.steps.map((x) => x.ok)).toEqual([true, true, true]);
    const bad = ok(
      await t.client.call(
        'messagerie.tester',
        settings({ motDePasse: 'faux', smtp: { hote: '127.0.0.1', port: s.smtp.port, securite: 'aucune' } }),
      ),
    ) as { ok: boolean; message: string };
    expect(bad.ok).toBe(false);
    expect(bad.message).toBe(
      "La messagerie ne répond pas comme prévu : le serveur de réception (IMAP) refuse l'identifiant ou le mot de passe de la messagerie (Paramètres → Messagerie).",
    );
  });

  it('an .eml dropped in by hand is registered once with its attachment; a .txt is refused', async () => {
    ok(await t.client.call('messagerie.save', settings()));
    const eml = await buildMessage({
      messageId: '<depot-1@example.fr>',
      subject: 'Demande de salle',
      attachments: [{ filename: 'plan.pdf', content: tinyPdf('plan'), contentType: 'application/pdf' }],
    });
    expect(
      ok(await t.client.call('messagerie.deposer', { uploadId: await upload(t.client, 'demande.eml', eml) })),
    ).toMatchObject({ created: true, objet: 'Demande de salle' });
    expect(
      ok(await t.client.call('messagerie.deposer', { uploadId: await upload(t.client, 'demande (copie).eml', eml) })),
    ).toMatchObject({ created: false });
    const db = t.core.communes.get(t.communeId).db;
    expect(db.prepare('SELECT source, pieces FROM mail_recu').all()).toEqual([
      { source: 'depot', pieces: expect.stringContaining('"nom":"plan.pdf"') },
    ]);
    const txt = await t.client.call('messagerie.deposer', {
      uploadId: await upload(t.client, 'notes.txt', Buffer.from('bonjour')),
    });
    expect(!txt.ok && txt.error.message).toMatch(/un fichier \.eml ou \.msg est attendu/);
  });

  it('« Synchroniser maintenant » reads the mailbox even with no platform configured: the e-mail is on the dashboard', async () => {
    ok(await t.client.call('messagerie.save', settings()));
    s.deliver('mairie', await buildMessage({ messageId: '<sync-1@example.fr>', subject: 'Inscription à la cantine' }));
    ok(await t.client.call('sync.now', {}));
    for (let i = 0; i < 100 && (ok(await t.client.call('sync.status', {})) as { enCours: boolean }).enCours; i++)
      await new Promise((r) => setTimeout(r, 100));
    const dash = ok(await t.client.call('dashboard.get', {})) as { arrivals: { source: string; title: string }[] };
    expect(dash.arrivals).toContainEqual(
      expect.objectContaining({ source: 'courriel', title: 'Courriel de Jean Dupont : Inscription à la cantine' }),
    );
  });
});
