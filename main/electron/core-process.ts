/**
 * The core host runs in an Electron utilityProcess (dist/main/host/utility.js): SQLite and signing off the
 * window's and main's threads, and a crash there does not take the window down. This class relays calls,
 * restarts the core when it exits unexpectedly (with a backoff, and a limit), and answers the calls that
 * were pending when it died with CORE_RESTARTED. It takes a `spawn` function, so tests need no Electron.
 *
 * Protocol (see main/host/utility.ts): → { type:'call', conn, request } | { type:'close', conn }
 *                                      ← { type:'ready' } | { type:'reply', conn, reply } | { type:'event', conn, event, payload }
 */
import { EVENTS, type EventName } from '../api/schemas';
import type { ErrorValue, Reply } from '../api/types';
import type { CheckedRequest } from './ipc-guard';

/** What we use of Electron's UtilityProcess. */
export interface CoreChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreProcessOptions {
  spawn: () => CoreChild;
  /** an event for one connection (one window) */
  onEvent: (conn: string, event: EventName, payload: unknown) => void;
  /** the core came back after a crash: tell every window */
  onRestarted: (message: string) => void;
  /** the core keeps dying (or said it cannot start): main shows the message and quits */
  onGiveUp: (message: string) => void;
  /** delays before each successive restart, ms; the limit is its length */
  backoff?: readonly number[];
  /** a core that stayed up this long is healthy again: the restart count starts over */
  stableAfterMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export const RESTARTED_MESSAGE =
  "Clocher a dû relancer son moteur après un incident. Par sécurité, reconnectez-vous. Ce qui était enregistré est conservé ; vérifiez seulement la dernière action, qui n'a peut-être pas abouti.";
export const PENDING_LOST_MESSAGE =
  "Clocher a dû relancer son moteur pendant cette action : elle n'a peut-être pas abouti. Vérifiez-la, puis recommencez si besoin.";
export const GAVE_UP_MESSAGE =
  'Clocher ne parvient pas à démarrer son moteur. Fermez Clocher puis rouvrez-le ; si le problème revient, appelez le support.';

interface Pending {
  conn: string;
  id: number;
  resolve: (r: Reply) => void;
}

export class CoreProcess {
  private child: CoreChild | null = null;
  private ready = false;
  private stopping = false;
  private gaveUp: string | null = null;
  private restarts = 0;
  private startedAt = 0;
  private hasStartedBefore = false;
  private seq = 0;
  /** sent to the core, awaiting its reply; keyed by our own sequence number (renderers choose their ids) */
  private readonly pending = new Map<number, Pending>();
  /** not sent yet: the core is starting */
  private readonly queue: {
    message: { type: 'call'; conn: string; request: CheckedRequest };
    p: Pending;
    seq: number;
  }[] = [];
  private readonly backoff: readonly number[];
  private readonly stableAfterMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(private readonly opts: CoreProcessOptions) {
    this.backoff = opts.backoff ?? [250, 1000, 3000, 10_000, 30_000];
    this.stableAfterMs = opts.stableAfterMs ?? 120_000;
    this.now = opts.now ?? Date.now;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  start(): void {
    this.startedAt = this.now();
    this.ready = false;
    const child = this.opts.spawn();
    this.child = child;
    child.on('message', (m) => this.onMessage(child, m));
    child.on('exit', (code) => this.onExit(child, code));
  }

  /** Relay one already-checked call for a connection; always resolves with a Reply. */
  call(conn: string, request: CheckedRequest): Promise<Reply> {
    if (this.gaveUp) return Promise.resolve(this.error(request.id, { code: 'CORE_RESTARTED', message: this.gaveUp }));
    return new Promise<Reply>((resolve) => {
      const seq = ++this.seq;
      const p: Pending = { conn, id: request.id, resolve };
      const message = { type: 'call' as const, conn, request: { ...request, id: seq } };
      if (this.ready && this.child) {
        this.pending.set(seq, p);
        this.child.postMessage(message);
      } else this.queue.push({ message, p, seq });
    });
  }

  /** The window went away (closed, reloaded, crashed): the core forgets that connection's session. */
  close(conn: string): void {
    if (this.ready && this.child) this.child.postMessage({ type: 'close', conn });
  }

  /** Ask the core to close its databases cleanly (Windows has no SIGTERM for it), then make sure it is gone. */
  stop(): void {
    this.stopping = true;
    const child = this.child;
    this.child = null;
    if (!child) return;
    if (this.ready) {
      child.postMessage({ type: 'shutdown' });
      this.setTimer(() => child.kill(), 2000);
    } else child.kill();
  }

  private onMessage(child: CoreChild, raw: unknown): void {
    if (child !== this.child) return;
    const m = raw as {
      type?: unknown;
      conn?: unknown;
      reply?: Reply;
      event?: unknown;
      payload?: unknown;
      error?: ErrorValue;
    };
    if (m?.type === 'ready') {
      const wasRestart = this.hasStartedBefore;
      this.hasStartedBefore = true;
      this.ready = true;
      for (const q of this.queue.splice(0)) {
        this.pending.set(q.seq, q.p);
        child.postMessage(q.message);
      }
      if (wasRestart) this.opts.onRestarted(RESTARTED_MESSAGE);
    } else if (m?.type === 'reply' && typeof m.conn === 'string' && m.reply && typeof m.reply.id === 'number') {
      const p = this.pending.get(m.reply.id);
      if (!p || p.conn !== m.conn) return;
      this.pending.delete(m.reply.id);
      p.resolve({ ...m.reply, id: p.id });
    } else if (m?.type === 'event' && typeof m.conn === 'string' && (EVENTS as readonly unknown[]).includes(m.event)) {
      this.opts.onEvent(m.conn, m.event as EventName, m.payload);
    } else if (m?.type === 'fatal') {
      // The core cannot start (e.g. a database from a newer Clocher): restarting would not help.
      this.giveUp(typeof m.error?.message === 'string' ? m.error.message : GAVE_UP_MESSAGE);
    }
  }

  private onExit(child: CoreChild, _code: number): void {
    if (child !== this.child) return;
    this.child = null;
    this.ready = false;
    for (const [seq, p] of this.pending) {
      this.pending.delete(seq);
      p.resolve(this.error(p.id, { code: 'CORE_RESTARTED', message: PENDING_LOST_MESSAGE }));
    }
    if (this.stopping || this.gaveUp) return;
    if (this.now() - this.startedAt >= this.stableAfterMs) this.restarts = 0;
    const delay = this.backoff[this.restarts];
    if (delay === undefined) {
      this.giveUp(GAVE_UP_MESSAGE);
      return;
    }
    this.restarts += 1;
    this.setTimer(() => {
      if (!this.stopping && !this.gaveUp) this.start();
    }, delay);
  }

  private giveUp(message: string): void {
    if (this.gaveUp) return;
    this.gaveUp = message;
    for (const q of this.queue.splice(0)) q.p.resolve(this.error(q.p.id, { code: 'CORE_RESTARTED', message }));
    for (const [seq, p] of this.pending) {
      this.pending.delete(seq);
      p.resolve(this.error(p.id, { code: 'CORE_RESTARTED', message }));
    }
    this.stopping = true;
    this.child?.kill();
    this.child = null;
    this.opts.onGiveUp(message);
  }

  private error(id: number, error: ErrorValue): Reply {
    return { id, ok: false, error };
  }
}
