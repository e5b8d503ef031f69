/**
 * The name a file arrives with is the window's word, not a fact: it is kept for the user (annex titles, the
 * name of a piece sent to the préfecture) but cleaned first, so it can never be a path, hide its real
 * extension behind invisible characters, or be a name Windows refuses to create when the file is saved.
 */
export const MAX_NAME_CHARS = 120;

/** Device names Windows reserves, with or without an extension (« CON.pdf » cannot be created either). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\s*\.|$)/i;
/** C0/C1 controls, and the invisible direction marks that make « facture‮fdp.exe » read as « facture.pdf ». */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function cleanFileName(raw: string, fallback = 'document'): string {
  // the last path component only: « ../../etc/passwd » → « passwd », « C:\Users\x\annexe.pdf » → « annexe.pdf »
  let n = (raw.normalize('NFC').split(/[\\/]/).pop() ?? '').replace(INVISIBLE, '');
  // characters Windows forbids in a name; accents and other letters stay
  n = n.replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ');
  // no leading dot (hidden file, « .. »), no trailing dot or space (Windows drops them)
  n = n.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (RESERVED.test(n)) n = `_${n}`;
  const chars = Array.from(n); // code points: never cut a surrogate pair in two
  if (chars.length > MAX_NAME_CHARS) {
    const dot = n.lastIndexOf('.');
    const ext = dot > 0 && n.length - dot <= 10 ? Array.from(n.slice(dot)) : [];
    n =
      chars
        .slice(0, MAX_NAME_CHARS - ext.length)
        .join('')
        .trimEnd() + ext.join('');
  }
  return n || fallback;
}
