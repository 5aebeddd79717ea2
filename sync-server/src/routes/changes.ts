import { CouchError, badRequest, dbNotFound, sendJsonText } from '../http/errors';
import { isObject } from '../http/body';
import type { Ctx, Reply, Route } from '../http/context';
import type { PageRequest, ReadPage, SharedPage } from '../http/notifier';
import type { RawLevel } from '../store/feed';
import { canReadFast, readChanges } from '../store/feed';
import type { FeedRow } from '../store/feed';
import type { PouchDatabase } from '../store/pouch';
import { openDb } from './access';
import { parsePulls, withPages } from './pulls';
import { boolParam, checkInt, intParam, jsonParam, sinceParam } from './query';

/**
 * GET/POST /{db}/_changes, feeds `normal` and `longpoll`. `limit` is honoured exactly (0 means 1,
 * as in CouchDB). A longpoll with nothing new waits for the next write (woken by the notifier)
 * and writes a newline every `heartbeat` ms meanwhile, so a client can tell a quiet feed from a
 * dead connection. CouchDB lets a heartbeat override `timeout` and wait forever; here the wait is
 * capped (`timeout`, else 60 s, else with a heartbeat 10 min) and ends with an empty answer,
 * which every client treats as "poll again".
 */

const defaultTimeoutMs = 60_000;
const heartbeatCapMs = 10 * 60_000;

export interface ChangesOptions {
  since: number;
  limit: number | undefined;
  include_docs: boolean;
  conflicts: boolean;
  style: 'main_only' | 'all_docs';
  doc_ids: string[] | undefined;
}

/** The `_changes` route. */
export const changes: Route = async (ctx) => {
  const name = ctx.params.db ?? '';
  const db = await openDb(ctx, name, 'read');
  const q = ctx.query;
  const body = ctx.req.method === 'POST' ? await ctx.json() : {};
  if (!isObject(body)) throw badRequest('Request body must be a JSON object.');
  const feed = q.get('feed') ?? 'normal';
  if (feed !== 'normal' && feed !== 'longpoll') throw badRequest(`The "${feed}" feed is not offered; use normal or longpoll.`);
  const style = q.get('style') ?? 'main_only';
  if (style !== 'main_only' && style !== 'all_docs') throw badRequest('`style` must be main_only or all_docs.');
  const filter = q.get('filter');
  if (filter !== null && filter !== '_doc_ids') await refuseFilter(db, filter);
  const docIds = filter === '_doc_ids' ? parseDocIds(body.doc_ids ?? jsonParam(q, 'doc_ids')) : undefined;
  const since = sinceParam(q.get('since') ?? body.since ?? undefined);
  const limit = intParam(q, 'limit');
  // `heartbeat=true` means CouchDB's default interval.
  const heartbeat = !q.has('heartbeat') ? undefined : q.get('heartbeat') === 'true' ? 60_000 : checkInt(q.get('heartbeat'), 'heartbeat');
  const timeout = intParam(q, 'timeout', 24 * 3600_000);
  const opts: ChangesOptions = {
    since: since === 'now' ? Number((await db.info()).update_seq) : since,
    limit: limit === 0 ? 1 : limit,
    include_docs: boolParam(q, 'include_docs'),
    conflicts: boolParam(q, 'conflicts'),
    style,
    doc_ids: docIds,
  };
  // Our doorbell only: the pages the laptop's pulls would fetch, carried in the answer (pulls.ts).
  const pulls = parsePulls(q, name);
  const read = () => sharedPage(ctx, name, db, opts);
  const answer = async (page: SharedPage): Promise<Reply> => ({ status: 200, body: undefined, text: pulls ? await withPages(ctx, name, page, pulls) : page.text.chunks });
  if (feed === 'normal') return await answer(await read());
  // Subscribe before the first read, so a write landing between the read and the wait still wakes us.
  let changed = false;
  let wake = (): void => {
    changed = true;
  };
  const unsubscribe = ctx.deps.notifier.subscribe(name, () => wake());
  try {
    // Changes that came after the database's last wake-up wait for its next one (http/wakes.ts).
    if (!ctx.deps.notifier.holds(name, opts.since)) {
      const first = await read();
      if (first.count > 0) return await answer(first);
    }
    const waitMs = timeout ?? (heartbeat !== undefined ? heartbeatCapMs : defaultTimeoutMs);
    if (!changed) {
      const closed = await waitForWake(ctx, waitMs, heartbeat, (fn) => (wake = fn));
      if (closed) return undefined;
    }
    // Woken by a write, by the timeout or by shutdown: answer whatever is there, empty included.
    if (ctx.res.headersSent && (await ctx.deps.store.open(name)) !== db) {
      // Heartbeats already promised a 200: end the page empty; the next poll gets the 404.
      ctx.res.end(JSON.stringify({ results: [], last_seq: opts.since }) + '\n');
      return undefined;
    }
    const page = await read();
    if (!ctx.res.headersSent) return await answer(page);
    sendJsonText(ctx.res, 200, pulls ? await withPages(ctx, name, page, pulls) : page.text.chunks);
    return undefined;
  } finally {
    unsubscribe();
  }
};

/**
 * The page of `name`'s feed for `opts`, shared with every request asking the same or covered by
 * one (http/notifier.ts). A database deleted while a request reads or waits on it answers like a
 * missing one (its PouchDB handle is closed: reading it threw "cannot call iterator() before open()").
 */
export async function sharedPage(ctx: Ctx, name: string, db: PouchDatabase, opts: ChangesOptions): Promise<SharedPage> {
  const raw = ctx.deps.store.raw(name);
  const gone = async (): Promise<boolean> => (await ctx.deps.store.open(name)) !== db;
  const shape = JSON.stringify([opts.include_docs, opts.conflicts, opts.style, opts.doc_ids]);
  const request: PageRequest = { since: opts.since, limit: opts.limit, shape, handle: db };
  if (await gone()) throw dbNotFound();
  try {
    return await ctx.deps.notifier.page(name, request, (range) => readFeed(db, raw, { ...opts, ...range }));
  } catch (thrown) {
    if (await gone()) throw dbNotFound();
    throw thrown;
  }
}

/**
 * Reads a page: straight from the store when the options allow (feed.ts, bodies kept as their
 * stored text), else through PouchDB. Only the first kind may answer other `since` values
 * (http/feedPages.ts follows its rules).
 */
export async function readFeed(db: PouchDatabase, raw: RawLevel | undefined, opts: ChangesOptions): Promise<ReadPage & { results: FeedRow[] }> {
  if (raw && canReadFast(opts)) {
    const fast = await readChanges(raw, { ...opts, asText: true });
    if (fast) return { ...fast, derivable: true };
  }
  const args: Record<string, unknown> = { since: opts.since, include_docs: opts.include_docs, style: opts.style, return_docs: true };
  if (opts.limit !== undefined) args.limit = opts.limit;
  if (opts.conflicts) args.conflicts = true;
  if (opts.doc_ids) args.doc_ids = opts.doc_ids;
  const answer = await db.changes(args);
  return { results: answer.results, last_seq: answer.last_seq ?? opts.since, derivable: false };
}

/** Waits for a wake-up, the timeout or the client leaving (true), sending heartbeats meanwhile. */
function waitForWake(ctx: Ctx, waitMs: number, heartbeat: number | undefined, setWake: (fn: () => void) => void): Promise<boolean> {
  const { res } = ctx;
  return new Promise<boolean>((resolve) => {
    let beat: ReturnType<typeof setInterval> | undefined;
    const done = (closed: boolean): void => {
      clearTimeout(timer);
      if (beat) clearInterval(beat);
      res.off('close', onClose);
      resolve(closed);
    };
    const onClose = (): void => done(true);
    const timer = setTimeout(() => done(false), waitMs);
    if (heartbeat !== undefined) {
      // Headers go out now so heartbeats can follow; the JSON comes last.
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'must-revalidate', ...ctx.headers });
      beat = setInterval(() => res.write('\n'), Math.max(heartbeat, 1000));
    }
    res.once('close', onClose);
    setWake(() => done(false));
  });
}

function parseDocIds(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw badRequest('`doc_ids` must be a JSON array of ids.');
  return value;
}

/**
 * Filters other than `_doc_ids` are not run here. CouchDB's answers are kept where a client tells
 * them apart: a filter whose design document or function does not exist is 404 (PouchDB's
 * replicator reports it as such), a malformed name 400, an existing filter 400 "not offered".
 */
async function refuseFilter(db: PouchDatabase, filter: string): Promise<never> {
  if (filter.startsWith('_')) throw badRequest(`The ${filter.slice(0, 40)} filter is not offered; only _doc_ids is.`);
  const slash = filter.indexOf('/');
  if (slash <= 0 || slash === filter.length - 1) throw badRequest('`filter` must be of the form designname/filtername.');
  const design = (await db.get(`_design/${filter.slice(0, slash)}`).catch(() => undefined)) as { filters?: Record<string, unknown> } | undefined;
  if (!design) throw new CouchError(404, 'not_found', 'missing');
  if (typeof design.filters?.[filter.slice(slash + 1)] !== 'string') throw new CouchError(404, 'not_found', 'missing json key: ' + filter.slice(slash + 1).slice(0, 100));
  throw badRequest('Filter functions are not run by this server; use _doc_ids or replicate the whole database.');
}
