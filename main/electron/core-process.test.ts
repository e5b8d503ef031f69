import { EventEmitter } from 'node:events';
import { CoreProcess, GAVE_UP_MESSAGE, PENDING_LOST_MESSAGE, RESTARTED_MESSAGE, type CoreChild } from './core-process';

class Child extends EventEmitter implements CoreChild {
  posted: { type: string; conn?: string; request?: { id: number; name: string } }[] = [];
  killed = false;
  postMessage(m: never) {
    this.posted.push(m);
  }
  kill() {
    this.killed = true;
    return true;
  }
  /** the core answers every call it received so far */
  answerAll(value: unknown = 'ok') {
    for (const m of this.posted.splice(0))
      if (m.type === 'call')
        this.emit('message', { type: 'reply', conn: m.conn, reply: { id: m.request!.id, ok: true, value } });
  }
}

function setup(opts: { backoff?: number[] } = {}) {
  const children: Child[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let clock = 0;
  const restarted = vi.fn();
  const gaveUp = vi.fn();
  const events = vi.fn();
  const core = new CoreProcess({
    spawn: () => {
      const c = new Child();
      children.push(c);
      return c;
    },
    onEvent: events,
    onRestarted: restarted,
    onGiveUp: gaveUp,
    backoff: opts.backoff ?? [10, 20],
    stableAfterMs: 1000,
    now: () => clock,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  core.start();
  return {
    core,
    children,
    timers,
    restarted,
    gaveUp,
    events,
    tick: (ms: number) => (clock += ms),
    last: () => children[children.length - 1]!,
  };
}

const req = (id: number) => ({ id, name: 'app.status' as const, args: {} });

describe('CoreProcess', () => {
  it('holds calls until the core is ready, then relays them and maps the replies back to the page’s ids', async () => {
    const { core, last } = setup();
    const a = core.call('w1', req(1));
    const b = core.call('w2', req(1)); // two pages may use the same id
    expect(last().posted).toHaveLength(0);
    last().emit('message', { type: 'ready' });
    expect(last().posted.map((m) => m.conn)).toEqual(['w1', 'w2']);
    last().answerAll();
    await expect(a).resolves.toEqual({ id: 1, ok: true, value: 'ok' });
    await expect(b).resolves.toEqual({ id: 1, ok: true, value: 'ok' });
  });

  it('ignores a reply for another connection', async () => {
    const { core, last } = setup();
    last().emit('message', { type: 'ready' });
    const p = core.call('w1', req(5));
    const seq = last().posted[0]!.request!.id;
    last().emit('message', { type: 'reply', conn: 'intruder', reply: { id: seq, ok: true, value: 'stolen' } });
    last().emit('message', { type: 'reply', conn: 'w1', reply: { id: seq, ok: true, value: 'mine' } });
    await expect(p).resolves.toEqual({ id: 5, ok: true, value: 'mine' });
  });

  it('forwards only known events', () => {
    const { last, events } = setup();
    last().emit('message', { type: 'event', conn: 'w1', event: 'session.locked', payload: { reason: 'inactivite' } });
    last().emit('message', { type: 'event', conn: 'w1', event: 'debug.dump', payload: {} });
    expect(events.mock.calls).toEqual([['w1', 'session.locked', { reason: 'inactivite' }]]);
  });

  it('when the core dies: pending calls get CORE_RESTARTED, it restarts after the backoff, windows are told', async () => {
    const { core, children, timers, restarted, last } = setup();
    last().emit('message', { type: 'ready' });
    const pending = core.call('w1', req(3));
    last().emit('exit', 1);
    await expect(pending).resolves.toEqual({
      id: 3,
      ok: false,
      error: { code: 'CORE_RESTARTED', message: PENDING_LOST_MESSAGE },
    });
    expect(timers.map((t) => t.ms)).toEqual([10]);
    const during = core.call('w1', req(4)); // made while restarting: waits for the new core
    timers[0]!.fn();
    expect(children).toHaveLength(2);
    expect(restarted).not.toHaveBeenCalled();
    last().emit('message', { type: 'ready' });
    expect(restarted).toHaveBeenCalledWith(RESTARTED_MESSAGE);
    last().answerAll('again');
    await expect(during).resolves.toEqual({ id: 4, ok: true, value: 'again' });
  });

  it('gives up after the limit, answering everything with a French message', async () => {
    const { core, timers, gaveUp, last } = setup({ backoff: [10] });
    last().emit('exit', 1);
    timers[0]!.fn();
    last().emit('exit', 1);
    expect(timers).toHaveLength(1);
    expect(gaveUp).toHaveBeenCalledWith(GAVE_UP_MESSAGE);
    await expect(core.call('w1', req(9))).resolves.toMatchObject({
      id: 9,
      ok: false,
      error: { code: 'CORE_RESTARTED' },
    });
  });

  it('a core that stayed up long enough gets its restart budget back', () => {
    const { timers, gaveUp, last, tick } = setup({ backoff: [10] });
    last().emit('exit', 1);
    timers[0]!.fn();
    tick(5000);
    last().emit('exit', 1);
    expect(timers).toHaveLength(2);
    expect(gaveUp).not.toHaveBeenCalled();
  });

  it('does not restart on a normal stop, and gives up at once on a fatal start error', () => {
    const a = setup();
    a.core.stop();
    expect(a.last().killed).toBe(true);
    a.last().emit('exit', 0);
    expect(a.timers).toHaveLength(0);

    const b = setup();
    b.last().emit('message', {
      type: 'fatal',
      error: { code: 'DB_TOO_NEW', message: 'Base plus récente que ce Clocher.' },
    });
    expect(b.gaveUp).toHaveBeenCalledWith('Base plus récente que ce Clocher.');
    expect(b.last().killed).toBe(true);
  });

  it('tells the core when a page goes away', () => {
    const { core, last } = setup();
    last().emit('message', { type: 'ready' });
    core.close('w1');
    expect(last().posted).toEqual([{ type: 'close', conn: 'w1' }]);
  });
});
