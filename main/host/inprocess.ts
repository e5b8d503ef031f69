import type { HandlerArgs, HandlerName, HandlerResult, Reply } from '../api/types';
import type { EventName } from '../api/schemas';
import { Core, type CoreOptions } from './core';

export interface Client {
  call<N extends HandlerName>(name: N, args?: HandlerArgs<N>): Promise<Reply<HandlerResult<N>>>;
  events: { event: EventName; payload: unknown }[];
  close(): void;
}

/** In-process transport, for unit tests: the same dispatch as every other transport. */
export function inProcessClient(core: Core): Client {
  const events: Client['events'] = [];
  const conn = core.connect((event, payload) => events.push({ event, payload }));
  let next = 1;
  return {
    call: (name, args) => core.dispatch(conn, { id: next++, name, args: args ?? {} }) as never,
    events,
    close: () => core.disconnect(conn),
  };
}

export { Core, type CoreOptions };
