/**
 * Platform settings (Paramètres → Plateforme). The provisioning file already writes `plateforme`
 * {type, url, login}; here we add the TLS client certificate (a PKCS#12 file kept in the commune's folder)
 * and the secrets. Secrets are stored sealed (main/db/secrets.ts): the commune's database and its backups
 * hold only the sealed form, the key lives outside (OS-wrapped in the Electron shell, a 0600 file otherwise).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSetting, writeSetting } from '../commune';
import { isWrapped, keyFileBox, secretBoxOf, SecretUnreadable, type SecretBox, type Db } from '../db';
import { S2lowConnector } from './s2low/connector';
import type { S2lowConfig } from './s2low/http';

export interface Plateforme {
  type: 's2low';
  url: string;
  login?: string | null;
  /** PEM of an extra CA for the platform's server certificate (tests, private platforms) */
  ca?: string | null;
  certificat?: { fichier: string; sujet?: string | null } | null;
}
interface Secrets {
  p12Password?: string;
  password?: string;
}
const SECRET_FIELDS = ['p12Password', 'password'] as const;
const SECRETS_KEY = 'plateforme_secrets';

/**
 * The box of a base opened by the CommuneStore; a base opened on its own (the sync test harness, the bench)
 * keeps its key file beside it.
 */
const boxFor = (db: Db, communeDir: string): SecretBox => secretBoxOf(db) ?? keyFileBox(communeDir);

function sealed(box: SecretBox, s: Secrets): Secrets {
  const out: Secrets = {};
  for (const f of SECRET_FIELDS) {
    const v = s[f];
    if (typeof v === 'string') out[f] = isWrapped(v) ? v : box.wrap(v);
  }
  return out;
}

/** Secrets written in clear by an earlier Clocher are sealed at opening (once; a no-op afterwards). */
export function sealClearSecrets(db: Db, box: SecretBox): boolean {
  const s = readSetting<Secrets>(db, SECRETS_KEY);
  if (!s || SECRET_FIELDS.every((f) => typeof s[f] !== 'string' || isWrapped(s[f]))) return false;
  writeSetting(db, SECRETS_KEY, sealed(box, s));
  return true;
}

const UNREADABLE =
  "Les mots de passe de la plateforme enregistrés sur cet ordinateur ne peuvent plus être lus (clé de protection absente ou d'un autre ordinateur, par exemple après une restauration). Saisissez-les de nouveau dans Paramètres → Plateforme.";

/** The clear secrets, or a French reason they cannot be read. */
function openSecrets(db: Db, communeDir: string): Secrets | string {
  const s = readSetting<Secrets>(db, SECRETS_KEY) ?? {};
  const box = boxFor(db, communeDir);
  const out: Secrets = {};
  try {
    for (const f of SECRET_FIELDS) {
      const v = s[f];
      if (typeof v === 'string') out[f] = isWrapped(v) ? box.unwrap(v) : v;
    }
  } catch (e) {
    if (e instanceof SecretUnreadable) return UNREADABLE;
    throw e;
  }
  return out;
}

export const certificatePath = (communeDir: string) => path.join(communeDir, 'plateforme', 'certificat.p12');

export const readPlateforme = (db: Db): Plateforme | null => readSetting<Plateforme>(db, 'plateforme') ?? null;

export function savePlateforme(
  db: Db,
  communeDir: string,
  p: {
    url: string;
    login?: string | null;
    password?: string | null;
    p12?: Buffer | null;
    p12Password?: string | null;
    ca?: string | null;
  },
): void {
  const current = readPlateforme(db);
  const secrets = readSetting<Secrets>(db, SECRETS_KEY) ?? {}; // kept sealed as they are
  let certificat = current?.certificat ?? null;
  if (p.p12) {
    const file = certificatePath(communeDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, p.p12, { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
    certificat = { fichier: 'plateforme/certificat.p12' };
  }
  writeSetting(db, 'plateforme', {
    type: 's2low',
    url: p.url,
    login: p.login ?? null,
    ca: p.ca ?? current?.ca ?? null,
    certificat,
  } satisfies Plateforme);
  writeSetting(
    db,
    SECRETS_KEY,
    sealed(boxFor(db, communeDir), {
      p12Password: p.p12Password ?? secrets.p12Password,
      password: p.password === undefined || p.password === null ? secrets.password : p.password,
    }),
  );
}

/** The connector config, or a French reason why the platform is not configured yet. */
export function s2lowConfig(db: Db, communeDir: string, timeoutMs?: number): S2lowConfig | string {
  const p = readPlateforme(db);
  if (!p?.url) return "L'adresse de la plateforme de télétransmission n'est pas renseignée (Paramètres → Plateforme).";
  const file = p.certificat ? path.join(communeDir, p.certificat.fichier) : null;
  if (!file || !fs.existsSync(file))
    return "Le certificat de connexion à la plateforme n'est pas installé (Paramètres → Plateforme).";
  const s = openSecrets(db, communeDir);
  if (typeof s === 'string') return s;
  return {
    url: p.url,
    identity: { kind: 'pkcs12', pfx: fs.readFileSync(file), passphrase: s.p12Password ?? '' },
    login: p.login ?? null,
    password: s.password ?? null,
    ca: p.ca ?? null,
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

export function connectorFor(db: Db, communeDir: string, timeoutMs?: number): S2lowConnector | string {
  const cfg = s2lowConfig(db, communeDir, timeoutMs);
  if (typeof cfg === 'string') return cfg;
  const id = db.prepare('SELECT siren, departement FROM commune WHERE id = 1').get() as
    { siren: string | null; departement: string | null } | undefined;
  return new S2lowConnector(cfg, id?.siren ? { siren: id.siren, departement: id.departement ?? '' } : null);
}
