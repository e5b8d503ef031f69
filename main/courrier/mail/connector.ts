/**
 * The synchronisation talks to one Connector (main/sync/connector.ts); the mairie's mailbox joins it here:
 * items of kind 'mail' leave over SMTP, every other kind goes to the platform; the reception phase reads the
 * platform's messages, then the mailbox. Each side works when the other is not configured or fails.
 */
import { classifyTransport, TransportError, type Connector, type Diagnostic, type PullIO } from '../../sync/index';
import { MailError } from './errors';
import { readMailbox, type ReadHooks } from './imap';
import type { IntakeCtx } from './intake';
import type { MailConfig } from './settings';
import { sendMail } from './smtp';
import { testMailbox } from './test-connexion';

export interface MailSide {
  config: MailConfig;
  intake: IntakeCtx;
  hooks?: ReadHooks;
  timeoutMs?: number;
  /** after each reading, even a partial one: the acknowledgements owed by what was registered (acknowledge.ts) */
  afterRead?: () => Promise<unknown>;
}

/** The platform's connector (or why it is missing) joined with the mailbox (or why it is missing). */
export function withMail(platform: Connector | string, mail: MailSide): Connector;
export function withMail(platform: Connector, mail: MailSide | string): Connector;
export function withMail(platform: Connector | string, mail: MailSide | string): Connector | string;
export function withMail(platform: Connector | string, mail: MailSide | string): Connector | string {
  if (typeof platform === 'string' && typeof mail === 'string') return platform;
  const p = typeof platform === 'string' ? null : platform;
  const m = typeof mail === 'string' ? null : mail;
  return {
    name: [p?.name, m ? 'messagerie' : null].filter(Boolean).join(' + '),
    // the mail side throws the same TransportError as the platform's client
    classify: (e: unknown) => (p ? p.classify(e) : classifyTransport(e)),
    async push(item, io) {
      if (item.kind === 'mail') {
        // 'reset', not 'config': a mailbox not configured yet must not stop the platform's items of the same run
        if (!m) throw new TransportError('reset', mail as string);
        return sendMail(m.config, item, io, m.timeoutMs);
      }
      if (!p) throw new TransportError('reset', platform as string);
      return p.push(item, io);
    },
    async pull(io: PullIO) {
      let failure: unknown = null;
      if (p) await p.pull(io).catch((e: unknown) => void (failure = e));
      if (m) {
        await readMailbox(m.config, m.intake, { ...m.hooks, ...(m.timeoutMs ? { timeoutMs: m.timeoutMs } : {}) }).catch(
          (e: unknown) => {
            failure ??= e instanceof MailError ? new TransportError('reset', `messagerie : ${e.message}`) : e;
          },
        );
        await m.afterRead?.().catch((e: unknown) => void (failure ??= e));
      }
      if (failure) throw failure;
    },
    ...(p?.pieces ? { pieces: p.pieces.bind(p) } : {}),
    async test(now: Date): Promise<Diagnostic> {
      if (p) return p.test(now);
      return testMailbox(m!.config, m!.timeoutMs);
    },
    close() {
      p?.close();
    },
  };
}
