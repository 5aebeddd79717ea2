import type { FeedPage, PageRange, Tail } from './feedPages';
import { derivePage, extendTail } from './feedPages';
import { PageText, feedText } from '../store/storedJson';
import { Wakes } from './wakes';

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
 * together, at most once per interval that grows with its waiters (wakes.ts).
 */

/** A change-feed page, serialised once for everyone who asks for it. */
export interface SharedPage {
  /** The JSON answer with its trailing newline, as UTF-8 chunks (stored bodies as read, storedJson.ts). */
  text: PageText;
  /** Rows in the page (an empty page makes a longpoll wait). */
  count: number;
  /** The rows' document ids, in order (a doorbell answer names its rung collections by them: routes/pulls.ts). */
  ids: readonly string[];
}

/** What a request asks of a database's feed. */
export interface PageRequest extends PageRange {
  /** Every other option (style, include_docs, …), as a string: only equal shapes share. */
  shape: string;
  /**
   * The open database the page is read from. A tail is caught up only for the same one, so a
   * database deleted and created again (a restore) never sees the old one's rows.
   */
  handle: object;
}

type Row = { seq: number; id: string };

/** A page as read, with whether other `since` values may be answered from it (feedPages.ts). */
export interface ReadPage extends FeedPage<Row> {
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
const maxDerivableBytes = 256 * 1024;
/**
 * How much of a database's recent feed its tail keeps: about 1,300 rows of the bench's 750-byte
 * documents, 25 s of writes at 50 a second. A laptop that fell behind (a busy machine, a slow
 * network) then pulls from memory rather than with a read of its own per page, which would cost
 * a LevelDB lookup per row and put it further behind (issue 22: 500 laptops).
 */
const maxTailBytes = 1024 * 1024;
/** Tails kept (one per database and shape), least recently used dropped first: bounds memory. */
const maxTails = 256;
/** What all tails together may hold, least recently used dropped first. */
const maxAllTailsBytes = 64 * 1024 * 1024;
/** Rows a catch-up reads at most; more written since the tail was read means a read of its own. */
const catchUpLimit = 500;

interface Served extends SharedPage {
  /** The rows and the range they cover, kept when other requests may be answered from them. */
  derive?: Derivable;
}

/** Rows that may answer other requests, the range they cover and their JSON size. */
interface Derivable {
  range: PageRange;
  feed: FeedPage<Row>;
  bytes: number;
}

interface KeptTail extends Tail<Row> {
  handle: object;
}

interface Entry {
  request: PageRequest;
  page: Promise<Served>;
  at: number;
  /** Set once it resolved. */
  done?: Served;
}

export class Notifier {
  private readonly wakes: Wakes;
  private readonly pages = new Map<string, Map<string, Entry>>();
  private reading = 0;
  private readonly queued: (() => void)[] = [];
  /** Per database and shape, the widest complete page, caught up after writes (feedPages.ts). */
  private readonly tails = new Map<string, KeptTail>();
  private tailBytes = 0;

  /**
   * @param now the clock (tests move it)
   * @param seqOf a database's current sequence, so that longpolls can be held between wake-ups (wakes.ts)
   */
  constructor(
    private readonly now: () => number = () => Date.now(),
    seqOf?: (db: string) => Promise<number | undefined>,
  ) {
    this.wakes = new Wakes(now, seqOf);
  }

  /** Calls `wake` on the next wake-up of `db` after a change; returns the unsubscribe. */
  subscribe(db: string, wake: () => void): () => void {
    return this.wakes.subscribe(db, wake);
  }

  /**
   * `db` changed: its shared pages are dropped at once (a request arriving after the write's
   * answer must see it), and its waiters are woken together, on the next turn or at the end of
   * the database's interval between wake-ups (wakes.ts).
   */
  notify(db: string): void {
    this.pages.delete(db);
    this.wakes.notify(db);
  }

  /** Whether a longpoll on `db` from `since` waits for the next wake-up though changes are there (wakes.ts). */
  holds(db: string, since: number): boolean {
    return this.wakes.holds(db, since);
  }

  /** Wakes everything (shutdown: longpolls answer at once instead of being cut). */
  notifyAll(): void {
    this.wakes.wakeAll();
  }

  /**
   * The page of `db` for `request`: shared with any request asking the same now or since the last
   * write; else taken from a kept page of the same shape that covers it (feedPages.ts), waiting
   * for one still being read when it may; else from the database's tail, brought up to date by a
   * read of what was written since; else read by `read` and serialised once. Pages are kept per
   * database name, so two databases (and so two tenants) never share one.
   */
  page(db: string, request: PageRequest, read: (range: PageRange) => Promise<ReadPage>): Promise<SharedPage> {
    const now = this.now();
    let byKey = this.pages.get(db);
    if (!byKey) {
      byKey = new Map();
      this.pages.set(db, byKey);
    }
    const entries = byKey;
    const key = JSON.stringify([request.shape, request.since, request.limit ?? null]);
    const hit = entries.get(key);
    // A request that opened the database before it was deleted may still be reading the old one:
    // pages are shared only between requests on the same open database.
    if (hit && hit.request.handle === request.handle && now - hit.at < pageTtlMs) return hit.page;
    let at = now;
    let page: Promise<Served>;
    const source = this.source(entries, request, now);
    const readOwn = (): Promise<Served> => this.gated(() => read(request)).then((p) => serve(p, request));
    const fromSource = (served: Served): Promise<Served> | Served => {
      const derived = served.derive && derivePage(served.derive.feed, served.derive.range, request);
      return derived ? serve({ ...derived, derivable: true }, request) : readOwn();
    };
    if (source?.derived) {
      at = source.entry.at;
      page = Promise.resolve(serve({ ...source.derived, derivable: true }, request));
    } else if (source) {
      // Still being read: its answer probably covers this one; if not, read after all.
      page = source.entry.page.then(fromSource, () => readOwn());
    } else {
      const tail = this.tails.get(db + '\0' + request.shape);
      const usable = tail && tail.handle === request.handle && tail.since <= request.since;
      page = usable ? this.catchUp(db, entries, tail, request, read).then(fromSource, () => readOwn()) : readOwn();
    }
    const entry: Entry = { request, page, at };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > pagesPerDb) entries.delete(entries.keys().next().value!);
    page.then(
      (served) => {
        if (served.derive) this.offerTail(db, request, served.derive);
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
   * `tail` with what was written since it was read, as a page being read that requests of the
   * same shape wait for (under a key no request asks for, since it has no text of its own).
   */
  private catchUp(db: string, entries: Map<string, Entry>, tail: KeptTail, request: PageRequest, read: (range: PageRange) => Promise<ReadPage>): Promise<Served> {
    const page = this.gated(() => read({ since: tail.feed.last_seq, limit: catchUpLimit })).then((delta): Served => {
      // A long backlog, or a page PouchDB read: the tail cannot be extended by it.
      if (!delta.derivable || delta.results.length >= catchUpLimit) return { text: PageText.empty, count: 0, ids: [] };
      const next = extendTail(tail, delta, feedText({ results: delta.results, last_seq: delta.last_seq }).length, maxTailBytes);
      const range = { since: next.since, limit: undefined };
      this.keepTail(db, request.shape, { ...next, handle: tail.handle }, tail);
      return { text: PageText.empty, count: next.feed.results.length, ids: [], derive: { range, feed: next.feed, bytes: next.bytes } };
    });
    const entry: Entry = { request: { ...request, since: tail.since, limit: undefined }, page, at: this.now() };
    const key = JSON.stringify(['tail', request.shape]);
    entries.set(key, entry);
    page.then(
      (served) => void (entry.done = served),
      () => entries.get(key) === entry && entries.delete(key),
    );
    return page;
  }

  /** A complete page read for `request` may become its database's tail (the widest, newest one). */
  private offerTail(db: string, request: PageRequest, derive: Derivable): void {
    const { range, feed, bytes } = derive;
    if (range.limit !== undefined && range.limit > 0 && feed.results.length >= range.limit) return;
    const current = this.tails.get(db + '\0' + request.shape);
    const wider = !current || current.handle !== request.handle || (range.since <= current.since && feed.last_seq >= current.feed.last_seq);
    if (!wider) return;
    this.keepTail(db, request.shape, { since: range.since, feed, bytes, handle: request.handle }, current);
  }

  private keepTail(db: string, shape: string, tail: KeptTail, replacing: KeptTail | undefined): void {
    const key = db + '\0' + shape;
    const current = this.tails.get(key);
    // Two catch-ups of one tail may end in either order: the one that knows more stays.
    if (current && current !== replacing && current.handle === tail.handle && current.feed.last_seq > tail.feed.last_seq) return;
    if (current) this.tailBytes -= current.bytes;
    this.tails.delete(key);
    this.tails.set(key, tail);
    this.tailBytes += tail.bytes;
    while (this.tails.size > maxTails || (this.tailBytes > maxAllTailsBytes && this.tails.size > 1)) {
      const [oldest, dropped] = this.tails.entries().next().value!;
      this.tails.delete(oldest);
      this.tailBytes -= dropped.bytes;
    }
  }

  /**
   * A kept page that answers `request`: a read one whose rows give the answer now, else the one
   * being read most likely to cover it (no limit first: it reads to the end; then the nearest
   * `since` at or below), else none.
   */
  private source(entries: Map<string, Entry>, request: PageRequest, now: number): { entry: Entry; derived?: FeedPage<Row> } | undefined {
    let pending: Entry | undefined;
    for (const entry of entries.values()) {
      const alike = entry.request.shape === request.shape && entry.request.handle === request.handle;
      if (!alike || now - entry.at >= pageTtlMs || entry.request.since > request.since) continue;
      if (entry.done) {
        const derived = entry.done.derive && derivePage(entry.done.derive.feed, entry.done.derive.range, request);
        if (derived) return { entry, derived };
      } else if (!pending || better(entry.request, pending.request)) pending = entry;
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
}

/** Serialises a page once (stored bodies spliced in as text); keeps its rows when other requests may be answered from them. */
function serve(read: ReadPage, range: PageRange): Served {
  const feed = { results: read.results, last_seq: read.last_seq };
  const text = feedText(feed);
  const derivable = read.derivable && text.length <= maxDerivableBytes;
  return { text, count: read.results.length, ids: read.results.map((row) => row.id), ...(derivable ? { derive: { range: { since: range.since, limit: range.limit }, feed, bytes: text.length } } : {}) };
}

/** Of two pages being read, whether `a` more likely covers a later `since` than `b`. */
function better(a: PageRange, b: PageRange): boolean {
  const open = (r: PageRange): boolean => r.limit === undefined || r.limit <= 0;
  if (open(a) !== open(b)) return open(a);
  return a.since > b.since;
}
