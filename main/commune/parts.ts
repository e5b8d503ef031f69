import type { z } from 'zod';
import { AppError, parseOrThrow } from '../kernel';

/** Validate several parts at once so that the wizard shows every wrong field, prefixed by its part. */
export function parseParts<T extends Record<string, [z.ZodType, unknown]>>(
  parts: T,
): { [K in keyof T]: z.infer<T[K][0]> } {
  const out: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [name, [schema, value]] of Object.entries(parts)) {
    try {
      out[name] = parseOrThrow(schema, value);
    } catch (e) {
      if (!(e instanceof AppError) || !e.fields) throw e;
      for (const [k, v] of Object.entries(e.fields)) fields[k === '_' ? name : `${name}.${k}`] = v;
    }
  }
  const n = Object.keys(fields).length;
  if (n > 0)
    throw new AppError(
      'INVALID',
      n === 1 ? (Object.values(fields)[0] as string) : `${n} champs sont à corriger (indiqués en rouge).`,
      fields,
    );
  return out as { [K in keyof T]: z.infer<T[K][0]> };
}
