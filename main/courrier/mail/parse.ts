/**
 * A message file as the register needs it, from an .eml (RFC 5322, `mailparser`) or an Outlook .msg
 * (`@kenjiuno/msgreader`): sender, subject, text, attachments, Message-ID and the dates.
 */
import crypto from 'node:crypto';
import MsgReader from '@kenjiuno/msgreader';
import { simpleParser, type AddressObject } from 'mailparser';

export interface ParsedMail {
  /** Message-ID without angle brackets, lower-cased host part kept as is; null when absent */
  messageId: string | null;
  expediteur: { nom: string | null; email: string | null };
  objet: string;
  corps: string;
  date: Date | null;
  /** when the last server took it in (top Received: header), for a file dropped in by hand */
  recuParServeur: Date | null;
  pieces: { nom: string; type: string; content: Buffer }[];
}

/** `<abc@host>` → `abc@host`; anything unusable → null (the raw message's hash is the key then). */
export function normalizeMessageId(v: string | null | undefined): string | null {
  const m = /<?\s*([^<>\s]+@[^<>\s]+)\s*>?/.exec(v ?? '');
  return m?.[1] ?? null;
}

export const sha256 = (b: Uint8Array): string => crypto.createHash('sha256').update(b).digest('hex');

/** An attachment's name as a file name: no folder, no control or reserved character, 120 characters at most. */
export function cleanName(name: string | null | undefined, i: number, type: string): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}|[\u200e\u200f\u202a-\u202e<>:"|?*]/gu, '') // control and direction characters, Windows' reserved ones
    .trim()
    .slice(-120);
  if (base && !/^\.+$/.test(base)) return base;
  const ext = type === 'application/pdf' ? '.pdf' : type.startsWith('text/') ? '.txt' : '';
  return `piece-jointe-${i + 1}${ext}`;
}

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => {
  const v = (Array.isArray(a) ? a[0] : a)?.value[0];
  return { nom: v?.name || null, email: v?.address || null };
};

/** The date of the topmost Received: header (the mairie's own server), if readable. */
function receivedDate(received: unknown): Date | null {
  const top = Array.isArray(received) ? received[0] : received;
  if (typeof top !== 'string') return null;
  const d = new Date(top.slice(top.lastIndexOf(';') + 1).trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

export async function parseEml(raw: Buffer): Promise<ParsedMail> {
  const p = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  return {
    messageId: normalizeMessageId(p.messageId),
    expediteur: firstAddress(p.from),
    objet: (p.subject ?? '').trim() || '(sans objet)',
    corps: p.text ?? (typeof p.html === 'string' ? p.html.replace(/<[^>]*>/g, ' ') : ''),
    date: p.date ?? null,
    recuParServeur: receivedDate(p.headers.get('received')),
    pieces: p.attachments.map((a, i) => ({
      nom: cleanName(a.filename, i, a.contentType),
      type: a.contentType,
      content: a.content,
    })),
  };
}

export function parseMsg(raw: Buffer): ParsedMail {
  const r = new MsgReader(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
  const f = r.getFileData();
  if (f.error) throw new Error(f.error);
  const headers = f.headers ?? '';
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers)?.[1]?.replace(/\r?\n[ \t]+/g, ' ') ?? null;
  const date = f.clientSubmitTime ? new Date(f.clientSubmitTime) : null;
  const delivered = f.messageDeliveryTime ? new Date(f.messageDeliveryTime) : null;
  return {
    messageId: normalizeMessageId(f.messageId ?? header('Message-ID')),
    expediteur: {
      nom: f.senderName || null,
      email: f.senderEmail?.includes('@') ? f.senderEmail : (f.senderSmtpAddress ?? null),
    },
    objet: (f.subject ?? '').trim() || '(sans objet)',
    corps: f.body ?? '',
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    recuParServeur: delivered && !Number.isNaN(delivered.getTime()) ? delivered : null,
    pieces: (f.attachments ?? []).map((a, i) => {
      const data = r.getAttachment(a);
      const type = a.attachMimeTag || 'application/octet-stream';
      return { nom: cleanName(data.fileName, i, type), type, content: Buffer.from(data.content) };
    }),
  };
}

/** .msg files are OLE compound files (magic D0 CF 11 E0); everything else is read as an RFC 5322 message. */
export const isMsg = (raw: Buffer): boolean => raw.length > 8 && raw.readUInt32BE(0) === 0xd0cf11e0;
