import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../main/host/core';
import { inProcessClient, type Client } from '../main/host/inprocess';
import { TEST_NOW_ISO } from './support';

/** A fresh data folder per test, removed afterwards. */
export function tempDir(prefix = 'clocher-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const validIdentity = {
  nom: 'Saint-Benoît-sur-Loire',
  code_insee: '45270',
  siren: '214502494',
  departement: '45',
  arrondissement: '3',
  adresse: '1 place de la Mairie',
  code_postal: '45730',
  telephone: '02 38 35 70 00',
  email: 'mairie@saint-benoit.fr',
  population: 2048,
};

export const validHoraires = [
  { weekday: 2, period: 'matin' as const },
  { weekday: 4, period: 'apres-midi' as const },
];

export const validElus = [
  {
    civilite: 'Mme',
    nom: 'Lefèvre',
    prenom: 'Hélène',
    fonction: 'maire',
    mandat_debut: '2020-05-25',
    mandat_fin: '2026-03-22',
    date_naissance: '1961-04-02',
  },
  {
    civilite: 'Mme',
    nom: 'Lefèvre',
    prenom: 'Hélène',
    fonction: 'maire',
    mandat_debut: '2026-03-28',
    mandat_fin: null,
    date_naissance: '1961-04-02',
  },
  {
    civilite: 'M.',
    nom: 'Chevalier',
    prenom: 'Noël',
    fonction: 'adjoint',
    rang_adjoint: 1,
    mandat_debut: '2026-03-28',
  },
  { civilite: 'M.', nom: 'Ménard', prenom: 'Loïc', fonction: 'conseiller', mandat_debut: '2026-03-28' },
];

export const validAccount = {
  login: 'secretaire',
  display_name: 'Martine Roux',
  password: 'une belle journée à la mairie',
  password_confirm: 'une belle journée à la mairie',
};

export interface TestCore {
  core: Core;
  client: Client;
  dir: string;
  setNow(iso: string): void;
  close(): void;
}

/** A core on a fresh folder with a controllable clock (default TEST_NOW, 2026-11-23 09:00 UTC). */
export function testCore(dir = tempDir()): TestCore {
  let now = new Date(TEST_NOW_ISO);
  const core = new Core({ dataDir: dir, clock: () => now, logError: () => undefined });
  const client = inProcessClient(core);
  return {
    core,
    client,
    dir,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: () => {
      client.close();
      core.close();
    },
  };
}

/** A core with one commune created through the first-run wizard, logged in as the secrétaire. */
export async function withCommune(dir?: string): Promise<TestCore & { communeId: string }> {
  const t = testCore(dir);
  const r = await t.client.call('setup.createCommune', {
    identity: validIdentity,
    horaires: validHoraires,
    elus: validElus,
    account: validAccount,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { ...t, communeId: r.value.communeId };
}
