/**
 * The core's write lock (architecture §3: « writes run one at a time in the core »). Handlers queue on it in
 * arrival order, so an async handler's check-then-write never interleaves with another's. Network I/O must
 * not hold it: a platform that accepts the connection and never answers would freeze every window for the
 * whole timeout. `offLock` lets the holder step out while it waits on the network, then queue again.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves when every earlier holder has released; gives the release function (idempotent). */
  acquire(): Promise<() => void> {
    let free!: () => void;
    const mine = new Promise<void>((resolve) => (free = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    let released = false;
    return before.then(() => () => {
      if (released) return;
      released = true;
      free();
    });
  }

  /** Run `fn` holding the lock (for database work outside a handler: the synchronisation's transactions). */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** One handler's hold on the lock: it can step out for network I/O and come back. */
export class LockHold {
  private release: (() => void) | null;
  private away = 0;
  private finished = false;
  constructor(
    private readonly lock: WriteLock,
    release: () => void,
  ) {
    this.release = release;
  }

  /** Await `io` without holding the lock; concurrent calls share one absence. */
  async offLock<T>(io: () => Promise<T>): Promise<T> {
    if (this.away++ === 0) {
      this.release?.();
      this.release = null;
    }
    try {
      return await io();
    } finally {
      // a handler that returned without awaiting its I/O must not take the lock again (it would never free it)
      if (--this.away === 0 && !this.finished) {
        const release = await this.lock.acquire();
        if (this.finished) release();
        else this.release = release;
      }
    }
  }

  done(): void {
    this.finished = true;
    this.release?.();
    this.release = null;
  }
}
