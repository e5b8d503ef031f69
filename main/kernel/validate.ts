import { z } from 'zod';
import { AppError } from './errors';

// Zod's own messages in French for the rare field without a message of ours.
z.config(z.locales.fr());

/** Parse or throw INVALID with one French message per field path ("elus.2.nom"). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const count = Object.keys(fields).length;
  throw new AppError(
    'INVALID',
    count === 1 && first ? first[1] : `${count} champs sont à corriger (indiqués en rouge).`,
    fields,
  );
}

/** A calendar date written YYYY-MM-DD that exists (no 31 février). */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label} : date obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} : date attendue au format JJ/MM/AAAA.` })
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
      },
      { error: `${label} : cette date n'existe pas.` },
    );

export const trimmed = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .min(min, { error: min <= 1 ? `${label} : champ obligatoire.` : `${label} : au moins ${min} caractères.` })
    .max(max, { error: `${label} : ${max} caractères au plus.` });
