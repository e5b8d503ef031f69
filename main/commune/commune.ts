import type { Db } from '../db';
import { type CommuneIdentity, type EluInput, type OpeningSlot, WEEKDAYS } from './validation';

export interface EluRow extends EluInput {
  id: number;
}

export interface CommuneDossier {
  identity: CommuneIdentity;
  horaires: OpeningSlot[];
  elus: EluRow[];
  /** legal thresholds the population drives (CGCT L2121-11, L2121-12, L2121-8…) */
  strate: { moins1000: boolean; moins3500: boolean };
}

const IDENTITY_COLUMNS = [
  'nom',
  'code_insee',
  'siren',
  'departement',
  'arrondissement',
  'adresse',
  'code_postal',
  'telephone',
  'email',
  'population',
] as const;

export function readIdentity(db: Db): CommuneIdentity {
  return db.prepare(`SELECT ${IDENTITY_COLUMNS.join(', ')} FROM commune WHERE id = 1`).get() as CommuneIdentity;
}

export function writeIdentity(db: Db, c: CommuneIdentity, at: Date): void {
  const now = at.toISOString();
  db.prepare(
    `INSERT INTO commune (id, ${IDENTITY_COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (1, ${IDENTITY_COLUMNS.map((k) => `@${k}`).join(', ')}, @now, @now)
     ON CONFLICT (id) DO UPDATE SET ${IDENTITY_COLUMNS.map((k) => `${k} = excluded.${k}`).join(', ')}, updated_at = excluded.updated_at`,
  ).run({ ...c, now });
}

export function readHoraires(db: Db): OpeningSlot[] {
  return db.prepare('SELECT weekday, period FROM opening_slot ORDER BY weekday, period DESC').all() as OpeningSlot[];
}

export function writeHoraires(db: Db, slots: readonly OpeningSlot[]): void {
  db.prepare('DELETE FROM opening_slot').run();
  const ins = db.prepare('INSERT INTO opening_slot (weekday, period) VALUES (?, ?)');
  for (const s of slots) ins.run(s.weekday, s.period);
}

export const describeHoraires = (slots: readonly OpeningSlot[]): string =>
  slots.map((s) => `${WEEKDAYS[s.weekday - 1]} ${s.period === 'matin' ? 'matin' : 'après-midi'}`).join(', ');

export function readElus(db: Db): EluRow[] {
  return db
    .prepare(
      `SELECT id, civilite, nom, prenom, date_naissance, fonction, rang_adjoint, mandat_debut, mandat_fin, email FROM elu
       ORDER BY CASE fonction WHEN 'maire' THEN 0 WHEN 'adjoint' THEN 1 ELSE 2 END, rang_adjoint, nom, prenom`,
    )
    .all() as EluRow[];
}

export function saveElu(db: Db, id: number | null, e: EluInput, at: Date): number {
  const row = {
    civilite: e.civilite,
    nom: e.nom,
    prenom: e.prenom,
    date_naissance: e.date_naissance ?? null,
    fonction: e.fonction,
    rang_adjoint: e.rang_adjoint ?? null,
    mandat_debut: e.mandat_debut,
    mandat_fin: e.mandat_fin ?? null,
    email: e.email ?? null,
  };
  if (id === null) {
    return Number(
      db
        .prepare(
          `INSERT INTO elu (civilite, nom, prenom, date_naissance, fonction, rang_adjoint, mandat_debut, mandat_fin, email, created_at)
           VALUES (@civilite, @nom, @prenom, @date_naissance, @fonction, @rang_adjoint, @mandat_debut, @mandat_fin, @email, @created_at)`,
        )
        .run({ ...row, created_at: at.toISOString() }).lastInsertRowid,
    );
  }
  db.prepare(
    `UPDATE elu SET civilite=@civilite, nom=@nom, prenom=@prenom, date_naissance=@date_naissance, fonction=@fonction,
     rang_adjoint=@rang_adjoint, mandat_debut=@mandat_debut, mandat_fin=@mandat_fin, email=@email WHERE id=@id`,
  ).run({ ...row, id });
  return id;
}

export function readDossier(db: Db): CommuneDossier {
  const identity = readIdentity(db);
  return {
    identity,
    horaires: readHoraires(db),
    elus: readElus(db),
    strate: { moins1000: identity.population < 1000, moins3500: identity.population < 3500 },
  };
}

export const fullName = (e: Pick<EluInput, 'civilite' | 'prenom' | 'nom'>): string =>
  `${e.civilite} ${e.prenom} ${e.nom}`;

export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** Folder-safe, readable id for a commune: INSEE code and name, e.g. `45123-saint-benoit-sur-loire`. */
export function communeIdFor(codeInsee: string, nom: string): string {
  const slug = nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${codeInsee}-${slug || 'commune'}`;
}
