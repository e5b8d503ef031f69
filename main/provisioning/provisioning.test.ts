import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../host/core';
import { inProcessClient } from '../host/inprocess';
import { tempDir, validAccount, validElus } from '../../test-support/helpers';
import { findProvisioningFile, provisioningJsonSchema, readProvisioning } from './provisioning';
import { readSetting } from '../commune';

const example = path.join(__dirname, '../../resources/provisioning.example.json');

function writeJson(value: unknown): string {
  const file = path.join(tempDir(), 'clocher-provisioning.json');
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('provisioning file', () => {
  it('the documented example is valid', () => {
    expect(readProvisioning(example).commune.siren).toBe('214502494');
  });

  it('the published JSON Schema is generated from the code (no drift)', () => {
    const published = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../resources/provisioning.schema.json'), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(provisioningJsonSchema())));
  });

  it('refuses a bad file with the exact field and the reason', () => {
    const base = JSON.parse(fs.readFileSync(example, 'utf8'));
    const bad = { ...base, commune: { ...base.commune, siren: '214502495' } };
    expect(() => readProvisioning(writeJson(bad))).toThrow(/champ « commune\.siren » : SIREN : ce numéro est invalide/);
    expect(() =>
      readProvisioning(writeJson({ ...base, plateforme: { type: 's2low', url: 'http://s2low.fr' } })),
    ).toThrow(/« plateforme\.url » .*https/);
    expect(() => readProvisioning(writeJson({ ...base, version: 2 }))).toThrow(/« version »/);
    expect(() => readProvisioning(writeJson({ ...base, inconnu: 1 }))).toThrow(/inconnu/);
    expect(() => readProvisioning(writeJson('{ "version": 1, '))).toThrow(/pas du JSON valide/);
    expect(() => readProvisioning('/nonexistent/clocher-provisioning.json')).toThrow(/introuvable/);
  });

  it('is found on the command line, in the environment, or beside the program', () => {
    const file = writeJson({});
    expect(findProvisioningFile(['--provision=/x/p.json'], {}, '/nowhere')).toBe(path.resolve('/x/p.json'));
    expect(findProvisioningFile([], { CLOCHER_PROVISIONING: '/y/p.json' }, '/nowhere')).toBe(path.resolve('/y/p.json'));
    expect(findProvisioningFile([], {}, path.dirname(file))).toBe(file);
    expect(findProvisioningFile([], {}, '/nowhere')).toBeNull();
  });

  it('pre-fills the wizard and stores the platform settings with the commune', async () => {
    const dir = tempDir();
    const core = new Core({ dataDir: dir, provisioningPath: example, clock: () => new Date('2026-11-23T09:00:00Z') });
    const c = inProcessClient(core);
    const p = await c.call('setup.provisioning');
    expect(p.ok && p.value.present && 'data' in p.value && p.value.data?.commune.nom).toBe('Saint-Benoît-sur-Loire');
    const data = p.ok && 'data' in p.value ? p.value.data! : null;
    const r = await c.call('setup.createCommune', {
      identity: data!.commune,
      horaires: data!.horaires ?? [],
      elus: validElus,
      account: validAccount,
    });
    expect(r.ok).toBe(true);
    const { db } = core.communes.get((r as { value: { communeId: string } }).value.communeId);
    expect(readSetting(db, 'plateforme')).toEqual({
      type: 's2low',
      url: 'https://s2low.exemple.fr',
      login: 'mairie-saint-benoit',
    });
    c.close();
    core.close();
  });

  it('an invalid file is reported to the wizard, which still works by hand', async () => {
    const file = writeJson({ version: 1, commune: { nom: 'X' } });
    const core = new Core({ dataDir: tempDir(), provisioningPath: file });
    const c = inProcessClient(core);
    const p = await c.call('setup.provisioning');
    expect(p.ok && p.value.present && 'error' in p.value && p.value.error?.message).toMatch(
      /champ « commune\.code_insee »/,
    );
    c.close();
    core.close();
  });
});
