/**
 * The relay between the window and the core. Every call is checked here (ipc-guard.ts) before it is
 * relayed; each page load of each window is one connection to the core (its own session), closed when
 * the page goes away, like a WebSocket in the loopback transport.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventName } from '../api/schemas';
import type { Reply } from '../api/types';
import type { CoreProcess } from './core-process';
import { checkCall, type SenderInfo } from './ipc-guard';

export const CALL_CHANNEL = 'clocher:call';
export const EVENT_CHANNEL = 'clocher:event';

export interface Relay {
  /** events from the core go to the page of that connection */
  sendEvent(conn: string, event: EventName, payload: unknown): void;
  /** to every connected page (core.restarted) */
  broadcast(event: EventName, payload: unknown): void;
}

export function senderInfo(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  isOurWindow: (wc: WebContents) => boolean,
): SenderInfo {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    isMainFrame: !!frame && frame === event.sender.mainFrame,
    isOurWindow: isOurWindow(event.sender),
  };
}

export function registerIpc(core: CoreProcess, isOurWindow: (wc: WebContents) => boolean): Relay {
  const conns = new Map<number, { conn: string; contents: WebContents }>();
  let generation = 0;

  const connFor = (contents: WebContents): string => {
    const known = conns.get(contents.id);
    if (known) return known.conn;
    const conn = `wc${contents.id}-${++generation}`;
    conns.set(contents.id, { conn, contents });
    // A reload or a crash of the page ends its connection: the next page starts logged out.
    const ends = ['did-navigate', 'render-process-gone', 'destroyed'] as const;
    const forget = () => {
      for (const e of ends) contents.removeListener(e as 'destroyed', forget);
      if (conns.get(contents.id)?.conn !== conn) return;
      conns.delete(contents.id);
      core.close(conn);
    };
    for (const e of ends) contents.on(e as 'destroyed', forget);
    return conn;
  };

  ipcMain.handle(CALL_CHANNEL, async (event, raw: unknown): Promise<Reply> => {
    const verdict = checkCall(senderInfo(event, isOurWindow), raw);
    if (!verdict.ok) return verdict.reply;
    return core.call(connFor(event.sender), verdict.request);
  });

  const send = (contents: WebContents, event: EventName, payload: unknown) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
  };
  return {
    sendEvent(conn, event, payload) {
      for (const c of conns.values()) if (c.conn === conn) send(c.contents, event, payload);
    },
    broadcast(event, payload) {
      for (const c of conns.values()) send(c.contents, event, payload);
    },
  };
}
