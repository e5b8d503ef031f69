/** What other folders may use of main/signing/ (architecture §2: only through this file). */
export {
  type CertificateInfo,
  checkCertificate,
  describeCertificate,
  expiryWarning,
  holderMatches,
} from './certificate';
export type { Signer } from './cms';
export { checkModulePath } from './module-path';
export {
  installedModules,
  KNOWN_MODULES,
  moduleToLoad,
  readSigningSettings,
  releaseToken,
  testToken,
  thisOs,
  tokenFor,
  writeSigningSettings,
} from './modules';
export { readSignatures, signPdf } from './pades';
export type { TokenSession } from './token';
export { isTokenError } from './token-errors';
export { startUsbWatch } from './usb-watch';
export { readPes, signPes } from './xades';
