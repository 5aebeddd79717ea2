import type { WithDeleted } from 'rxdb/plugins/core';
import { migrations } from '../../../common/db/migrations';
import type { CollectionName } from '../../../common/db/collections';
import type { SyncFetch } from '../../../common/sync/fetch';

/** A document the server holds that a newer app version wrote: kept aside, never applied here. */
export interface NewerDocument { collection: string; id: string; version: number }

/** A server copy the push found on top of one of this laptop's own writes, with that write as the merge base. */
export interface AgreedBase { id: string; remote: Doc; base: Doc }

/** What the handlers need to know about one collection's replication. */
export interface CouchTarget {
  /** Database URL ending in `/`, e.g. `https://sync.example/acme-personas/`. */
  url: string;
  collection: string;
  /** The collection's schema version here; documents stamped higher are kept aside. */
  schemaVersion: number;
  fetch: SyncFetch;
  /**
   * Stamped into every document this laptop writes ({@link writerField}), so a retry whose first
   * attempt the server applied without the answer arriving recognises the server's copy as its own
   * earlier write instead of a teammate's edit. Stable for the laptop's local database.
   */
  writerId: string;
  onNewer(doc: NewerDocument): void;
  /** A document the server refused for good (bad id, too large, not allowed): reported, not retried. */
  onRefused(doc: { collection: string; id: string; reason: string }): void;
  /** A conflict whose right merge base is not RxDB's assumed master (see couchPush.ts). */
  onAgreedBase?(found: AgreedBase): void;
  /** Largest `_bulk_docs` body in bytes of JSON; a 413 halves it for the rest of the push. */
  maxPushBytes?: number;
  /**
   * A pulled document whose winner has conflicting leaves on the server (`_conflicts`): settles
   * them (serverConflicts.ts) and returns what the laptop should hold, or null to skip it now.
   */
  settleConflicts?(couch: Record<string, unknown>): Promise<Doc | null>;
}

/** The field each pushed document carries with the schema version that wrote it. */
export const versionField = 'cx_schema';
/** The field each pushed document carries with the writer id of the laptop that wrote it. */
export const writerField = 'cx_by';

/** A document as RxDB's replication sees it. */
export type Doc = WithDeleted<{ id: string }> & Record<string, unknown>;

/**
 * Ids the app owns: the schemas' id rule. Anything else in a database (a `_design/` document that
 * provisioning puts there, a document another tool wrote) is skipped by pulls, never handed to
 * the schema, where one refusal would stop the whole collection's sync.
 */
export const ownedId = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Couch document → RxDB document data, or null (with a report) when a newer schema wrote it. */
export function fromCouch(target: CouchTarget, couch: Record<string, unknown>): Doc | null {
  const { _id, _rev: _r, _revisions: _v, _conflicts: _c, [versionField]: version, [writerField]: _w, ...rest } = couch;
  if (typeof version === 'number' && version > target.schemaVersion) {
    target.onNewer({ collection: target.collection, id: String(_id), version });
    return null;
  }
  // A teammate on an older app version wrote it: bring it up to this schema with the same steps
  // the local database's own migration takes, so the pull never hands RxDB an invalid document.
  // Only a document stamped with an older version is migrated: one without a stamp (another tool
  // wrote it) is taken as it is, as before.
  let data: Record<string, unknown> | null = rest;
  const steps = migrations[target.collection as CollectionName] ?? {};
  const from = typeof version === 'number' ? version : target.schemaVersion;
  for (let v = from + 1; v <= target.schemaVersion && data; v++) {
    const step = steps[v];
    if (step) data = step(data);
  }
  if (!data) return null;
  return { ...data, id: String(_id), _deleted: couch._deleted === true } as Doc;
}

/** RxDB document data → the Couch document this laptop writes. */
export function toCouch(target: CouchTarget, doc: Doc, rev: string | undefined): Record<string, unknown> {
  const { id, _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc as Record<string, unknown>;
  return { ...rest, _id: id, ...(rev ? { _rev: rev } : {}), [versionField]: target.schemaVersion, [writerField]: target.writerId };
}

interface ChangeRow { id?: string; doc?: Record<string, unknown> }

/**
 * Feed JSON one page aims at. Pages of large documents get fewer rows (200 KB documents: 20 a page,
 * not 500 in one 100 MB answer), so the server reads the next page while this laptop parses and
 * stores the last one (issue 20 bench: the server and the laptop took turns, each idle half the time).
 */
const pageBytes = 4 * 1024 * 1024;
/** A page this large has the next one asked for as soon as it arrived, before it is parsed. */
const readAheadBytes = 256 * 1024;
/** A page read ahead and not taken within this long is read again (it may be stale). */
const readAheadMs = 5_000;
/** Rows asked for before this feed's row size is known. */
const firstPageRows = 100;
/**
 * The most rows a page of small documents carries. A page's rows all go to RxDB as one batch, even
 * past its batch size (RxDB only takes a batch with fewer rows than its size as "caught up"), so
 * 100k small documents are stored in batches of 2,000, not 500: every batch costs RxDB a lookup,
 * checkpoint and meta writes, and RxDB's memory storage rebuilds each index array per batch (issue
 * 20 bench, 100k small personas: client CPU 0.10 → 0.06 ms per document). Bounded so one page's
 * parse and schema checks stay a few tens of milliseconds on the app's main thread.
 */
const maxPageRows = 2000;

interface PageAhead { since: string; at: number; limit: number; text: Promise<string> }
/** A page the doorbell's answer carried for this collection (our server only: doorbell.ts). */
interface PageGiven { since: string; at: number; limit: number; text: string }
/** What a collection's pulls learned about its feed: row size, the next page if read ahead, a page given. */
interface FeedState { rowChars?: number; ahead?: PageAhead; given?: PageGiven }
const feeds = new WeakMap<CouchTarget, FeedState>();
const stateOf = (target: CouchTarget): FeedState => {
  const state = feeds.get(target) ?? {};
  feeds.set(target, state);
  return state;
};

/** The `_changes` query of a pull's page (the doorbell names it to our server: doorbell.ts). */
function pageQuery(since: string | number, limit: number): URLSearchParams {
  // `conflicts`: a winner with losing leaves on the server says so, and is settled below.
  return new URLSearchParams({ style: 'all_docs', include_docs: 'true', conflicts: 'true', since: String(since), limit: String(limit) });
}

function readPage(target: CouchTarget, since: string | number, limit: number): Promise<string> {
  const query = pageQuery(since, limit);
  query.set('feed', 'normal');
  return target.fetch(`${target.url}_changes?${query}`).then((response) => response.text());
}

/**
 * Rows a page asks for when the batch still needs `want`: about 4 MB of rows once the row size is
 * known (up to maxPageRows); before, what the batch needs, up to 100.
 */
function firstRows(state: FeedState, want: number): number {
  return Math.max(1, state.rowChars ? Math.min(maxPageRows, Math.floor(pageBytes / state.rowChars)) : Math.min(want, firstPageRows));
}

/** The first page a pull of `size` documents from `since` would fetch: its `since`, `limit` and `_changes` query. */
export function nextPage(target: CouchTarget, since: string | number, size: number): { since: string; limit: number; query: string } {
  const limit = firstRows(stateOf(target), size);
  return { since: String(since), limit, query: pageQuery(since, limit).toString() };
}

/**
 * A page of this collection's feed from `since` with `limit` rows at most, as the server answered
 * it elsewhere (the doorbell's answer, our server only). The next pull takes it instead of fetching
 * its first page when it starts at the same `since` and asks for the same `limit` within
 * {@link readAheadMs}; otherwise it is dropped and the pull fetches as always.
 */
export function offerPage(target: CouchTarget, page: { since: string; limit: number; body: unknown }): void {
  stateOf(target).given = { since: page.since, limit: page.limit, at: Date.now(), text: JSON.stringify(page.body) };
}

/**
 * The `last_seq` of a page's text, read from its end without parsing it (CouchDB and this server
 * write it after the results). Only a guess for reading ahead: the parsed page confirms it.
 */
function lastSeqOf(text: string): string | undefined {
  const tail = text.slice(-4096);
  let found: string | undefined;
  for (const match of tail.matchAll(/"last_seq"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/g)) found = match[1];
  if (found === undefined) return undefined;
  try {
    return String(JSON.parse(found));
  } catch {
    return undefined;
  }
}

/**
 * The page after `since` and the rows it asked for: the one the doorbell brought or the one read
 * ahead when it starts there, asks the same and is fresh, else read now.
 */
async function takePage(target: CouchTarget, state: FeedState, since: string | number, limit: number): Promise<{ text: string; limit: number }> {
  const given = state.given;
  state.given = undefined;
  if (given && given.since === String(since) && given.limit === limit && Date.now() - given.at < readAheadMs) return { text: given.text, limit };
  const ahead = state.ahead;
  state.ahead = undefined;
  if (ahead && ahead.since === String(since) && Date.now() - ahead.at < readAheadMs) {
    const text = await ahead.text.catch(() => undefined);
    if (text !== undefined) return { text, limit: ahead.limit };
  }
  return { text: await readPage(target, since, limit), limit };
}

/**
 * Pulls one batch of changes after a checkpoint (`_changes`, normal feed: never a longpoll), in
 * pages sized by bytes, the next page asked for while the last is parsed. A batch holds at least
 * `limit` documents unless the feed ends, and all of its last page: more than `limit` when the
 * documents are small (see maxPageRows). Rows the app does not
 * own are skipped; when skipping leaves the batch short while the feed has more, the next page is
 * read at once, because RxDB takes a short batch as "caught up".
 */
export async function pullBatch(target: CouchTarget, since: string | number, limit: number) {
  const state = stateOf(target);
  const documents: Doc[] = [];
  let checkpoint = since;
  const rowsFor = (want: number) => firstRows(state, want);
  // Bounded: a database full of foreign documents costs a few pages per pull, never a spin.
  for (let fruitless = 0; fruitless < 20; ) {
    const { text, limit: want } = await takePage(target, state, checkpoint, rowsFor(limit - documents.length));
    const next = text.length >= readAheadBytes ? lastSeqOf(text) : undefined;
    if (next !== undefined && next !== String(checkpoint)) {
      const rows = rowsFor(limit);
      const ahead: PageAhead = { since: next, at: Date.now(), limit: rows, text: readPage(target, next, rows) };
      ahead.text.catch(() => undefined); // taken later or dropped; a failure then reads again
      state.ahead = ahead;
    }
    const body = JSON.parse(text) as { results?: ChangeRow[]; last_seq: string | number };
    if (!Array.isArray(body.results)) throw new Error(`The server's change feed for ${target.collection} was not understood.`);
    if (state.ahead && state.ahead.since !== String(body.last_seq)) state.ahead = undefined;
    if (body.results.length > 0) state.rowChars = text.length / body.results.length;
    const before = documents.length;
    for (const row of body.results) {
      if (!row.doc || !ownedId.test(String(row.doc._id ?? row.id))) continue;
      const conflicted = Array.isArray(row.doc._conflicts) && row.doc._conflicts.length > 0 && target.settleConflicts;
      const doc = conflicted ? await target.settleConflicts!(row.doc) : fromCouch(target, row.doc);
      if (doc) documents.push(doc);
    }
    checkpoint = body.last_seq;
    if (body.results.length < want || documents.length >= limit) break;
    fruitless = documents.length > before ? 0 : fruitless + 1;
  }
  return { documents, checkpoint: { sequence: checkpoint } };
}
