/** What other folders may use of main/audit/ (architecture §2: only through this file). */
export { type Actor, type JournalEntry, record } from './journal';
