import fs from 'node:fs';
import path from 'node:path';
import { withCommune, tempDir, type TestCore } from '../../test-support/helpers';
import { modulePathProblem, type StatFn } from './module-path';

/** A file system where only these paths exist (true: a regular file, false: a folder). */
const fakeFs =
  (entries: Record<string, boolean>): StatFn =>
  (p) =>
    p in entries ? { isFile: () => entries[p]! } : undefined;

describe('the PKCS#11 module path: what may be saved and loaded', () => {
  const win = fakeFs({ 'C:\\Windows\\System32\\eTPKCS11.dll': true, 'C:\\Windows\\System32': false });
  const linux = fakeFs({
    '/usr/lib/libeTPkcs11.so': true,
    '/usr/lib/libcastle.so.1.0.0': true,
    '/usr/lib': false,
    '/usr/lib/pilote.so': false,
  });
  const never: StatFn = () => {
    throw new Error('the file system must not be asked');
  };

  it('accepts an existing local library, versioned .so included', () => {
    expect(modulePathProblem('C:\\Windows\\System32\\eTPKCS11.dll', 'win32', win)).toBeNull();
    expect(modulePathProblem('/usr/lib/libeTPkcs11.so', 'linux', linux)).toBeNull();
    expect(modulePathProblem('/usr/lib/libcastle.so.1.0.0', 'linux', linux)).toBeNull();
  });

  it('refuses a network path (UNC) before touching the file system', () => {
    for (const p of [
      '\\\\serveur\\partage\\eTPKCS11.dll',
      '//serveur/partage/eTPKCS11.dll',
      '\\\\?\\UNC\\serveur\\p\\x.dll',
      '\\\\.\\pipe\\x.dll',
    ])
      expect(modulePathProblem(p, 'win32', never)).toMatch(
        /désigne un dossier réseau : le pilote doit être installé sur cet ordinateur/,
      );
    expect(modulePathProblem('//serveur/partage/libeTPkcs11.so', 'linux', never)).toMatch(/dossier réseau/);
  });

  it('refuses a relative path, with an example of a full one', () => {
    expect(modulePathProblem('eTPKCS11.dll', 'win32', never)).toMatch(
      /n'est pas un chemin complet : .*C:\\Windows\\System32\\eTPKCS11\.dll/,
    );
    expect(modulePathProblem('C:eTPKCS11.dll', 'win32', never)).toMatch(/n'est pas un chemin complet/);
    expect(modulePathProblem('./libeTPkcs11.so', 'linux', never)).toMatch(
      /n'est pas un chemin complet : .*\/usr\/lib\/libeTPkcs11\.so/,
    );
    expect(modulePathProblem('/usr/lib/../../tmp/x.so', 'linux', never)).toMatch(/contient « \.\. »/);
  });

  it('refuses what is not a library of this system', () => {
    expect(modulePathProblem('C:\\Temp\\outil.exe', 'win32', never)).toMatch(
      /ne désigne pas un pilote : sur cet ordinateur, c'est un fichier \.dll/,
    );
    expect(modulePathProblem('/usr/lib/eTPKCS11.dll', 'linux', never)).toMatch(/c'est un fichier \.so/);
    expect(modulePathProblem('/tmp/script.sh', 'linux', never)).toMatch(/ne désigne pas un pilote/);
    expect(modulePathProblem('/usr/lib/x.so\n', 'linux', never)).toMatch(/caractères invisibles/);
  });

  it('refuses a missing file and a folder', () => {
    expect(modulePathProblem('C:\\Windows\\System32\\absent.dll', 'win32', win)).toMatch(
      /n'existe pas sur cet ordinateur : installez le logiciel fourni avec la clé/,
    );
    expect(modulePathProblem('/usr/lib/pilote.so', 'linux', linux)).toMatch(
      /n'est pas un fichier \(c'est un dossier ou un périphérique\)/,
    );
  });
});

describe('Paramètres › Signature, through the core', () => {
  let t: TestCore & { communeId: string };
  let dir: string;
  beforeAll(async () => {
    t = await withCommune();
    dir = tempDir('clocher-module-');
    fs.writeFileSync(path.join(dir, 'libpilote.so'), 'not really a library');
    fs.mkdirSync(path.join(dir, 'dossier.so'));
  });
  afterAll(() => {
    t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const save = (modulePath: string | null) => t.client.call('signing.saveSettings', { modulePath, trustedRoots: [] });

  it('no call names a library to load: modulePath from the window is refused', async () => {
    for (const [name, args] of [
      ['signing.test', {}],
      ['signing.scan', {}],
      ['signing.certificate', { slotId: '01', certificateId: '01' }],
      ['parapheur.sessionStart', { slotId: '01', certificateId: '01', pin: '1234', signataire: { eluId: 1 } }],
    ] as const) {
      const r = await t.client.call(name, { ...args, modulePath: '/tmp/evil.so' } as never);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    }
  });

  it('saving checks the path, with the reason in French, and keeps the previous setting', async () => {
    expect(await save(path.join(dir, 'libpilote.so'))).toMatchObject({ ok: true });
    const cases: [string, RegExp][] = [
      ['libpilote.so', /n'est pas un chemin complet/],
      ['//serveur/partage/libpilote.so', /dossier réseau/],
      [path.join(dir, 'absent.so'), /n'existe pas sur cet ordinateur/],
      [path.join(dir, 'dossier.so'), /n'est pas un fichier/],
      ['/bin/sh', /ne désigne pas un pilote/],
    ];
    for (const [p, message] of cases) {
      const r = await save(p);
      expect(r, p).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID',
          message: expect.stringMatching(message),
          fields: { modulePath: expect.stringMatching(message) },
        },
      });
    }
    expect(await t.client.call('signing.settings')).toMatchObject({
      ok: true,
      value: { modulePath: path.join(dir, 'libpilote.so') },
    });
  });

  it('a saved path that no longer passes is checked again before loading', async () => {
    // as an older version may have stored it, or the file removed since
    const db = t.core.communes.get(t.communeId).db;
    db.prepare("UPDATE setting SET value = ? WHERE key = 'signature'").run(
      JSON.stringify({ modulePath: '\\\\serveur\\partage\\eTPKCS11.dll', trustedRoots: [] }),
    );
    const r = await t.client.call('signing.test');
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'TOKEN_MODULE',
        message: expect.stringMatching(/dossier réseau.*Corrigez-le dans Paramètres › Signature/),
      },
    });
  });

  it('only the secrétariat saves it: an élu is refused', async () => {
    const password = 'provisoire du maire 2026';
    const elus = (await t.client.call('commune.get')) as {
      ok: true;
      value: { elus: { id: number; fonction: string; mandat_fin: string | null }[] };
    };
    const maire = elus.value.elus.find((e) => e.fonction === 'maire' && !e.mandat_fin)!;
    expect(
      await t.client.call('users.create', {
        account: { login: 'maire', display_name: 'Hélène Lefèvre', password, password_confirm: password },
        role: 'maire',
        eluId: maire.id,
      }),
    ).toMatchObject({ ok: true });
    await t.client.call('auth.logout');
    await t.client.call('auth.login', { login: 'maire', password });
    await t.client.call('auth.changePassword', {
      current: password,
      password: 'la mairie est fermée le lundi',
      password_confirm: 'la mairie est fermée le lundi',
    });
    const r = await save(path.join(dir, 'libpilote.so'));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
