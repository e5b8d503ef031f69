/**
 * The preload (sandboxed, context-isolated): the window's only door to Clocher is `window.clocher`, with
 * exactly two functions. ipcRenderer itself, and Electron's event objects, never reach the page.
 *   call(name, args) → Promise<{ id, ok: true, value } | { id, ok: false, error: { code, message } }>
 *   on(event, cb)    → unsubscribe function; only the events listed in events.ts
 * Main checks every call again (sender, name, arguments) before the core sees it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_EVENTS } from './events';

const CALL_CHANNEL = 'clocher:call';
const EVENT_CHANNEL = 'clocher:event';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let nextId = 1;

ipcRenderer.on(EVENT_CHANNEL, (_event, message: { event?: unknown; payload?: unknown } | null) => {
  if (typeof message?.event !== 'string') return;
  for (const cb of listeners.get(message.event) ?? []) {
    try {
      cb(message.payload);
    } catch {
      // one faulty listener must not stop the others
    }
  }
});

const isKnownEvent = (event: unknown): event is string => (PRELOAD_EVENTS as readonly unknown[]).includes(event);

export const clocher = {
  async call(name: unknown, args: unknown): Promise<unknown> {
    const id = nextId++;
    try {
      return await ipcRenderer.invoke(CALL_CHANNEL, { id, name, args });
    } catch {
      return {
        id,
        ok: false,
        error: {
          code: 'INTERNAL',
          message:
            "Clocher n'a pas pu transmettre cette demande. Réessayez ; si cela se répète, fermez puis rouvrez Clocher.",
        },
      };
    }
  },
  on(event: unknown, cb: unknown): () => void {
    if (!isKnownEvent(event)) throw new Error(`Événement inconnu : ${String(event).slice(0, 64)}`);
    if (typeof cb !== 'function') throw new Error('Il faut une fonction à appeler.');
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const listener: Listener = (payload) => (cb as Listener)(payload);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('clocher', clocher);
