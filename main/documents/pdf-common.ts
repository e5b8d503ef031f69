/**
 * The second public file of main/documents/ (architecture §2, eslint « domainBoundary »): what another domain's PDF
 * code shares with the house writer — the process's parsed fonts, the resources folder, the catalog key of the
 * signature blocks — without the rest of the domain. The séance de signature imports this, not index.ts,
 * whose store and uploads load the database layer (better-sqlite3) and the validation library (issue 10: the
 * signing path's memory). Nothing here may import main/db, zod or another domain.
 */
export { cachedFontkit } from './font-cache';
export { resourcesDir } from './resources';

/**
 * The document's own signature blocks, in signing order, recorded in the catalog when the PDF is written:
 * the visible signature stamp lands in the n-th block (main/signing/stamp.ts), not in a corner of the last page.
 */
export const SIGNATURE_BLOCKS_KEY = 'ClocherSignatureBlocks';
