/**
 * Délibération numbers, used as the ACTES « numéro interne » (unique per collectivité; at most 15 characters
 * A–Z, 0–9 and _, first and last not _ — the pattern of the ACTES schema). Scheme: `AAAA_NNN` per year,
 * e.g. 2026_007; a fourth digit comes only past 999 délibérations in a year.
 */
export const NUMERO_INTERNE_PATTERN = /^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/;

export const formatNumero = (year: number, seq: number): string => `${year}_${String(seq).padStart(3, '0')}`;

export function nextNumero(year: number, existing: readonly string[]): string {
  const prefix = `${year}_`;
  const max = existing
    .filter((n) => n.startsWith(prefix))
    .reduce((m, n) => Math.max(m, Number(n.slice(prefix.length)) || 0), 0);
  return formatNumero(year, max + 1);
}

export function checkNumero(numero: string, existing: readonly string[]): string | null {
  if (!NUMERO_INTERNE_PATTERN.test(numero))
    return `Numéro « ${numero} » invalide : 1 à 15 caractères parmi A–Z, 0–9 et _, sans _ au début ni à la fin (numéro interne ACTES).`;
  if (existing.includes(numero))
    return `Le numéro ${numero} est déjà attribué à une autre délibération : chaque numéro est unique.`;
  return null;
}
