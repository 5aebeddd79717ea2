import type { FeedPage, PageRange } from './feedPages';
import { derivePage } from './feedPages';

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

/** What a request asks of a database's feed. */
export interface PageRequest extends PageRange {
  /** Every other option (style, include_docs, …), as a string: only equal shapes share. */
  shape: string;
}

/** A page as read, with whether other `since` values may be answered from it (feedPages.ts). */
export interface ReadPage extends FeedPage {
  derivable: boolean;
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
/**
 * Rows are kept (to answer other `since` values) only for pages up to this size: the pages woken
 * longpolls and doorbell pulls ask for are small, while an initial pull's large pages are each
 * asked for once and would only hold memory.
 */
const maxDerivableBytes = 512 * 1024;

interface Served extends SharedPage {
  /** The rows, kept when other requests may be answered from them. */
  feed?: FeedPage;
}

interface Entry {
  request: PageRequest;
  page: Promise<Served>;
  at: number;
  /** Set once it resolved. */
  done?: Served;
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
   * The page of `db` for `request`: shared with any request asking the same now or since the last
   * write; else taken from a kept page of the same shape that covers it (feedPages.ts), waiting
   * for one still being read when it may; else read by `read` and serialised once. Pages are kept
   * per database name, so two databases (and so two tenants) never share one.
   */
  page(db: string, request: PageRequest, read: () => Promise<ReadPage>): Promise<SharedPage> {
    const now = this.now();
    let byKey = this.pages.get(db);
    if (!byKey) {
      byKey = new Map();
      this.pages.set(db, byKey);
    }
    const entries = byKey;
    const key = JSON.stringify([request.shape, request.since, request.limit ?? null]);
    const hit = entries.get(key);
    if (hit && now - hit.at < pageTtlMs) return hit.page;
    let at = now;
    let page: Promise<Served>;
    const source = this.source(entries, request, now);
    const readOwn = (): Promise<Served> => this.gated(read).then(serve);
    if (source?.derived) {
      at = source.entry.at;
      page = Promise.resolve(serve({ ...source.derived, derivable: true }));
    } else if (source) {
      // Still being read: its answer probably covers this one; if not, read after all.
      const from = source.entry;
      page = from.page.then(
        (served) => {
          const derived = served.feed && derivePage(served.feed, from.request, request);
          return derived ? serve({ ...derived, derivable: true }) : readOwn();
        },
        () => readOwn(),
      );
    } else page = readOwn();
    const entry: Entry = { request, page, at };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > pagesPerDb) entries.delete(entries.keys().next().value!);
    page.then(
      (served) => {
        if (entries.get(key) !== entry) return;
        if (served.text.length > maxKeptBytes) entries.delete(key);
        else entry.done = served;
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return page;
  }

  /**
   * A kept page that answers `request`: a read one whose rows give the answer now, else the one
   * being read from the nearest `since` at or below it (most likely to cover it), else none.
   */
  private source(entries: Map<string, Entry>, request: PageRequest, now: number): { entry: Entry; derived?: FeedPage } | undefined {
    let pending: Entry | undefined;
    for (const entry of entries.values()) {
      if (now - entry.at >= pageTtlMs || entry.request.shape !== request.shape || entry.request.since > request.since) continue;
      if (entry.done) {
        const derived = entry.done.feed && derivePage(entry.done.feed, entry.request, request);
        if (derived) return { entry, derived };
      } else if (!pending || entry.request.since > pending.request.since) pending = entry;
    }
    return pending && { entry: pending };
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

/** Serialises a page once; keeps its rows when other requests may be answered from them. */
function serve(read: ReadPage): Served {
  const feed = { results: read.results, last_seq: read.last_seq };
  const text = JSON.stringify(feed) + '\n';
  return { text, count: read.results.length, ...(read.derivable && text.length <= maxDerivableBytes ? { feed } : {}) };
}
