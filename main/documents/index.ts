/** What other folders may use of main/documents/ (architecture §2: only through this file). */
import type { DocumentStore as DocumentStorePort } from '../context';
import { DocumentStore as DocumentStoreClass } from './store';

export { collectDocuments } from './collect';
export {
  accord,
  capitalize,
  type Civilite,
  compareFr,
  count,
  dateCourte,
  fonctionTitre,
  heureFr,
  plural,
  presidentDeSeance,
  secretaireDeSeance,
  secretairesLabel,
} from './french';
export { PdfWriter, readablePdf, SIGNATURE_BLOCKS_KEY } from './pdf';
export { resourcesDir } from './resources';
/**
 * The store: the class builds one (`new DocumentStore(…)`), while other folders type it by its interface
 * (main/context/files.ts), the one the domains' context carries (`ctx.data().docs`) — the class implements it.
 */
export const DocumentStore = DocumentStoreClass;
export type DocumentStore = DocumentStorePort;
export { splitTiff } from './tiff';
export { Uploads } from './uploads';
export { pdfValue } from './pdf-value';
export { cachedFontkit } from './font-cache';
