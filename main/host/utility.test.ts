/**
 * The utility-process transport with --secrets=os: it asks main for the OS-wrapped key and opens nothing
 * before it has it; the key it gets is the one that seals the platform secrets.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { aesBox, KEY_FILE, deriveDbKey, openKeyed } from '../db';
import { tempDir } from '../../test-support/helpers';

vi.mock('../signing/usb-watch', () => ({ startUsbWatch: async () => ({ stop: () => undefined }) }));

const dataDir = path.join(tempDir(), 'Clocher');
const posted: unknown[] = [];
const port = Object.assign(new EventEmitter(), { postMessage: (m: unknown) => posted.push(m) });
const send = (data: unknown) => port.emit('message', { data });
const until = (pred: () => boolean) => vi.waitFor(() => expect(pred()).toBe(true), { timeout: 5000 });

beforeAll(async () => {
  vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  (process as unknown as { parentPort: unknown }).parentPort = port;
  process.argv = [process.argv[0]!, 'utility.js', `--data-dir=${dataDir}`, '--secrets=os'];
  await import('./utility');
});
afterAll(() => {
  send({ type: 'shutdown' }); // closes the core's databases (process.exit is stubbed)
  delete (process as unknown as { parentPort?: unknown }).parentPort;
  vi.restoreAllMocks();
});

describe('utility process with --secrets=os', () => {
  it('asks for the key and opens nothing before it comes', () => {
    expect(posted).toEqual([{ type: 'need-secrets' }]);
    expect(fs.existsSync(path.join(dataDir, 'clocher.sqlite'))).toBe(false);
  });

  it('starts with the key main sends: secrets are sealed with it, and no key file is written', async () => {
    const key = crypto.randomBytes(32);
    send({ type: 'secrets', key: key.toString('base64') });
    expect(posted).toContainEqual({ type: 'ready' });
    const call = (id: number, name: string, args: unknown) =>
      send({ type: 'call', conn: 'w1', request: { id, name, args } });
    call(1, 'setup.createCommune', {
      identity: {
        nom: 'Germigny-des-Prés',
        code_insee: '45154',
        siren: '214501546',
        departement: '45',
        arrondissement: '3',
        adresse: '1 rue de l’Église',
        code_postal: '45110',
        telephone: '02 38 58 27 97',
        email: 'mairie@germigny.fr',
        population: 700,
      },
      horaires: [{ weekday: 2, period: 'matin' }],
      elus: [{ civilite: 'Mme', nom: 'Roux', prenom: 'Anne', fonction: 'maire', mandat_debut: '2026-03-28' }],
      account: {
        login: 'secretaire',
        display_name: 'Martine Roux',
        password: 'une belle journée à la mairie',
        password_confirm: 'une belle journée à la mairie',
      },
    });
    await until(() => posted.some((m) => (m as { reply?: { id: number } }).reply?.id === 1));
    call(2, 'sync.savePlateforme', { url: 'https://s2low.test', login: 'mairie', password: 'Secret-Du-Test-9' });
    await until(() => posted.some((m) => (m as { reply?: { id: number } }).reply?.id === 2));
    const replies = posted.filter((m) => (m as { type: string }).type === 'reply') as {
      reply: { ok: boolean; error?: unknown };
    }[];
    expect(
      replies.map((r) => r.reply.ok),
      JSON.stringify(replies),
    ).toEqual([true, true]);

    const communes = path.join(dataDir, 'communes');
    const file = path.join(communes, fs.readdirSync(communes)[0]!, 'commune.sqlite');
    expect(() => openKeyed(file, null, { readonly: true })).toThrow(/not a database/); // encrypted...
    const db = openKeyed(file, deriveDbKey(key), { readonly: true }); // ...with the key main sent
    const stored = JSON.parse(
      db.prepare("SELECT value FROM setting WHERE key = 'plateforme_secrets'").pluck().get() as string,
    ) as { password: string };
    db.close();
    expect(aesBox(() => key).unwrap(stored.password)).toBe('Secret-Du-Test-9');
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
  });
});
