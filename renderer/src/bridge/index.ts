/**
 * The window's only way to the core. In Electron, the preload exposes `window.clocher`; in a plain browser
 * (dev, tests, Chromium --app fallback) a WebSocket to the loopback host carries the same messages, with the
 * per-run token read from the URL fragment.
 */
import type {
  ErrorValue,
  EventName,
  EventPayload,
  HandlerArgs,
  HandlerName,
  HandlerResult,
  Reply,
} from '../../../main/api/types';

export type { ErrorValue, EventName, EventPayload, HandlerName, HandlerResult };

export interface ClocherBridge {
  call(name: string, args: unknown): Promise<Reply>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    clocher?: ClocherBridge;
  }
}

/** Thrown by `call` when the core answers with an error value: `code` for logic, `message` for the user. */
export class CallError extends Error {
  readonly code: ErrorValue['code'];
  readonly fields: Record<string, string>;
  constructor(e: ErrorValue) {
    super(e.message);
    this.code = e.code;
    this.fields = e.fields ?? {};
  }
}

/** Said when the core host came back (scripts/start.mjs restarts it on the same address, same token). */
export const CORE_RESTARTED_MESSAGE =
  'Clocher a redémarré son moteur après un incident. Rien de ce qui était enregistré n’est perdu ; vous devrez peut-être vous reconnecter.';
/** The core's session is bound to the connection (architecture §3): a reload ends it, and the window says so. */
export const RELOADED_MESSAGE = 'La page a été rechargée : reconnectez-vous.';
const LOST_MESSAGE =
  'La liaison avec Clocher a été interrompue pendant cette action : elle n’a peut-être pas abouti. Vérifiez-la, puis recommencez si besoin.';
const DEAD_MESSAGE = 'Clocher ne répond pas. Fermez puis rouvrez la fenêtre.';
/** RFC 6455 §7.4.1 1013: the host refused this window (too many windows or requests): no reconnect loop. */
const TRY_LATER = 1013;
/** The launcher restarts a dead host within about 15 s (scripts/start.mjs backoff): we try for 45 s. */
const RECONNECT_EVERY_MS = 500;
const RECONNECT_TRIES = 90;
const HAD_SESSION = 'clocher-had-session';

let startNotice: string | null = null;

/** Remembers (per tab, sessionStorage) whether someone was logged in, to explain the login screen after a reload. */
function noteSession(name: string, reply: Reply): void {
  if (name !== 'app.status' || !reply.ok) return;
  const phase = (reply.value as { phase?: string } | null)?.phase;
  if (phase === 'ready' || phase === 'locked') sessionStorage.setItem(HAD_SESSION, '1');
  else sessionStorage.removeItem(HAD_SESSION);
}

function websocketBridge(): ClocherBridge {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  const token = fromFragment ?? sessionStorage.getItem('clocher-token') ?? '';
  if (token) {
    sessionStorage.setItem('clocher-token', token); // survives a reload; the fragment is removed from the address bar
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (!fromFragment && sessionStorage.getItem(HAD_SESSION)) startNotice = RELOADED_MESSAGE;
  sessionStorage.removeItem(HAD_SESSION);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (r: Reply) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let reconnecting: Promise<WebSocket> | null = null;
  let leaving = false;
  addEventListener('pagehide', () => (leaving = true)); // a reload or close: no reconnect from a page going away
  let next = 1;

  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload));

  /** The host died: wait for the launcher's new one, then tell the window (App shows it and asks the status). */
  const reconnect = (): Promise<WebSocket> =>
    (reconnecting ??= (async () => {
      for (let i = 0; i < RECONNECT_TRIES; i++) {
        await new Promise((r) => setTimeout(r, RECONNECT_EVERY_MS));
        try {
          const ws = await open();
          reconnecting = null;
          emit('core.restarted', { message: CORE_RESTARTED_MESSAGE });
          return ws;
        } catch {
          // not back yet
        }
      }
      throw new Error('bridge');
    })());

  const open = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    opening ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = null;
        reject(new Error('bridge'));
      };
      ws.onclose = (e) => {
        if (socket !== ws) return; // never opened: onerror said so
        socket = null;
        const reason = e.code === TRY_LATER && e.reason ? e.reason : LOST_MESSAGE;
        for (const [id, done] of pending) done({ id, ok: false, error: { code: 'CORE_RESTARTED', message: reason } });
        pending.clear();
        if (!leaving && e.code !== TRY_LATER) void reconnect().catch(() => undefined);
      };
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as Reply | { event: string; payload: unknown };
        if ('event' in msg) emit(msg.event, msg.payload);
        else {
          pending.get(msg.id)?.(msg);
          pending.delete(msg.id);
        }
      };
    });
    return opening;
  };

  return {
    async call(name, args) {
      const id = next++;
      let ws: WebSocket;
      try {
        ws = await (reconnecting ?? open());
      } catch {
        return { id, ok: false, error: { code: 'CORE_RESTARTED', message: DEAD_MESSAGE } };
      }
      return new Promise<Reply>((resolve) => {
        pending.set(id, (reply) => {
          noteSession(name, reply);
          resolve(reply);
        });
        ws.send(JSON.stringify({ id, name, args }));
      });
    },
    on(event, cb) {
      const set = listeners.get(event) ?? new Set();
      set.add(cb);
      listeners.set(event, set);
      void open().catch(() => undefined);
      return () => set.delete(cb);
    },
  };
}

let bridge: ClocherBridge | null = null;
export function getBridge(): ClocherBridge {
  bridge ??= window.clocher ?? websocketBridge();
  return bridge;
}

/** A message the window shows from its start (the page was reloaded, which ended its session), or null. */
export function windowNotice(): string | null {
  getBridge();
  return startNotice;
}

/** For tests: replace the bridge by a fake. */
export function setBridge(b: ClocherBridge): void {
  bridge = b;
}

/** Call a handler; resolves with its typed value or throws CallError with the French message. */
export async function call<N extends HandlerName>(
  name: N,
  ...args: {} extends HandlerArgs<N> ? [HandlerArgs<N>?] : [HandlerArgs<N>]
): Promise<HandlerResult<N>> {
  const reply = await getBridge().call(name, args[0] ?? {});
  if (!reply.ok) throw new CallError(reply.error);
  return reply.value as HandlerResult<N>;
}

/** Listen to a pushed event; its payload type is the contract's (main/api/schemas.ts EventPayloads). */
export function onEvent<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  // the bridge carries JSON: the payload is what the core emitted, type-checked there against the same contract
  return getBridge().on(event, cb as (payload: unknown) => void);
}
