/**
 * Test fixtures of the mail tests (not imported by production code): a commune harness configured for the test
 * servers of test-support/mail-servers.ts, a sink that registers into a real table of the same database (so it
 * commits or rolls back with the intake's transaction), and messages built by nodemailer's composer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader';
import MailComposer from 'nodemailer/lib/mail-composer';
import { openHarness, type Harness } from './sync-harness';
import type { MailServers } from './mail-servers';
import type { ArriveeSink, MailArrivee } from '../main/courrier/mail/arrivee';
import type { IntakeCtx } from '../main/courrier/mail/intake';
import { mailSecretBox, type SecretBox } from '../main/courrier/mail/secret-box';
import { mailConfig, saveMessagerie, type MailConfig, type Messagerie } from '../main/courrier/mail/settings';

export interface MailHarness extends Harness {
  box: SecretBox;
  inputs: MailArrivee[];
  intake: IntakeCtx;
  config(): MailConfig;
  arrivees(): number;
}

export function mailHarness(
  dir: string,
  servers: MailServers,
  over: Partial<Messagerie> = {},
  now: () => Date = () => new Date('2026-11-23T09:00:00Z'),
): MailHarness {
  const h = openHarness(dir);
  fs.mkdirSync(path.join(dir, 'cles'), { recursive: true });
  const box = mailSecretBox(null, path.join(dir, 'cles'));
  h.db.exec('CREATE TABLE test_arrivee (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL, objet TEXT NOT NULL)');
  const inputs: MailArrivee[] = [];
  const sink: ArriveeSink = (m) => {
    inputs.push(m);
    return {
      id: Number(
        h.db.prepare('INSERT INTO test_arrivee (message_id, objet) VALUES (?, ?)').run(m.messageId, m.objet)
          .lastInsertRowid,
      ),
      created: true,
    };
  };
  const m: Messagerie = {
    adresse: 'mairie@saint-benoit.fr',
    nomExpediteur: 'Mairie de Saint-Benoît-sur-Loire',
    identifiant: 'mairie',
    imap: { hote: servers.imap.host, port: servers.imap.port, securite: 'aucune' },
    smtp: { hote: servers.smtp.host, port: servers.smtp.port, securite: 'aucune' },
    dossier: 'INBOX',
    marquage: { mode: 'mot_cle' },
    ...over,
  };
  h.db.transaction(() => saveMessagerie(h.db, box, m, servers.users.mairie))();
  const config = () => {
    const c = mailConfig(h.db, box);
    if (typeof c === 'string') throw new Error(c);
    return c;
  };
  const arrivees = () => (h.db.prepare('SELECT count(*) AS n FROM test_arrivee').get() as { n: number }).n;
  return { ...h, box, inputs, intake: { db: h.db, docs: h.docs, sink, now }, config, arrivees };
}

/** A minimal but well-formed one-page PDF. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export interface TestMessage {
  messageId?: string | null;
  from?: string;
  subject?: string;
  text?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  date?: Date;
}

/** An RFC 5322 message as a citizen's mail software would send it. `messageId: null` leaves the header out. */
export async function buildMessage(t: TestMessage): Promise<Buffer> {
  const raw = await new MailComposer({
    from: t.from ?? 'Jean Dupont <jean.dupont@example.fr>',
    to: 'mairie@saint-benoit.fr',
    subject: t.subject ?? 'Demande de branchement au réseau d’eau',
    text: t.text ?? 'Madame, Monsieur,\nje sollicite le branchement de ma parcelle.\nJean Dupont',
    date: t.date ?? new Date('2026-11-20T10:15:00Z'),
    ...(t.messageId ? { messageId: t.messageId } : {}),
    attachments: t.attachments ?? [],
  })
    .compile()
    .build();
  if (t.messageId === null) return Buffer.from(raw.toString('latin1').replace(/^Message-ID:.*\r\n/im, ''), 'latin1');
  return raw;
}

/**
 * An Outlook .msg (OLE compound file, MS-OXMSG) built with msgreader's own CFB writer: subject, body, sender,
 * Internet Message-ID (PidTagInternetMessageId 0x1035) and one attachment (long name, MIME tag, data).
 */
export function buildMsg(m: {
  subject: string;
  body: string;
  senderName: string;
  senderEmail: string;
  messageId: string | null;
  attachment?: { nom: string; type: string; content: Buffer };
}): Buffer {
  const u16 = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le')); // a copy: the writer reads the whole ArrayBuffer
  const doc = (name: string, bytes: Uint8Array): Entry => ({
    name,
    type: TypeEnum.DOCUMENT,
    binaryProvider: () => bytes,
    length: bytes.length,
  });
  const entries: Entry[] = [{ name: 'Root Entry', type: TypeEnum.ROOT, children: [], length: 0 }];
  const add = (parent: number, e: Entry) => {
    entries[parent]!.children!.push(entries.length);
    entries.push(e);
    return entries.length - 1;
  };
  add(0, doc('__substg1.0_0037001F', u16(m.subject)));
  add(0, doc('__substg1.0_1000001F', u16(m.body)));
  add(0, doc('__substg1.0_0C1A001F', u16(m.senderName)));
  add(0, doc('__substg1.0_0C1F001F', u16(m.senderEmail)));
  if (m.messageId) add(0, doc('__substg1.0_1035001F', u16(m.messageId)));
  if (m.attachment) {
    const dir = add(0, { name: '__attach_version1.0_#00000000', type: TypeEnum.DIRECTORY, children: [], length: 0 });
    add(dir, doc('__substg1.0_3707001F', u16(m.attachment.nom)));
    add(dir, doc('__substg1.0_370E001F', u16(m.attachment.type)));
    add(dir, doc('__substg1.0_37010102', Uint8Array.from(m.attachment.content)));
  }
  return Buffer.from(burn(entries));
}
