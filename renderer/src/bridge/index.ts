/**
 * The window's only way to the core. In Electron, the preload exposes `window.clocher`; in a plain browser
 * (dev, tests, Chromium --app fallback) a WebSocket to the loopback host carries the same messages, with the
 * per-run token read from the URL fragment.
 */
import type { ErrorValue, EventName, EventPayload, HandlerArgs, HandlerName, HandlerResult, Reply } from '../../../main/api/types';

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

function websocketBridge(): ClocherBridge {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('clocher-token') ?? '';
  if (token) {
    sessionStorage.setItem('clocher-token', token); // survives a reload; the fragment is removed from the address bar
    history.replaceState(null, '', location.pathname + location.search);
  }
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (r: Reply) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let next = 1;

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
      ws.onclose = () => {
        socket = null;
        for (const [id, done] of pending)
          done({ id, ok: false, error: { code: 'CORE_RESTARTED', message: 'La liaison avec Clocher a été interrompue. Rechargez la fenêtre.' } });
        pending.clear();
        listeners.get('core.restarted')?.forEach((cb) => cb({}));
      };
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as Reply | { event: string; payload: unknown };
        if ('event' in msg) listeners.get(msg.event)?.forEach((cb) => cb(msg.payload));
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
        ws = await open();
      } catch {
        return { id, ok: false, error: { code: 'CORE_RESTARTED', message: 'Clocher ne répond pas. Fermez puis rouvrez la fenêtre.' } };
      }
      return new Promise<Reply>((resolve) => {
        pending.set(id, resolve);
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

/** For tests: replace the bridge by a fake. */
export function setBridge(b: ClocherBridge): void {
  bridge = b;
}

/** Call a handler; resolves with its typed value or throws CallError with the French message. */
export async function call<N extends HandlerName>(name: N, ...args: {} extends HandlerArgs<N> ? [HandlerArgs<N>?] : [HandlerArgs<N>]): Promise<HandlerResult<N>> {
  const reply = await getBridge().call(name, args[0] ?? {});
  if (!reply.ok) throw new CallError(reply.error);
  return reply.value as HandlerResult<N>;
}

/** Listen to a pushed event; its payload type is the contract's (main/api/schemas.ts EventPayloads). */
export function onEvent<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  // the bridge carries JSON: the payload is what the core emitted, type-checked there against the same contract
  return getBridge().on(event, cb as (payload: unknown) => void);
}
