/**
 * The bottom layer of the core (architecture §2): errors as values, validation helpers, the Paris day and the
 * printed form of a date (jj/mm/aaaa).
 * It imports nothing of main/; every folder may import it.
 */
export { AppError, isAppError, toErrorValue, type ErrorCode, type ErrorValue } from './errors';
export { isoDate, parseOrThrow, trimmed } from './validate';
export { dateCourte, heure, parisDateFr, parisDateHeure, parisDay } from './time';
