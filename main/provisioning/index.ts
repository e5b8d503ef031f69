/** What other folders may use of main/provisioning/ (architecture §2: only through this file). */
export { findProvisioningFile, type Provisioning, readProvisioning } from './provisioning';
