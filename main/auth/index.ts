/** What other folders may use of main/auth/ (architecture §2: only through this file). */
export { checkAccountRules, managesInstallation } from './access';
export { changePassword, findUser, insertUser, setRole, userCount, workspaceLog } from './accounts';
export { hashPassword, temporaryPassword } from './password';
export { can, type Permission, type Role, ROLES } from './roles';
export { communesOf, enterCommune, startSession } from './session';
export { accountSchema } from './validation';
export { permissionsOf, ROLE_LABELS } from './roles';
export { newPasswordSchema } from './validation';
