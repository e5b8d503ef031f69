/** Types the renderer may import (`import type` only): results flow from the implementations. */
import type { Implemented } from '../host/registry';
import type { HandlerArgs, HandlerName } from './schemas';
import type { ErrorValue } from '../kernel';

export type { HandlerName, HandlerArgs, ErrorValue };
export type { EventName, EventPayload } from './schemas';
export type HandlerResult<N extends HandlerName> = Awaited<ReturnType<Implemented[N]>>;

export type Reply<T = unknown> = { id: number; ok: true; value: T } | { id: number; ok: false; error: ErrorValue };
