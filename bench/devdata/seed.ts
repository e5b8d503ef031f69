/**
 * Create an installation with one large commune through the real core (first-run handler, accounts,
 * CommuneStore), then fill its registers with the generator. Used by `scripts/seed-large.ts` and the bench.
 */
import fs from 'node:fs';
import { Core } from '../../main/host/core';
import { inProcessClient } from '../../main/host/inprocess';
import { generateLargeCommune, type LargeCommuneCounts } from './generator';

/** A fictional commune of the Loiret (valid INSEE shape and SIREN key, but no real commune's data). */
export const LARGE_IDENTITY = {
  nom: 'Sainte-Cécile-sur-Loire',
  code_insee: '45350',
  siren: '214503500',
  departement: '45',
  arrondissement: '3',
  adresse: '2 place de l’Église',
  code_postal: '45730',
  telephone: '02 38 35 00 00',
  email: 'mairie@sainte-cecile-sur-loire.fr',
  population: 1320,
};

export const LARGE_HORAIRES = [
  { weekday: 1, period: 'apres-midi' as const },
  { weekday: 2, period: 'matin' as const },
  { weekday: 4, period: 'matin' as const },
  { weekday: 4, period: 'apres-midi' as const },
  { weekday: 5, period: 'matin' as const },
];

const CONSEILLERS: [string, string, string][] = [
  ['Mme', 'Le Gall', 'Gaëlle'],
  ['M.', 'Ménard', 'Loïc'],
  ['Mme', 'Béranger', 'Cécile'],
  ['M.', 'Noël', 'Jérôme'],
  ['Mme', 'Dupont-Morel', 'Éloïse'],
  ['M.', 'Lévêque', 'Benoît'],
  ['Mme', 'Da Silva', 'Zoé'],
  ['M.', "N'Diaye", 'Mathéo'],
  ['Mme', 'Hébert', 'Agnès'],
  ['M.', 'Prévost', 'François'],
  ['Mme', 'Rivière', 'Noémie'],
];

export const LARGE_ELUS = [
  {
    civilite: 'M.',
    nom: 'Guérin',
    prenom: 'Gérard',
    fonction: 'maire',
    mandat_debut: '2014-03-28',
    mandat_fin: '2020-05-24',
    date_naissance: '1950-02-11',
  },
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
  {
    civilite: 'Mme',
    nom: 'Ménard',
    prenom: 'Hélène',
    fonction: 'adjoint',
    rang_adjoint: 2,
    mandat_debut: '2026-03-28',
  },
  {
    civilite: 'M.',
    nom: 'Lefèvre-Pontet',
    prenom: 'Benoît',
    fonction: 'adjoint',
    rang_adjoint: 3,
    mandat_debut: '2026-03-28',
  },
  ...CONSEILLERS.map(([civilite, nom, prenom]) => ({
    civilite,
    nom,
    prenom,
    fonction: 'conseiller',
    mandat_debut: '2026-03-28',
  })),
];

export const LARGE_ACCOUNT = {
  login: 'secretaire',
  display_name: 'Martine Roux',
  password: 'une belle journée à la mairie',
  password_confirm: 'une belle journée à la mairie',
};
export const MAIRE_ACCOUNT = {
  login: 'h.lefevre',
  display_name: 'Hélène Lefèvre',
  password: 'le conseil se réunit jeudi',
  password_confirm: 'le conseil se réunit jeudi',
};

export interface SeedResult {
  communeId: string;
  counts: LargeCommuneCounts;
  ms: { setup: number; generate: number; close: number; total: number };
  fileBytes: number;
}

/**
 * Seed `dataDir` (which must hold no installation yet). The commune is created 91 days before `now`, so that
 * the generated journal and arrivals fall between its creation and today.
 */
export async function seedLargeInstallation(
  dataDir: string,
  opts: { seed?: number; scale?: number; now?: Date } = {},
): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} n'est pas vide : choisissez un dossier neuf.`);
  const t0 = performance.now();
  let clock = new Date(now.getTime() - 91 * 86_400_000);
  const core = new Core({ dataDir, clock: () => clock, logError: (e) => console.error(e) });
  const client = inProcessClient(core);
  try {
    const r = await client.call('setup.createCommune', {
      identity: LARGE_IDENTITY,
      horaires: LARGE_HORAIRES,
      elus: LARGE_ELUS,
      account: LARGE_ACCOUNT,
    });
    if (!r.ok) throw new Error(`setup.createCommune: ${JSON.stringify(r.error)}`);
    const u = await client.call('users.create', { account: MAIRE_ACCOUNT, role: 'maire' });
    if (!u.ok) throw new Error(`users.create: ${JSON.stringify(u.error)}`);
    clock = now;
    const t1 = performance.now();
    const { db } = core.communes.get(r.value.communeId);
    const counts = generateLargeCommune(db, { seed: opts.seed ?? 42, scale: opts.scale ?? 1, now });
    const t2 = performance.now();
    client.close();
    core.close();
    const t3 = performance.now();
    return {
      communeId: r.value.communeId,
      counts,
      ms: { setup: t1 - t0, generate: t2 - t1, close: t3 - t2, total: t3 - t0 },
      fileBytes: fs.statSync(core.communes.fileOf(r.value.communeId)).size,
    };
  } catch (e) {
    client.close();
    core.close();
    throw e;
  }
}
