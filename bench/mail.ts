/**
 * Benchmark of the mailbox (a benchmark, not a test): time to register an e-mail carrying a 20 Mio PDF, read
 * from a real dovecot over IMAP (fetch, parse, store the message and its attachment, register, mark), and the
 * same message dropped in by hand (parse, store, register). Each run uses a new message.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mailServersMissing, startMailServers } from '../test-support/mail-servers';
import { readMailbox } from '../main/courrier/mail/imap';
import { takeIn } from '../main/courrier/mail/intake';
import { buildMessage, mailHarness } from '../test-support/mail-fixtures';

export interface MailBenchResult {
  attachmentMiB: number;
  messageMiB: number;
  imapMs: number[];
  depotMs: number[];
  note?: string;
}

export async function benchMail(o: { attachmentMiB?: number; runs?: number } = {}): Promise<MailBenchResult> {
  const attachmentMiB = o.attachmentMiB ?? 20;
  const runs = o.runs ?? 3;
  const res: MailBenchResult = { attachmentMiB, messageMiB: 0, imapMs: [], depotMs: [] };
  const missing = mailServersMissing();
  if (missing) return { ...res, note: missing };
  const s = await startMailServers({ mairie: 'bench-imap' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-bench-mail-'));
  const h = mailHarness(dir, s);
  try {
    for (let i = 0; i < runs; i++) {
      // random bytes do not compress: the size on the wire is the size announced (base64: +37 %)
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n%'),
        crypto.randomBytes(attachmentMiB * 1024 * 1024),
        Buffer.from('\n%%EOF\n'),
      ]);
      const attachments = [{ filename: `scan-${i}.pdf`, content: pdf, contentType: 'application/pdf' }];
      const viaImap = await buildMessage({ messageId: `<bench-imap-${i}-${Date.now()}@example.fr>`, attachments });
      res.messageMiB = Math.round((viaImap.length / 1024 / 1024) * 10) / 10;
      s.deliver('mairie', viaImap);
      let t = performance.now();
      const r = await readMailbox(h.config(), h.intake, { timeoutMs: 120_000 });
      res.imapMs.push(performance.now() - t);
      if (r.enregistres !== 1)
        throw new Error(`bench messagerie : ${r.enregistres} message(s) enregistré(s) au lieu de 1`);
      const dropped = await buildMessage({ messageId: `<bench-depot-${i}-${Date.now()}@example.fr>`, attachments });
      t = performance.now();
      await takeIn(h.intake, dropped, { source: 'depot' });
      res.depotMs.push(performance.now() - t);
    }
  } finally {
    h.db.close();
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return res;
}
