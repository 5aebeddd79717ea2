/**
 * Wakes waiting longpolls when a database changes, and shares change-feed pages between the
 * requests that ask for the same one. Every write goes through this server, so the write paths
 * call `notify` after PouchDB acknowledges; no polling of the storage is needed.
 *
 * At scale the same page is asked for many times at once: a write wakes every laptop's longpoll on
 * a database (most at the same `since`), and a doorbell ring makes every laptop pull the same
 * collection. Each of those used to read the feed and serialise the page on its own, on the one
 * main thread (issue 22: 500 laptops, 13 writes/s). Here a page is read and serialised once per
 * (database, options) and shared: by requests in flight together, and by later ones until the
 * next write to that database (or {@link pageTtlMs}). Wake-ups of one database are delivered
 * together on the next turn of the event loop, so a burst of writes wakes each waiter once.
 */

/** A change-feed page, serialised once for everyone who asks for it. */
export interface SharedPage {
  /** The JSON answer with its trailing newline. */
  text: string;
  /** Rows in the page (an empty page makes a longpoll wait). */
  count: number;
}

/** How long an unchanged page may be served again. */
export const pageTtlMs = 2000;
/** Pages kept per database (distinct `since`/option sets), oldest dropped first. */
const pagesPerDb = 64;
/**
 * Feed reads running at once. Each is LevelDB work on libuv's pool of four threads, which writes
 * need too: with hundreds of laptops pulling from slightly different sequences, unbounded reads
 * filled the pool and a write waited seconds behind them (writes before pulls, issue 22).
 */
const concurrentReads = 2;
/** Larger pages are shared while in flight but not kept (memory). */
const maxKeptBytes = 4 * 1024 * 1024;

interface Entry {
  page: Promise<SharedPage>;
  at: number;
  /** Set once it resolved; too-large pages are dropped then. */
  bytes?: number;
}

export class Notifier {
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly pages = new Map<string, Map<string, Entry>>();
  private readonly due = new Set<string>();
  private scheduled = false;
  private reading = 0;
  private readonly queued: (() => void)[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Calls `wake` on the next change of `db`; returns the unsubscribe. */
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

  /**
   * `db` changed: its shared pages are dropped at once (a request arriving after the write's
   * answer must see it), and its waiters are woken on the next turn, together.
   */
  notify(db: string): void {
    this.pages.delete(db);
    this.due.add(db);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const dbs = [...this.due];
      this.due.clear();
      for (const name of dbs) this.wake(name);
    });
  }

  /** Wakes everything (shutdown: longpolls answer at once instead of being cut). */
  notifyAll(): void {
    for (const db of [...this.waiting.keys()]) this.wake(db);
  }

  /**
   * The page of `db` for `key` (its `since` and options): shared with any request asking the same
   * now or since the last write, else read by `read` and serialised once.
   */
  page(db: string, key: string, read: () => Promise<unknown>): Promise<SharedPage> {
    const now = this.now();
    let byKey = this.pages.get(db);
    const hit = byKey?.get(key);
    if (hit && now - hit.at < pageTtlMs) return hit.page;
    if (!byKey) {
      byKey = new Map();
      this.pages.set(db, byKey);
    }
    const entries = byKey;
    const page = this.gated(read).then((answer) => {
      const text = JSON.stringify(answer) + '\n';
      return { text, count: (answer as { results?: unknown[] }).results?.length ?? 0 };
    });
    const entry: Entry = { page, at: now };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > pagesPerDb) entries.delete(entries.keys().next().value!);
    page.then(
      (p) => {
        if (p.text.length > maxKeptBytes && entries.get(key) === entry) entries.delete(key);
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return page;
  }

  /** Runs `read` when fewer than {@link concurrentReads} reads are running, in arrival order. */
  private async gated<T>(read: () => Promise<T>): Promise<T> {
    if (this.reading >= concurrentReads) await new Promise<void>((resolve) => this.queued.push(resolve));
    this.reading++;
    try {
      return await read();
    } finally {
      this.reading--;
      this.queued.shift()?.();
    }
  }

  private wake(db: string): void {
    const set = this.waiting.get(db);
    if (!set) return;
    for (const wake of [...set]) wake();
  }
}
