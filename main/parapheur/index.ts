/** What other folders may use of main/parapheur/ (architecture §2: only through this file). */
export { endSession } from './session';
export { refreshSigningTodos } from './todos';
export { delegationLapse, type DelegationRow } from './delegations';
export { insertDocument } from './queue';
