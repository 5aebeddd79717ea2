/**
 * Waking the longpolls that wait on a database, at most once per interval that grows with how many
 * wait (issue 22). With the app's doorbell, 500 laptops each hold one longpoll on their tenant's
 * doorbell database, and every ring (100 a second at a firm's peak) used to answer all of them. Each
 * answer costs a laptop a pull per rung collection and a new longpoll, so the server was always
 * behind: answers queued, and a change took seconds to reach a laptop.
 *
 * Here a database's changes are published to its longpolls in steps: the first change after a quiet
 * spell wakes them on the next turn, later ones at most every {@link wakeInterval} (0.4 ms per
 * waiter, at most 200 ms: 500 laptops are woken 5 times a second, whatever the write rate). A
 * longpoll that arrives between two wake-ups from the last one's position waits for the next rather
 * than being answered at once with the changes since: otherwise every laptop coming back from its
 * pulls would find new rings and go round again at once, and the steps would not hold. A longpoll
 * behind the last published position is answered at once, as before. For a client this is the same
 * as the write having landed up to that interval later; CouchDB makes no promise of when a longpoll
 * answers, only what it answers with.
 */

/** Time one waiting longpoll adds to its database's interval between wake-ups. */
export const wakeCostMs = 0.4;
/** The longest interval between two wake-ups of one database. */
export const maxWakeIntervalMs = 200;

/** The interval between wake-ups of a database that `waiters` longpolls wait on. */
export function wakeInterval(waiters: number): number {
  return Math.min(maxWakeIntervalMs, waiters * wakeCostMs);
}

interface LastWake {
  at: number;
  /** The database's sequence when it was woken, when known. */
  seq: number | undefined;
  /** How many were woken. */
  woken: number;
}

export class Wakes {
  private readonly waiting = new Map<string, Set<() => void>>();
  /** Woken on the next turn of the event loop, together. */
  private readonly due = new Set<string>();
  private scheduled = false;
  /** Woken when their interval since the last wake-up has passed. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Being woken (their sequence being read), and changed again meanwhile. */
  private readonly delivering = new Set<string>();
  private readonly again = new Set<string>();
  private readonly last = new Map<string, LastWake>();

  /**
   * @param now the clock (tests move it)
   * @param seqOf the database's current sequence, read as it is woken; without it, or when it
   *   fails, nothing is held (every longpoll is answered as soon as it has something).
   */
  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly seqOf?: (db: string) => Promise<number | undefined>,
  ) {}

  /** Calls `wake` on the next wake-up of `db`; returns the unsubscribe. */
  subscribe(db: string, wake: () => void): () => void {
    let set = this.waiting.get(db);
    if (!set) {
      set = new Set();
      this.waiting.set(db, set);
    }
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.waiting.get(db) === set) this.waiting.delete(db);
    };
  }

  /** `db` changed: its waiters are woken on the next turn, or when its interval has passed. */
  notify(db: string): void {
    if (this.delivering.has(db)) {
      this.again.add(db);
      return;
    }
    if (this.due.has(db) || this.timers.has(db)) return;
    const last = this.last.get(db);
    const waiters = Math.max(this.waiting.get(db)?.size ?? 0, last?.woken ?? 0);
    const wait = last ? last.at + wakeInterval(waiters) - this.now() : 0;
    if (wait > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(db);
        this.deliver(db);
      }, wait);
      timer.unref();
      this.timers.set(db, timer);
      return;
    }
    this.due.add(db);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const dbs = [...this.due];
      this.due.clear();
      for (const name of dbs) this.deliver(name);
    });
  }

  /**
   * Whether a longpoll on `db` from `since` should wait for the next wake-up even if changes are
   * there: they all came after the last wake-up, and the next one is on its way.
   */
  holds(db: string, since: number): boolean {
    const last = this.last.get(db);
    if (last?.seq === undefined || since < last.seq) return false;
    return this.due.has(db) || this.timers.has(db) || this.delivering.has(db);
  }

  /** Wakes everything now (shutdown: longpolls answer at once instead of being cut). */
  wakeAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.due.clear();
    for (const db of [...this.waiting.keys()]) this.wake(db, undefined);
  }

  private deliver(db: string): void {
    // Nobody waits: nothing to hold later either, and no sequence to read.
    if (!this.seqOf || !this.waiting.has(db)) return this.wake(db, undefined);
    this.delivering.add(db);
    const done = (seq: number | undefined): void => {
      this.delivering.delete(db);
      this.wake(db, seq);
      if (this.again.delete(db)) this.notify(db);
    };
    this.seqOf(db).then(done, () => done(undefined));
  }

  private wake(db: string, seq: number | undefined): void {
    const set = this.waiting.get(db);
    if (!set) {
      this.last.delete(db);
      return;
    }
    this.last.set(db, { at: this.now(), seq, woken: set.size });
    for (const wake of [...set]) wake();
  }
}
