/**
 * Real mail servers on 127.0.0.1 for the e-mail tests (issue 13: « no mocked mailbox »):
 * - Debian's dovecot-imapd, started with a throwaway configuration in a temporary folder (own port, plaintext
 *   login on loopback only, passwd-file users, maildirs in the folder);
 * - an SMTP server (npm `smtp-server`) that delivers every accepted message into a maildir of that same dovecot,
 *   so a test reads back over IMAP what Clocher sent. Faults: temporary refusals (4xx), permanent refusal (5xx),
 *   and a real network cut in the middle of DATA (a TCP relay in front of the server drops both sockets).
 * Dovecot refuses to run its login processes as root: as root we run them as Debian's `dovenull`/`dovecot`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const DOVECOT = '/usr/sbin/dovecot';
const IMAP_BIN = '/usr/lib/dovecot/imap';

/** Why the mail tests cannot run here, or null. Tests print it with ctx.skip(). */
export function mailServersMissing(): string | null {
  if (!fs.existsSync(DOVECOT) || !fs.existsSync(IMAP_BIN))
    return 'dovecot-imapd absent (apt-get install dovecot-imapd, voir .ci/run)';
  return null;
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

interface Ids {
  uid: number;
  gid: number;
  loginUser: string;
  internalUser: string;
  internalGroup: string;
}
function ids(): Ids {
  const me = os.userInfo();
  if (me.uid !== 0)
    return { uid: me.uid, gid: me.gid, loginUser: me.username, internalUser: me.username, internalGroup: me.username };
  const id = (flag: string, name: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  return {
    uid: id('-u', 'dovecot'),
    gid: id('-g', 'dovecot'),
    loginUser: 'dovenull',
    internalUser: 'dovecot',
    internalGroup: 'dovecot',
  };
}

function dovecotConf(dir: string, port: number, i: Ids): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = clocher-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${i.loginUser}
default_internal_user = ${i.internalUser}
default_internal_group = ${i.internalGroup}
first_valid_uid = ${i.uid}
mail_location = maildir:${dir}/mail/%u
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${i.uid} gid=${i.gid} home=${dir}/mail/%u
}
`;
}

export interface SmtpFaults {
  /** the next n messages are refused at the end of DATA with this temporary code */
  tempFail?: number;
  tempCode?: number;
  /** the next n messages are refused for good (550) */
  permFail?: number;
  /** the next n connections are cut after this many bytes of message data went through */
  cutAfterBytes?: number;
  cuts?: number;
}

export interface MailServers {
  imap: { host: string; port: number };
  smtp: { host: string; port: number };
  users: Record<string, string>;
  /** every message the SMTP server accepted, in order (raw bytes as delivered) */
  delivered: { from: string; to: string[]; raw: Buffer }[];
  /** SMTP DATA attempts seen by the server (accepted or not) */
  attempts: number;
  setFaults(f: SmtpFaults): void;
  /** drop a raw message into a user's maildir, as a mail delivery agent would; `receivedAt` sets dovecot's INTERNALDATE (the file's mtime) */
  deliver(user: string, raw: Buffer | string, receivedAt?: Date): void;
  stop(): Promise<void>;
}

/** The catch-all mailbox: every message sent through the SMTP server lands here. */
export const SENT_BOX = 'destinataires';

export async function startMailServers(
  users: Record<string, string> = { mairie: 'secret-imap' },
): Promise<MailServers> {
  const missing = mailServersMissing();
  if (missing) throw new Error(missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-dovecot-'));
  const i = ids();
  fs.chmodSync(dir, 0o711); // dovecot's auth and imap processes run as another user: they must traverse it
  const all: Record<string, string> = { ...users, [SENT_BOX]: 'secret-destinataires' };
  for (const sub of ['run', 'state']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'passwd'),
    Object.entries(all)
      .map(([u, p]) => `${u}:{PLAIN}${p}`)
      .join('\n') + '\n',
  );
  for (const u of Object.keys(all))
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(dir, 'mail', u, sub), { recursive: true });
  spawnSync('chown', ['-R', `${i.uid}:${i.gid}`, path.join(dir, 'mail')]);
  const imapPort = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(conf, dovecotConf(dir, imapPort, i));
  const dovecot: ChildProcess = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
  await waitListening(imapPort, () => `dovecot n'a pas démarré : ${readLog(dir)}`);

  let seq = 0;
  const deliver = (user: string, raw: Buffer | string, receivedAt?: Date) => {
    const name = `${Date.now()}.${process.pid}_${++seq}.clocher-test`;
    const tmp = path.join(dir, 'mail', user, 'tmp', name);
    fs.writeFileSync(tmp, raw);
    fs.chownSync(tmp, i.uid, i.gid);
    if (receivedAt) fs.utimesSync(tmp, receivedAt, receivedAt);
    fs.renameSync(tmp, path.join(dir, 'mail', user, 'new', name)); // maildir delivery: tmp/ then rename into new/
  };

  let faults: SmtpFaults = {};
  const state = { delivered: [] as MailServers['delivered'], attempts: 0 };
  const smtp = new SMTPServer({
    secure: false,
    allowInsecureAuth: true, // loopback only
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _s, cb) {
      if (auth.username && all[auth.username] === auth.password) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.attempts++;
        if (faults.tempFail) {
          faults.tempFail--;
          return cb(
            Object.assign(new Error('Greylisted, please try again later'), { responseCode: faults.tempCode ?? 451 }),
          );
        }
        if (faults.permFail) {
          faults.permFail--;
          return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        }
        const raw = Buffer.concat(chunks);
        deliver(SENT_BOX, raw);
        state.delivered.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        cb(null);
      });
    },
  });
  const smtpInner = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpInner, '127.0.0.1', r));
  const relay = cuttingRelay(smtpInner, () => faults);
  const smtpPort = await freePort();
  await new Promise<void>((r) => relay.listen(smtpPort, '127.0.0.1', r));

  return {
    imap: { host: '127.0.0.1', port: imapPort },
    smtp: { host: '127.0.0.1', port: smtpPort },
    users: all,
    get delivered() {
      return state.delivered;
    },
    get attempts() {
      return state.attempts;
    },
    setFaults: (f) => void (faults = { ...f }),
    deliver,
    async stop() {
      relay.close();
      await new Promise<void>((r) => smtp.close(() => r()));
      if (dovecot.exitCode === null) {
        const exited = new Promise((r) => dovecot.once('exit', r));
        dovecot.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP relay in front of the SMTP server: with `cutAfterBytes` set, once that many bytes followed the client's
 * DATA command, both sockets are destroyed — the network cut of the issue, not an error the server chose.
 */
function cuttingRelay(target: number, faults: () => SmtpFaults): net.Server {
  return net.createServer((client) => {
    const server = net.connect(target, '127.0.0.1');
    let inData = false;
    let sent = 0;
    const f = faults();
    const armed = (f.cuts ?? 0) > 0 && f.cutAfterBytes !== undefined;
    if (armed) f.cuts = (f.cuts ?? 0) - 1;
    client.on('data', (c: Buffer) => {
      if (armed && inData) {
        sent += c.length;
        if (sent >= (f.cutAfterBytes ?? 0)) {
          client.destroy();
          server.destroy();
          return;
        }
      }
      if (/^DATA\r\n/m.test(c.toString('latin1'))) inData = true;
      server.write(c);
    });
    server.on('data', (c) => client.write(c));
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
  });
}

function readLog(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8').split('\n').slice(-5).join(' | ');
  } catch {
    return '(pas de journal)';
  }
}

async function waitListening(port: number, why: () => string): Promise<void> {
  for (let n = 0; n < 100; n++) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), r(true)));
      s.once('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(why());
}

/** A unique Message-ID for test messages. */
export const testMessageId = () => `<${crypto.randomUUID()}@test.clocher.invalid>`;
