/**
 * One PDF object parsed from bytes into pdf-lib's object classes (ISO 32000-1 §7.3), for the incremental
 * reader (issue 10). pdf-lib's own PDFObjectParser builds every name and number one character at a time and
 * runs a regular expression on every name: most of an act's reading time and garbage in a séance. Names and
 * numbers are sliced here at once; strings keep their raw bytes (as pdf-lib does), streams their bytes in place.
 * Anything unexpected throws Unreadable (the signer then takes pdf-lib's full parse).
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';

/** The file is not one the fast path reads with certainty: sign it through the full parse instead. */
export class Unreadable extends Error {}

// §7.2.2: white-space and delimiter characters end a name, a number or a keyword
const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const MAX_NESTING = 64;

export class Tokens {
  i: number;
  constructor(
    private readonly b: Uint8Array,
    at: number,
    private readonly ctx: PDFContext,
    /** an indirect stream /Length, resolved by the reader */
    private readonly lengthOf?: (ref: PDFRef) => number,
  ) {
    this.i = at;
  }

  skipWs(): void {
    const b = this.b;
    for (;;) {
      while (this.i < b.length && WS[b[this.i]!]) this.i++;
      if (b[this.i] !== 0x25) return; // % comment to end of line
      while (this.i < b.length && b[this.i] !== 0x0a && b[this.i] !== 0x0d) this.i++;
    }
  }

  /** A regular word (number, keyword, name body): the bytes up to white-space or a delimiter. */
  private word(): string {
    const start = this.i;
    while (this.i < this.b.length && !WS[this.b[this.i]!] && !DELIM[this.b[this.i]!]) this.i++;
    return Buffer.from(this.b.buffer, this.b.byteOffset + start, this.i - start).toString('latin1');
  }

  object(depth = 0): PDFObject {
    if (depth > MAX_NESTING) throw new Unreadable('nesting too deep');
    this.skipWs();
    const c = this.b[this.i];
    if (c === undefined) throw new Unreadable('end of data');
    if (c === 0x2f) return this.name(); // /
    if (c === 0x3c) return this.b[this.i + 1] === 0x3c ? this.dictOrStream(depth) : this.hex(); // <
    if (c === 0x5b) return this.array(depth); // [
    if (c === 0x28) return this.literal(); // (
    if (isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e) return this.numberOrRef();
    const w = this.word();
    if (w === 'true') return PDFBool.True;
    if (w === 'false') return PDFBool.False;
    if (w === 'null') return PDFNull;
    throw new Unreadable(`unexpected ${JSON.stringify(w.slice(0, 20))}`);
  }

  private name(): PDFName {
    this.i++;
    const raw = this.word();
    // §7.3.5: #xx escapes, decoded as pdf-lib does before PDFName.of re-encodes them
    return PDFName.of(
      raw.includes('#')
        ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        : raw,
    );
  }

  private number(): number {
    const w = this.word();
    const n = Number(w);
    if (w === '' || !Number.isFinite(n) || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new Unreadable(`bad number ${w}`);
    return n;
  }

  private numberOrRef(): PDFNumber | PDFRef {
    const n = this.number();
    const save = this.i;
    if (Number.isInteger(n) && n >= 0) {
      this.skipWs();
      if (isDigit(this.b[this.i] ?? 0)) {
        const g = this.word();
        this.skipWs();
        if (
          /^\d+$/.test(g) &&
          this.b[this.i] === 0x52 &&
          (this.i + 1 >= this.b.length || WS[this.b[this.i + 1]!] || DELIM[this.b[this.i + 1]!])
        ) {
          this.i++;
          return PDFRef.of(n, Number(g));
        }
      }
    }
    this.i = save;
    return PDFNumber.of(n);
  }

  private hex(): PDFHexString {
    const end = this.b.indexOf(0x3e, this.i);
    if (end < 0) throw new Unreadable('unterminated hex string');
    const s = Buffer.from(this.b.buffer, this.b.byteOffset + this.i + 1, end - this.i - 1).toString('latin1');
    this.i = end + 1;
    return PDFHexString.of(s);
  }

  /** A literal string's raw bytes between its balanced parentheses, escapes kept (§7.3.4.2). */
  private literal(): PDFString {
    const start = ++this.i;
    let depth = 1;
    while (this.i < this.b.length) {
      const c = this.b[this.i++];
      if (c === 0x5c) this.i++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0)
        return PDFString.of(
          Buffer.from(this.b.buffer, this.b.byteOffset + start, this.i - 1 - start).toString('latin1'),
        );
    }
    throw new Unreadable('unterminated string');
  }

  private array(depth: number): PDFArray {
    this.i++;
    const a = PDFArray.withContext(this.ctx);
    for (;;) {
      this.skipWs();
      if (this.b[this.i] === 0x5d) {
        this.i++;
        return a;
      }
      a.push(this.object(depth + 1));
    }
  }

  private dictOrStream(depth: number): PDFDict | PDFRawStream {
    this.i += 2;
    const map = new Map<PDFName, PDFObject>();
    for (;;) {
      this.skipWs();
      if (this.b[this.i] === 0x3e && this.b[this.i + 1] === 0x3e) break;
      if (this.b[this.i] !== 0x2f) throw new Unreadable('dictionary key expected');
      const k = this.name();
      const v = this.object(depth + 1);
      map.set(k, v);
    }
    this.i += 2;
    const dict = PDFDict.fromMapWithContext(map, this.ctx);
    const after = this.i;
    this.skipWs();
    if (this.b[this.i] !== 0x73 || this.word() !== 'stream') {
      this.i = after;
      return dict;
    }
    // §7.3.8.1: the keyword stream is followed by CRLF or LF, then exactly /Length bytes
    if (this.b[this.i] === 0x0d) this.i++;
    if (this.b[this.i] !== 0x0a) throw new Unreadable('stream keyword without end of line');
    const start = this.i + 1;
    const raw = dict.get(PDFName.of('Length'));
    const len =
      raw instanceof PDFNumber ? raw.asNumber() : raw instanceof PDFRef && this.lengthOf ? this.lengthOf(raw) : -1;
    if (!Number.isInteger(len) || len < 0 || start + len > this.b.length) throw new Unreadable('bad stream /Length');
    this.i = start + len;
    this.skipWs();
    if (this.word() !== 'endstream') throw new Unreadable('stream /Length wrong');
    return PDFRawStream.of(dict, this.b.subarray(start, start + len));
  }
}
