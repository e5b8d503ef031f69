/**
 * Moving a commune to another PC (« Exporter pour un autre PC ») and backups bound to their PC's key (issue 11).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../host/inprocess';
import {
  testCore,
  validAccount,
  validElus,
  validHoraires,
  validIdentity,
  withCommune,
} from '../../test-support/helpers';
import { deriveDocumentsKey, isEncryptedFile, isPlainFile } from '../db';
import { DocumentStore } from '../documents';

const NOM = 'Vauquelin-Marbeuf';
const PASSPHRASE = 'quatre mots pour la clé USB';

async function upload(client: Client, file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const start = await client.call('documents.uploadStart', { nom: path.basename(file), size: bytes.length });
  if (!start.ok) throw new Error(start.error.message);
  const chunk = start.value.chunkBytes;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const r = await client.call('documents.uploadChunk', {
      uploadId: start.value.uploadId,
      offset,
      data: bytes.subarray(offset, offset + chunk).toString('base64'),
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  return start.value.uploadId;
}

/** A commune with a seeded élu, and a second installation (another PC) with a commune of its own. */
async function twoPcs() {
  const from = await withCommune();
  const r = await from.client.call('commune.saveElu', {
    id: null,
    elu: { civilite: 'M.', nom: NOM, prenom: 'Aristide', fonction: 'conseiller', mandat_debut: '2026-04-01' },
  });
  if (!r.ok) throw new Error(r.error.message);
  const to = testCore();
  const made = await to.client.call('setup.createCommune', {
    identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45154' },
    horaires: validHoraires,
    elus: validElus,
    account: validAccount,
  });
  if (!made.ok) throw new Error(made.error.message);
  return { from, to: { ...to, communeId: made.value.communeId } };
}

describe('export for another PC', () => {
  it('is protected by the passphrase: nothing readable, a wrong passphrase or an altered file refused in French, the right one imports base and documents', async () => {
    const { from, to } = await twoPcs();
    const scan = Buffer.from(`%PDF-1.4 acte de naissance de ${NOM} ${'x'.repeat(5000)}`);
    const doc = from.core.communes.documentsOf(from.communeId).put(scan);
    const short = await from.client.call('backup.export', { passphrase: 'trop court' });
    expect(!short.ok && short.error.message).toMatch(/au moins 12 caractères/);
    const made = await from.client.call('backup.export', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.error.message);
    const bytes = fs.readFileSync(made.value.file);
    expect(bytes.includes(Buffer.from(NOM))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    // a PC that already holds this commune: refused, nothing overwritten
    const dup = await from.client.call('backup.import', {
      uploadId: await upload(from.client, made.value.file),
      passphrase: PASSPHRASE,
    });
    expect(!dup.ok && dup.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/déjà dans Clocher sur ce PC : rien n'a été importé/),
    });

    // an altered export (last byte of the last document) is refused whole
    const altered = `${made.value.file}.altere`;
    fs.writeFileSync(altered, Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes[bytes.length - 1]! ^ 1])]));
    const bad = await to.client.call('backup.import', {
      uploadId: await upload(to.client, altered),
      passphrase: PASSPHRASE,
    });
    expect(!bad.ok && bad.error.message).toMatch(/endommagé.*Rien n'a été importé/);
    expect(fs.existsSync(to.core.communes.dirOf(from.communeId))).toBe(false);

    const wrong = await to.client.call('backup.import', {
      uploadId: await upload(to.client, made.value.file),
      passphrase: 'une autre phrase de passe',
    });
    expect(!wrong.ok && wrong.error).toMatchObject({
      code: 'DB_WRONG_KEY',
      message: expect.stringMatching(/phrase de passe ne correspond pas.*Rien n'a été importé/),
    });
    expect(fs.existsSync(to.core.communes.dirOf(from.communeId))).toBe(false);
    expect(fs.readdirSync(to.core.communes.root).filter((f) => f.startsWith('.import-'))).toEqual([]);

    const ok = await to.client.call('backup.import', {
      uploadId: await upload(to.client, made.value.file),
      passphrase: PASSPHRASE,
    });
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value.nom).toBe('Saint-Benoît-sur-Loire');
    expect((await to.client.call('commune.switch', { communeId: ok.value.communeId })).ok).toBe(true);
    const dossier = await to.client.call('commune.get');
    expect(dossier.ok && dossier.value.elus.map((e) => e.nom)).toContain(NOM);
    expect(to.core.communes.documentsOf(ok.value.communeId).read(doc.sha256).equals(scan)).toBe(true); // the scans travel too
    // …encrypted at rest on the new PC, under its own key: the old PC's key does not open them
    const there = to.core.communes.documentsOf(ok.value.communeId);
    const docFile = path.join(there.root, doc.sha256.slice(0, 2), doc.sha256);
    expect(isEncryptedFile(docFile)).toBe(true);
    expect(fs.readFileSync(docFile).includes(Buffer.from(NOM))).toBe(false);
    expect(() => new DocumentStore(there.root, deriveDocumentsKey(from.core.communes.key)).read(doc.sha256)).toThrow(
      expect.objectContaining({ code: 'DB_WRONG_KEY' }),
    );
    const file = to.core.communes.fileOf(ok.value.communeId);
    expect(isPlainFile(file)).toBe(false);
    expect(fs.readFileSync(file).includes(Buffer.from(NOM))).toBe(false);
    from.close();
    to.close();
  });
});

describe('a backup is bound to the key of its PC', () => {
  it('a backup of another PC copied in is refused in French, and nothing is replaced', async () => {
    const { from, to } = await twoPcs();
    const made = await from.client.call('backup.create');
    if (!made.ok) throw new Error(made.error.message);
    const name = '2026-11-22T10-00-00-000Z_manuelle.sqlite';
    fs.copyFileSync(
      path.join(from.core.communes.backupDirOf(from.communeId), made.value.file),
      path.join(to.core.communes.backupDirOf(to.communeId), name),
    );
    const file = to.core.communes.fileOf(to.communeId);
    const before = fs.readFileSync(file);
    const r = await to.client.call('backup.restore', { file: name });
    expect(!r.ok && r.error).toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringMatching(
        /chiffré par un autre ordinateur.*Exporter pour un autre PC.*Rien n'a été remplacé/,
      ),
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // the same backup restores on its own PC
    const home = await from.client.call('backup.restore', { file: made.value.file });
    expect(home.ok).toBe(true);
    from.close();
    to.close();
  });
});
