/**
 * The few DER structures a PAdES CMS needs, written by hand (X.690 §8 and §10): a séance de signature builds
 * one CMS per act, and forge's ASN.1 objects cost more than the token's signature itself (issue 10). Only
 * definite lengths, only what cms.ts writes; certificates are copied byte for byte.
 */

/** Tag-length-value, the length in DER's shortest form (X.690 §10.1, §8.1.3). */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const n = content.reduce((s, c) => s + c.length, 0);
  const len = n < 0x80 ? Buffer.from([n]) : lengthBytes(n);
  return Buffer.concat([Buffer.from([tag]), len, ...content], 1 + len.length + n);
}

function lengthBytes(n: number): Buffer {
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const TAG = {
  integer: 0x02,
  octets: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context4: 0xa4,
} as const;
export const seq = (...c: Buffer[]) => tlv(TAG.sequence, ...c);
export const octets = (b: Buffer) => tlv(TAG.octets, b);

/** An OBJECT IDENTIFIER from its dotted form (X.690 §8.19): base-128 arcs, the first two packed as 40·a + b. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  for (const arc of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const group = [arc & 0x7f];
    for (let x = Math.floor(arc / 128); x > 0; x = Math.floor(x / 128)) group.unshift(0x80 | (x & 0x7f));
    out.push(...group);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

/** One element read at `at`: its tag, where its content starts and where it ends. */
export interface Element {
  tag: number;
  start: number;
  content: number;
  end: number;
}

export function read(b: Buffer, at: number): Element {
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not expected here');
  let len = b[at + 1]!;
  let content = at + 2;
  if (len & 0x80) {
    const k = len & 0x7f;
    if (k === 0 || k > 4) throw new Error('DER: indefinite or oversized length');
    len = 0;
    for (let i = 0; i < k; i++) len = len * 256 + b[at + 2 + i]!;
    content += k;
  }
  const end = content + len;
  if (end > b.length) throw new Error('DER: element longer than its buffer');
  return { tag, start: at, content, end };
}

/** The children of a constructed element (SEQUENCE, SET, [n]). */
export function children(b: Buffer, e: Element): Element[] {
  const out: Element[] = [];
  for (let at = e.content; at < e.end; at = out[out.length - 1]!.end) out.push(read(b, at));
  return out;
}
