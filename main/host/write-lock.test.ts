/** The core's write lock: holders never overlap, except that network I/O steps out of it. */
import { LockHold, WriteLock } from './write-lock';

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

/** A handler as dispatch runs it: acquire, work with awaits in between, release. */
async function handler(
  lock: WriteLock,
  log: string[],
  name: string,
  body: (hold: LockHold) => Promise<void>,
): Promise<void> {
  const hold = new LockHold(lock, await lock.acquire());
  try {
    log.push(`${name}:in`);
    await body(hold);
    log.push(`${name}:out`);
  } finally {
    hold.done();
  }
}

describe('write lock', () => {
  it('runs holders one at a time, in arrival order, even when they await', async () => {
    const lock = new WriteLock();
    const log: string[] = [];
    const work = async () => {
      for (let i = 0; i < 3; i++) await tick();
    };
    await Promise.all(['a', 'b', 'c'].map((n) => handler(lock, log, n, work)));
    expect(log).toEqual(['a:in', 'a:out', 'b:in', 'b:out', 'c:in', 'c:out']);
  });

  it('lets others through while a holder awaits the network, then gives it back the lock', async () => {
    const lock = new WriteLock();
    const log: string[] = [];
    let answer!: () => void;
    const network = new Promise<void>((r) => (answer = r));
    const slow = handler(lock, log, 'test', async (hold) => {
      await hold.offLock(() => network);
      log.push('test:back');
      await tick();
    });
    await tick();
    await handler(lock, log, 'read', tick); // not held up by the silent platform
    const write = handler(lock, log, 'write', async () => {
      answer(); // the platform answers while `write` holds the lock: `test` must wait for it
      await tick();
      await tick();
    });
    await Promise.all([slow, write]);
    expect(log).toEqual(['test:in', 'read:in', 'read:out', 'write:in', 'write:out', 'test:back', 'test:out']);
  });

  it('exclusive work (the sync run’s transactions) waits for the holder and the holder for it', async () => {
    const lock = new WriteLock();
    const log: string[] = [];
    const h = handler(lock, log, 'h', async () => {
      await tick();
      await tick();
    });
    const tx = lock.run(() => log.push('tx'));
    await Promise.all([h, tx]);
    expect(log).toEqual(['h:in', 'h:out', 'tx']);
  });

  it('a handler that returns without awaiting its I/O does not keep the lock', async () => {
    const lock = new WriteLock();
    const log: string[] = [];
    let answer!: () => void;
    await handler(lock, log, 'careless', async (hold) => {
      void hold.offLock(() => new Promise<void>((r) => (answer = r)));
    });
    answer();
    await tick();
    await handler(lock, log, 'next', tick);
    expect(log).toEqual(['careless:in', 'careless:out', 'next:in', 'next:out']);
  });
});
