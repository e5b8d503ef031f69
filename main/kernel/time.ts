/**
 * The Paris day, once for the whole core: the law counts days in local time (a séance at 20:30 on the 23rd is
 * on the 23rd, whatever the UTC date; jours francs, CGCT art. L2121-12), and the mairie reads Paris hours.
 * And the one printed form of a day (product rule: « dates jj/mm/aaaa, times 24 h, on screen and on paper »):
 * letters, e-mails, mentions and PDFs print their days with dateCourte, their hours with heure.
 */
const PARIS_DAY = new Intl.DateTimeFormat('fr-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of `d` in Europe/Paris. */
export const parisDay = (d: Date): string => PARIS_DAY.format(d);

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * « 23/11/2026 » from a day YYYY-MM-DD: never a month in words. An instant is not a day (use parisDateFr); a
 * value that is not a day is printed as it was typed rather than turned into a wrong date.
 */
export function dateCourte(day: string): string {
  const m = DAY.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** JJ/MM/AAAA of an instant, in Europe/Paris. */
export const parisDateFr = (d: Date): string => dateCourte(parisDay(d));

const PARIS_HOUR = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « 20:30 »: the Paris hour of an instant, 24 h, two digits each (product rule: « times 24 h »). */
export function heure(d: Date): string {
  // parts, not format(): the separator is ours, whatever the ICU data of the machine says
  const parts = PARIS_HOUR.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

/** « 23/11/2026 à 20:30 »: an instant as the mairie reads it, day and hour in Paris. */
export const parisDateHeure = (d: Date): string => `${parisDateFr(d)} à ${heure(d)}`;
