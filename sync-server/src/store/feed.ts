import { createRequire } from 'node:module';
import type { ChangeRow, Doc } from './pouch';
import { inReadSlot } from './readSlots';
import { StoredJson, topFields } from './storedJson';

/**
 * A fast reader of the `_changes` feed straight from the LevelDB (or memdown) store under a PouchDB
 * database, for the shape every puller asks (`style`, `include_docs`, `conflicts`, `limit`, no
 * filter). PouchDB's own `changes()` walks the same two key ranges, but one document at a
 * time through object streams, a sublevel codec, a deep clone of the options and a metadata
 * lookup that waits for the previous one: on a 10k-document pull that machinery costs more than
 * the data. Here a page is one iterator read of the by-sequence range plus all of its metadata
 * lookups at once (concurrent on LevelDB's thread pool). The rules are PouchDB 9's own
 * (pouchdb-adapter-leveldb-core `_changes`, pouchdb-core `processChange`, pouchdb-utils
 * `filterChange`), with PouchDB's own merge functions; `feed.test.ts` checks the answers against
 * PouchDB's `changes()` on random histories. Anything else (doc_ids, attachments) goes to PouchDB.
 * `conflicts` is answered here because every app pull asks for it (issue 20: conflicting leaves on
 * the server must reach the app), and PouchDB's path is several times slower on a large pull.
 *
 * The key layout is PouchDB's (sublevel-pouchdb): `ÿ<store>ÿ<key>`, values JSON text;
 * by-sequence keys are the sequence zero-padded to 16 digits. It is pinned by the test above, so
 * a PouchDB upgrade that changes it fails a test instead of serving a wrong feed.
 */

/** The abstract-leveldown surface the reader uses (memdown 1 and leveldown 6 both have it; `getMany` only leveldown). */
export interface RawLevel {
  get(key: string, options: { asBuffer: false }, callback: (error: Error | null | undefined, value?: string) => void): void;
  get(key: string, options: { asBuffer: true }, callback: (error: Error | null | undefined, value?: Buffer) => void): void;
  getMany?(keys: string[], options: { asBuffer: false }, callback: (error: Error | null | undefined, values?: (string | undefined)[]) => void): void;
  iterator(options: { gt: string; lt: string; limit: number; keyAsBuffer: false; valueAsBuffer: true }): RawIterator;
}

interface RawIterator {
  next(callback: (error: Error | null | undefined, key?: string, value?: Buffer) => void): void;
  end(callback: (error?: Error | null) => void): void;
}

/** PouchDB's per-document record in the document store. */
interface Metadata {
  id: string;
  rev_tree: unknown;
  rev_map: Record<string, number>;
  winningRev?: string;
  deleted?: boolean;
  seq: number;
}

interface Merge {
  collectLeaves(tree: unknown): { rev: string }[];
  collectConflicts(metadata: Metadata): string[];
  isDeleted(metadata: Metadata, rev?: string): boolean;
  winningRev(metadata: Metadata): string;
}

// The merge and JSON functions of the very PouchDB this server runs (not a copy of another version).
const here = createRequire(import.meta.url);
const merge = createRequire(here.resolve('pouchdb-core'))('pouchdb-merge') as Merge;
const { safeJsonParse } = createRequire(here.resolve('pouchdb-adapter-leveldb-core'))('pouchdb-json') as { safeJsonParse(text: string): unknown };

const bySeq = '\xffby-sequence\xff';
const docStore = '\xffdocument-store\xff';
const bySeqEnd = '\xffby-sequence\xff\xff';
const CLOSE_OBJECT = 125;

/** Options the fast reader answers; see {@link canReadFast}. */
export interface FeedOptions {
  since: number;
  limit: number | undefined;
  style: 'main_only' | 'all_docs';
  include_docs: boolean;
  /** With `include_docs`: the winner carries `_conflicts`, its non-deleted losing leaves (as in PouchDB). */
  conflicts?: boolean;
  /**
   * With `include_docs`: each body is the {@link StoredJson} bytes it was stored as (served by
   * `feedText`), not a parsed object. Same answer, without decoding, parsing, re-serialising and
   * encoding every body.
   */
  asText?: boolean;
}

/** A row of {@link readChanges}: `doc` is a {@link StoredJson} when asked `asText`. */
export type FeedRow = Omit<ChangeRow, 'doc'> & { doc?: Doc | StoredJson };

/** One stored body: the fields the feed decides on, and the body itself, parsed or as text. */
interface Body {
  id: string;
  rev: string;
  /** Has `_attachments` (left to PouchDB). */
  attachments: boolean;
  /** The body has a `_conflicts` key of its own (see {@link withConflicts}). */
  conflictsKey: boolean;
  value(): Doc | StoredJson;
}

/** A stored body's fields read from its bytes; the body itself is parsed only when asked for. */
function storedBody(bytes: Buffer, asText: boolean): Body {
  const top = topFields(bytes);
  if (top.id === undefined || top.rev === undefined) throw new Error('changes: a stored body without _id or _rev');
  return { id: top.id, rev: top.rev, attachments: top.attachments, conflictsKey: top.conflicts, value: () => (asText ? new StoredJson(bytes) : (JSON.parse(bytes.toString('utf8')) as Doc)) };
}

/**
 * The document id of a stored body. A page without bodies needs nothing else of a by-sequence
 * entry (the revisions come from the document's metadata), so the scan stops at `_id`.
 */
function storedId(bytes: Buffer): string {
  const id = topFields(bytes, true).id;
  if (id === undefined) throw new Error('changes: a stored body without _id');
  return id;
}

/** True when PouchDB would answer these options the way {@link readChanges} does. */
export function canReadFast(opts: { doc_ids: unknown }): boolean {
  return opts.doc_ids === undefined;
}

const formatSeq = (n: number): string => `0000000000000000${n}`.slice(-16);

/**
 * One page of changes after `since`, as PouchDB's `changes({ since, limit, style, include_docs,
 * return_docs: true })` answers it. Resolves undefined when a page holds something this reader
 * leaves to PouchDB (a document with attachments).
 */
export async function readChanges(raw: RawLevel, opts: FeedOptions & { asText: true }): Promise<{ results: FeedRow[]; last_seq: number } | undefined>;
export async function readChanges(raw: RawLevel, opts: FeedOptions): Promise<{ results: ChangeRow[]; last_seq: number } | undefined>;
export async function readChanges(raw: RawLevel, opts: FeedOptions): Promise<{ results: FeedRow[]; last_seq: number } | undefined> {
  const limit = opts.limit !== undefined && opts.limit > 0 ? opts.limit : undefined;
  const asText = opts.asText === true && opts.include_docs;
  // Most stored bodies are only looked at for their id and revision (history rows, pages without
  // include_docs), which the byte scan gives without a parse.
  const body = (bytes: Buffer): Body => storedBody(bytes, asText);
  const results: FeedRow[] = [];
  let lastSeq = opts.since;
  let cursor = opts.since;
  // Metadata read once per call, as PouchDB does: a document met twice is judged the same way.
  const metadata = new Map<string, Promise<Metadata | undefined>>();
  for (;;) {
    const want = limit === undefined ? 1000 : Math.min(1000, limit - results.length);
    const entries = await readRange(raw, cursor, want);
    if (entries.length === 0) break;
    // Without bodies only each entry's id is read (issue 16's runs feed: thousands of entries a
    // page, most of them superseded revisions).
    const docs = entries.map(([, value]) => (opts.include_docs ? body(value) : storedId(value)));
    const ids = [...new Set(docs.map((doc) => (typeof doc === 'string' ? doc : doc.id)))].filter((id) => !metadata.has(id));
    const lookups = lookupMetadata(raw, ids);
    for (let i = 0; i < ids.length; i++) {
      // A page may end (limit reached) before every lookup is awaited: a late failure must not
      // become an unhandled rejection. Awaiting the lookup below still throws.
      lookups[i]!.catch(() => undefined);
      metadata.set(ids[i]!, lookups[i]!);
    }
    for (let i = 0; i < entries.length; i++) {
      const seq = Number(entries[i]![0].slice(bySeq.length));
      const entry = docs[i]!;
      cursor = seq;
      const meta = await metadata.get(typeof entry === 'string' ? entry : entry.id);
      // A later write of this document comes later in the feed; this entry is history.
      if (!meta || meta.seq !== seq) continue;
      lastSeq = seq;
      const winning = meta.winningRev ?? merge.winningRev(meta);
      // No body asked for: the metadata says everything the row holds (attachments do not show).
      let doc: Doc | StoredJson | undefined;
      if (typeof entry !== 'string') {
        const winner = winning === entry.rev ? entry : await getBytes(raw, bySeq + formatSeq(meta.rev_map[winning]!), body);
        if (!winner) throw new Error(`changes: missing body of ${entry.id} ${winning}`);
        if (winner.attachments) return undefined;
        if (asText && winner.conflictsKey) return readChanges(raw, { ...opts, asText: false });
        doc = withConflicts(winner.value(), opts.conflicts ? merge.collectConflicts(meta) : []);
      }
      const change: FeedRow = {
        id: meta.id,
        changes: opts.style === 'all_docs' ? merge.collectLeaves(meta.rev_tree).map((leaf) => ({ rev: leaf.rev })) : [{ rev: winning }],
        ...(doc ? { doc } : {}),
        seq: meta.seq,
      };
      if (merge.isDeleted(meta, winning)) change.deleted = true;
      results.push(change);
      if (limit !== undefined && results.length >= limit) return { results, last_seq: lastSeq };
    }
    if (entries.length < want) break;
  }
  return { results, last_seq: lastSeq };
}

/**
 * Up to `limit` by-sequence entries after `since`, in order, values as the bytes stored: decoding
 * a 200 KB body to a string cost a fresh large allocation for nothing (see storedJson.ts).
 */
function readRange(raw: RawLevel, since: number, limit: number): Promise<[string, Buffer][]> {
  const it = raw.iterator({ gt: bySeq + formatSeq(since), lt: bySeqEnd, limit, keyAsBuffer: false, valueAsBuffer: true });
  const out: [string, Buffer][] = [];
  return new Promise((resolve, reject) => {
    const finish = (error?: Error | null): void => it.end(() => (error ? reject(error) : resolve(out)));
    const step = (): void =>
      it.next((error, key, value) => {
        if (error) return finish(error);
        if (key === undefined || value === undefined) return finish();
        out.push([key, value]);
        step();
      });
    step();
  });
}

/**
 * The winner with PouchDB's `_conflicts` (its non-deleted losing leaves), added as the last key
 * as PouchDB adds it. A stored body never has the key (PouchDB keeps `_conflicts` out of bodies;
 * a body that has one anyway is read parsed, see `special`).
 */
function withConflicts(doc: Doc | StoredJson, conflicts: string[]): Doc | StoredJson {
  if (conflicts.length === 0) return doc;
  if (doc instanceof StoredJson) {
    const close = doc.bytes.lastIndexOf(CLOSE_OBJECT);
    // Every stored body has `_id` and `_rev` (storedBody checks), so a field comes before.
    return new StoredJson(Buffer.concat([doc.bytes.subarray(0, close), Buffer.from(`,"_conflicts":${JSON.stringify(conflicts)}`), doc.bytes.subarray(close)]));
  }
  return { ...doc, _conflicts: conflicts };
}

/**
 * The stored metadata of each of `ids`. LevelDB answers them all in one request to the thread
 * pool (`getMany`), where one `get` per row cost a pool round trip each: on a busy machine each
 * round trip waits for a thread to be scheduled, and a 100-row page took 60 ms or more (issue 22,
 * the notifier's catch-up reads at 500 laptops). memdown (tests) has no `getMany`: one `get` each.
 */
function lookupMetadata(raw: RawLevel, ids: string[]): Promise<Metadata | undefined>[] {
  const parse = (text: string): Metadata => safeJsonParse(text) as Metadata;
  const getMany = raw.getMany;
  if (!getMany || ids.length === 0) return ids.map((id) => getJson(raw, docStore + id, parse));
  const all = inReadSlot(
    () =>
      new Promise<(Metadata | undefined)[]>((resolve, reject) => {
        getMany.call(raw, ids.map((id) => docStore + id), { asBuffer: false }, (error, values) => {
          if (error) return reject(error);
          try {
            resolve(ids.map((_, i) => (values?.[i] === undefined ? undefined : parse(values[i]!))));
          } catch (thrown) {
            reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
          }
        });
      }),
  );
  return ids.map((_, i) => all.then((values) => values[i]));
}

/** A stored body read by key, as bytes. */
function getBytes<T>(raw: RawLevel, key: string, parse: (bytes: Buffer) => T): Promise<T | undefined> {
  return inReadSlot(
    () =>
      new Promise((resolve, reject) => {
        raw.get(key, { asBuffer: true }, (error, value) => {
          if (error) return notFound(error) ? resolve(undefined) : reject(error);
          try {
            resolve(value === undefined ? undefined : parse(Buffer.isBuffer(value) ? value : Buffer.from(value)));
          } catch (thrown) {
            reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
          }
        });
      }),
  );
}

const notFound = (error: Error): boolean => (error as { notFound?: boolean }).notFound === true || /not ?found/i.test(error.message);

// The document store is written with PouchDB's safe JSON (deep revision trees), so read it so.
function getJson<T>(raw: RawLevel, key: string, parse: (text: string) => T): Promise<T | undefined> {
  return inReadSlot(() => getJsonNow(raw, key, parse));
}

function getJsonNow<T>(raw: RawLevel, key: string, parse: (text: string) => T): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    raw.get(key, { asBuffer: false }, (error, value) => {
      if (error) return notFound(error) ? resolve(undefined) : reject(error);
      try {
        resolve(value === undefined ? undefined : parse(value));
      } catch (thrown) {
        reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
      }
    });
  });
}
