/**
 * The Paris day, once for the whole core: the law counts days in local time (a séance at 20:30 on the 23rd is
 * on the 23rd, whatever the UTC date; jours francs, CGCT art. L2121-12), and the mairie reads Paris hours.
 */
const PARIS_DAY = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD of `d` in Europe/Paris. */
export const parisDay = (d: Date): string => PARIS_DAY.format(d);

const PARIS_DATE_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });

/** JJ/MM/AAAA of an instant, in Europe/Paris. */
export const parisDateFr = (d: Date): string => PARIS_DATE_FR.format(d);
