/** French formats for dates and sizes. Calendar dates (YYYY-MM-DD) are read as local days, never shifted. */

function parse(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(value);
}

/**
 * Each formatter built once, at its first use: building an Intl.DateTimeFormat costs far more than formatting
 * with it, and the dashboard formats up to 300 dates on its first paint (issue 9).
 */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
const dayFormat = once(() => new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' }));
const timeFormat = once(() => new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }));

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return value;
  return dayFormat().format(d); // jj/mm/aaaa
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${dayFormat().format(d)} à ${timeFormat().format(d)}`;
}

export function formatSize(bytes: number): string {
  const nf = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024)} Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${nf(bytes / 1024 / 1024)} Mo`;
  return `${nf(bytes / 1024 / 1024 / 1024)} Go`;
}

export const formatNumber = (n: number): string => new Intl.NumberFormat('fr-FR').format(n);
