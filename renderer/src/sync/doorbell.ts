import type { SyncFetch } from '../../../common/sync/fetch';

/** Options of the doorbell. */
export interface DoorbellOptions {
  /** The tenant's doorbell database URL, ending in `/`. */
  url: string;
  fetch: SyncFetch;
  /** This laptop's id: its own rings are ignored. */
  clientId: string;
  /**
   * Called with a collection another laptop wrote to and, from our server, the collection's feed
   * position when the ring was written (a pull that reached it already has the write). A promise
   * returned is the pull it started: the doorbell polls again when those pulls are done (or after
   * `ringWaitMs`), so a laptop does not ring-and-pull again while its pulls are still under way.
   */
  onRing(collection: string, upTo?: RingPosition, page?: EmbeddedPage): void | Promise<unknown>;
  /**
   * Our server only: the first page each collection's next pull would fetch. The doorbell names
   * them in its longpoll (`cx_pull`), and the answer carries the pages of the collections it rings
   * (sync-server/src/routes/pulls.ts), handed to `onRing`. Never sent to any other server.
   */
  nextPulls?(): PullAsk[];
  /** The longest the doorbell waits for the pulls of one answer before polling again (default 5 s). */
  ringWaitMs?: number;
  /** Called after the watch (re)connects, since rings may have been missed meanwhile. */
  onReconnect(): void;
  /** Called when the watch fails, with the error. */
  onError(error: unknown): void;
}

/** Where the rung collection's feed stood when the ring was written (our server's `cx_seq`/`cx_epoch`). */
export interface RingPosition { seq: string | number; epoch?: string }

/** A collection's next pull: where it starts, its page size, and its `_changes` query. */
export interface PullAsk { collection: string; since: string; limit: number; query: string }

/** The page a pull asked for (`since`, `limit`) as our server's doorbell answer carried it (parsed JSON). */
export interface EmbeddedPage { since: string; limit: number; body: unknown }

/**
 * One longpoll per tenant instead of one per collection: browsers allow six HTTP/1.1 connections
 * per host, so a live `_changes` per collection would stall the app. After pushing, a laptop
 * updates its own `<collection>~<clientId>` document in the tenant's doorbell database; every other
 * laptop's single longpoll on that database sees it and re-syncs just that collection. Plain
 * CouchDB documents, so it works the same against Apache CouchDB. Our server also writes the
 * collection's feed position into each ring (sync-server/src/routes/ring.ts), so a laptop whose
 * pull already reached it can skip the pull; CouchDB's rings carry none and are always pulled.
 */
export function startDoorbell(options: DoorbellOptions): { ring(collection: string): void; stop(): void } {
  let stopped = false;
  let controller = new AbortController();
  const revs = new Map<string, string>();
  const pending = new Set<string>();
  let windowTimer: ReturnType<typeof setTimeout> | undefined;

  function openWindow(): void {
    windowTimer = setTimeout(() => {
      windowTimer = undefined;
      if (pending.size === 0) return;
      const collections = [...pending];
      pending.clear();
      for (const c of collections) void put(c);
      openWindow();
    }, 150);
  }

  async function watch(): Promise<void> {
    let since = '0';
    let failures = 0;
    let connected = false;
    let ours = false;
    while (!stopped) {
      try {
        if (!connected) {
          // Start from the database's current sequence, not "now": a ring between this request
          // and the first longpoll would otherwise be missed. Then re-check every collection,
          // since rings may have been missed while disconnected.
          const info = await options.fetch(options.url, { signal: controller.signal });
          const state = (await info.json()) as { update_seq: string | number; cx_epoch?: unknown };
          since = String(state.update_seq);
          // Only our server stamps database info with an epoch: only it is sent `cx_pull`.
          ours = typeof state.cx_epoch === 'string';
          connected = true;
          options.onReconnect();
        }
        const query = new URLSearchParams({ feed: 'longpoll', since, heartbeat: '20000', timeout: '55000', include_docs: 'true' });
        const asks = new Map((ours ? (options.nextPulls?.() ?? []) : []).map((ask) => [ask.collection, ask]));
        for (const ask of asks.values()) query.append('cx_pull', `${ask.collection}?${ask.query}`);
        const response = await options.fetch(`${options.url}_changes?${query}`, { signal: controller.signal });
        const body = (await response.json()) as { results?: RingRow[]; last_seq: string | number; cx_pages?: Record<string, unknown> };
        failures = 0;
        since = String(body.last_seq);
        const pulls: Promise<unknown>[] = [];
        for (const row of body.results ?? []) {
          const [collection, client] = row.id.split('~');
          if (!collection || client === options.clientId) continue;
          const ask = asks.get(collection);
          const carried = ask && body.cx_pages && Object.hasOwn(body.cx_pages, collection) ? body.cx_pages[collection] : undefined;
          const pull = options.onRing(collection, positionOf(row), carried !== undefined && ask ? { since: ask.since, limit: ask.limit, body: carried } : undefined);
          if (pull) pulls.push(pull);
        }
        // Rings written meanwhile are not missed: the next poll starts from this answer's last_seq.
        if (pulls.length > 0) await settledWithin(pulls, options.ringWaitMs ?? 5000, controller.signal);
      } catch (error) {
        if (stopped) return;
        connected = false;
        failures += 1;
        options.onError(error);
        // Back off 1 s, 2 s, 4 s … up to 30 s: a server that is down gets no request storm.
        await sleep(Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5)));
        controller = new AbortController();
      }
    }
  }

  async function put(collection: string): Promise<void> {
    const id = `${collection}~${options.clientId}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const rev = revs.get(id);
      try {
        const response = await options.fetch(`${options.url}${encodeURIComponent(id)}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...(rev ? { _rev: rev } : {}), at: Date.now() }),
        });
        revs.set(id, ((await response.json()) as { rev: string }).rev);
        return;
      } catch {
        // A 409 means our remembered rev is stale (first ring after a restart): learn it, retry once.
        try {
          const current = await options.fetch(`${options.url}${encodeURIComponent(id)}`);
          revs.set(id, ((await current.json()) as { _rev: string })._rev);
        } catch {
          revs.delete(id);
        }
      }
    }
  }

  void watch();
  return {
    ring(collection) {
      // The first ring goes out at once (live latency); a burst of pushes after it rings once per
      // collection at the end of a 150 ms window instead of once per batch.
      if (windowTimer === undefined) {
        void put(collection);
        openWindow();
        return;
      }
      pending.add(collection);
    },
    stop() {
      stopped = true;
      controller.abort();
      if (windowTimer !== undefined) clearTimeout(windowTimer);
    },
  };
}

/** Waits for every promise to settle, at most `ms`, and no longer once `signal` aborts. */
function settledWithin(promises: Promise<unknown>[], ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    void Promise.allSettled(promises).then(done);
  });
}

interface RingRow { id: string; doc?: { cx_seq?: unknown; cx_epoch?: unknown } }

/** The position a ring carries, when it carries a well-formed one. */
function positionOf(row: RingRow): RingPosition | undefined {
  const seq = row.doc?.cx_seq;
  if (typeof seq !== 'number' && typeof seq !== 'string') return undefined;
  const epoch = row.doc?.cx_epoch;
  return { seq, ...(typeof epoch === 'string' ? { epoch } : {}) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
