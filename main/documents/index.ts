/** What other folders may use of main/documents/ (architecture §2: only through this file). */
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
export { DocumentStore } from './store';
export { splitTiff } from './tiff';
export { Uploads } from './uploads';
export { pdfValue } from './pdf-value';
export { cachedFontkit } from './font-cache';
