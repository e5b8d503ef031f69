/**
 * The checks main makes on every call from a window, BEFORE anything reaches the core (architecture §3):
 * the sender is our window's main frame on app://clocher/, the envelope is well formed, the name is a
 * registered handler, and the arguments pass that handler's schema. Pure: it takes plain values, so it is
 * tested without Electron. The core checks envelope, name and arguments again (defence in depth).
 */
import { AppError, parseOrThrow } from '../kernel';
import { api, isHandlerName, requestEnvelope, type HandlerName } from '../api/schemas';
import type { Reply } from '../api/types';
import { isAppUrl } from './app-url';

/** What main knows of the frame that sent the message (Electron's event.senderFrame / event.sender). */
export interface SenderInfo {
  /** event.senderFrame.url ('' when the frame is gone) */
  url: string;
  /** the frame is its webContents' main frame (not an iframe) */
  isMainFrame: boolean;
  /** the webContents is one of our application windows */
  isOurWindow: boolean;
}

export interface CheckedRequest {
  id: number;
  name: HandlerName;
  args: unknown;
}

export type Verdict = { ok: true; request: CheckedRequest } | { ok: false; reply: Extract<Reply, { ok: false }> };

const refuse = (
  id: number,
  code: 'FORBIDDEN_ORIGIN' | 'UNKNOWN_HANDLER' | 'INVALID',
  message: string,
  fields?: Record<string, string>,
): Verdict => ({
  ok: false,
  reply: { id, ok: false, error: fields ? { code, message, fields } : { code, message } },
});

export function checkCall(sender: SenderInfo, raw: unknown): Verdict {
  const env = requestEnvelope.safeParse(raw);
  const id = env.success ? env.data.id : -1;
  if (!sender.isOurWindow || !sender.isMainFrame || !isAppUrl(sender.url)) {
    return refuse(id, 'FORBIDDEN_ORIGIN', 'Cette demande ne vient pas de la fenêtre de Clocher : elle est refusée.');
  }
  if (!env.success) return refuse(id, 'INVALID', 'Message mal formé.');
  const { name } = env.data;
  if (!isHandlerName(name)) return refuse(id, 'UNKNOWN_HANDLER', `Action inconnue : ${name.slice(0, 64)}.`);
  const args = env.data.args ?? {};
  try {
    parseOrThrow(api[name].args, args);
  } catch (e) {
    if (e instanceof AppError) return refuse(id, 'INVALID', e.message, e.fields);
    return refuse(id, 'INVALID', 'Arguments refusés.');
  }
  // Relay the arguments as sent: the core parses them again (defaults, trimming) with the same schema.
  return { ok: true, request: { id, name, args } };
}
