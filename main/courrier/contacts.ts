/** The contacts directory: people and organisations, one row per normalised key, searchable. */
import type { Db } from '../db';

export interface ContactInput {
  nom: string;
  email?: string | null | undefined;
  adresse?: string | null | undefined;
  telephone?: string | null | undefined;
  siret?: string | null | undefined;
  kind?: 'personne' | 'organisation' | undefined;
}

export interface ContactRow {
  id: number;
  kind: 'personne' | 'organisation';
  nom: string;
  email: string | null;
  adresse: string | null;
  telephone: string | null;
  siret: string | null;
}

/** « Mme Hélène  LEFÈVRE » and « mme helene lefevre » are one person: accents, case and spaces do not count. */
export const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, ' ')
    .trim();

/** SIRET first (an organisation is one whatever its spelling), else name and e-mail. */
export function contactKey(c: ContactInput): string {
  const siret = c.siret?.replace(/\s+/g, '');
  if (siret) return `siret:${siret}`;
  return `nom:${normalise(c.nom)}|${(c.email ?? '').trim().toLowerCase()}`;
}

/** The existing contact with the same key (its empty fields completed), or a new one. */
export function upsertContact(db: Db, c: ContactInput, now: Date): number {
  const cle = contactKey(c);
  const found = db.prepare('SELECT * FROM contact WHERE cle = ?').get(cle) as ContactRow | undefined;
  const clean = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  if (found) {
    const adresse = found.adresse ?? clean(c.adresse);
    const telephone = found.telephone ?? clean(c.telephone);
    const email = found.email ?? clean(c.email);
    if (adresse !== found.adresse || telephone !== found.telephone || email !== found.email)
      db.prepare('UPDATE contact SET adresse = ?, telephone = ?, email = ? WHERE id = ?').run(
        adresse,
        telephone,
        email,
        found.id,
      );
    return found.id;
  }
  const siret = c.siret?.replace(/\s+/g, '') || null;
  const r = db
    .prepare(
      'INSERT INTO contact (kind, nom, email, adresse, telephone, siret, cle, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      c.kind ?? (siret ? 'organisation' : 'personne'),
      c.nom.trim(),
      clean(c.email),
      clean(c.adresse),
      clean(c.telephone),
      siret,
      cle,
      now.toISOString(),
    );
  return Number(r.lastInsertRowid);
}

/**
 * FTS5 prefix query from what the user typed: every word must match the start of a word, accents ignored.
 * A single letter matches half the register and says nothing: it waits for the second one.
 */
export function ftsQuery(text: string): string | null {
  const words = normalise(text)
    .split(/[\s@.]+/)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export function searchContacts(db: Db, text: string, limit = 20): ContactRow[] {
  const q = ftsQuery(text);
  if (!q)
    return db
      .prepare('SELECT id, kind, nom, email, adresse, telephone, siret FROM contact ORDER BY nom LIMIT ?')
      .all(limit) as ContactRow[];
  return db
    .prepare(
      'SELECT c.id, c.kind, c.nom, c.email, c.adresse, c.telephone, c.siret FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid WHERE contact_fts MATCH ? ORDER BY rank LIMIT ?',
    )
    .all(q, limit) as ContactRow[];
}
