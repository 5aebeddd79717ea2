import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RawLevel } from './feed';
import { JsonArena } from './jsonArena';
import { deterministicRevision } from './revisionId';

/**
 * PouchDB ships no TypeScript types, so it is loaded through `require` and given the narrow
 * interface this server uses. Keeping the surface small also documents which PouchDB calls the
 * protocol layer depends on.
 */

/** A JSON document as stored (with `_id`, `_rev`, maybe `_deleted`, `_revisions`, …). */
export type Doc = Record<string, unknown> & { _id?: string; _rev?: string };

/** A row of PouchDB's `changes` answer. */
export interface ChangeRow {
  id: string;
  seq: number;
  changes: { rev: string }[];
  deleted?: boolean;
  doc?: Doc;
}

/** The subset of a PouchDB database this server calls. */
export interface PouchDatabase {
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  get(id: string, opts?: Record<string, unknown>): Promise<unknown>;
  put(doc: Doc, opts?: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: Doc[], opts?: { new_edits?: boolean }): Promise<unknown[]>;
  allDocs(opts?: Record<string, unknown>): Promise<{ total_rows: number; offset?: number; rows: unknown[]; update_seq?: number }>;
  changes(opts: Record<string, unknown>): Promise<{ results: ChangeRow[]; last_seq: number }>;
  revsDiff(req: Record<string, string[]>): Promise<Record<string, { missing: string[]; possible_ancestors?: string[] }>>;
  bulkGet(opts: { docs: { id: string; rev?: string }[]; revs?: boolean; latest?: boolean; attachments?: boolean }): Promise<{ results: unknown[] }>;
  getAttachment(id: string, name: string, opts?: { rev?: string }): Promise<unknown>;
  putAttachment(id: string, name: string, rev: string | undefined, data: Buffer, type: string): Promise<unknown>;
  removeAttachment(id: string, name: string, rev: string): Promise<unknown>;
  compact(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

/** A PouchDB constructor with its plugins applied. */
export interface PouchConstructor {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
  defaults(opts: Record<string, unknown>): PouchConstructor;
  replicate(source: PouchDatabase | string, target: PouchDatabase | string, opts?: Record<string, unknown>): PromiseLike<ReplicationResult> & ReplicationEvents;
}

/** What `PouchDB.replicate` resolves to. */
export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  status: string;
}

/** The event side of a PouchDB replication (it is also a promise). */
export interface ReplicationEvents {
  on(event: string, listener: (info: unknown) => void): ReplicationEvents;
  cancel(): void;
}

const require = createRequire(import.meta.url);

function load(name: string): unknown {
  const mod = require(name) as { default?: unknown };
  return mod.default ?? mod;
}

// New revision ids: PouchDB's own deterministic md5, computed in pieces (revisionId.ts). The
// adapters call `pouchdbUtils.rev` through the module's exports at each write, so replacing the
// export changes how the id is computed, never what it is.
const pouchUtils = require('pouchdb-utils') as { rev(doc?: Record<string, unknown>, deterministic?: boolean): string };
const pouchRev = pouchUtils.rev;
pouchUtils.rev = (doc, deterministic) => (doc && deterministic ? deterministicRevision(doc) : pouchRev(doc, deterministic));

// pouchdb-core is one shared constructor: a plugin applied twice throws ("Cannot redefine
// property"), so each is applied once per process, whichever flavour asks first.
const applied = new Set<string>();
function core(...plugins: string[]): PouchConstructor {
  const PouchDB = load('pouchdb-core') as PouchConstructor;
  for (const name of plugins) {
    if (applied.has(name)) continue;
    PouchDB.plugin(load(name));
    applied.add(name);
  }
  return PouchDB;
}

// The raw key-value store under each database, by location, for the fast change feed (feed.ts).
// PouchDB's leveldb adapter takes the store factory as its `db` option; these wrappers hand it the
// same memdown/leveldown it would use (resolved from the adapter itself) and remember what they
// made. Their names matter: the adapter caches open stores per factory name.
const raws = new Map<string, RawLevel>();

function capture(adapter: string, store: string, name: string, made?: (raw: RawLevel) => void): (location: string) => RawLevel {
  const factory = createRequire(require.resolve(adapter))(store) as (location: string) => RawLevel;
  const wrapper = {
    [name]: (location: string): RawLevel => {
      const raw = factory(location);
      raws.set(location, raw);
      made?.(raw);
      return raw;
    },
  }[name]!;
  // The adapter also calls the factory's statics (`destroy` wipes a database's data).
  return Object.assign(wrapper, factory);
}

// Revision bodies of LevelDB databases are encoded into one reused arena (jsonArena.ts). A view
// into it lives from its encoding until leveldown's `batch` has copied it, which happens within
// the same synchronous call (sublevel-pouchdb encodes a batch and hands it down at once; leveldown
// copies every key and value before it returns), and the arena is released right after.
const arena = new JsonArena();

interface Leveldown { status: string; _batch(...args: unknown[]): unknown }

/** Releases the arena after each batch the store copies. */
function releasingArena(raw: RawLevel): void {
  const level = raw as unknown as Leveldown;
  const batch = level._batch;
  level._batch = function (this: Leveldown, ...args: unknown[]) {
    try {
      return batch.apply(this, args);
    } finally {
      arena.release();
    }
  };
}

/**
 * The by-sequence store's value encoding: level-codec's `json` with arena bytes for large bodies,
 * but only while leveldown is open (a closed one queues a batch for later, when the arena has
 * moved on). Reads are unchanged: `JSON.parse`, strings.
 */
function arenaJson(raw: RawLevel) {
  const level = raw as unknown as Leveldown;
  return {
    encode: (value: unknown) => (level.status === 'open' ? arena.encode(value) : JSON.stringify(value)),
    decode: (text: string) => JSON.parse(text) as unknown,
    buffer: false,
    type: 'cx-arena-json',
  };
}

interface Sublevel {
  options: { valueEncoding?: unknown };
  get(key: string, options: Record<string, unknown>, callback: (error: unknown) => void): void;
}

/** Each database's sublevel root (as the adapter hands it to the migrations) → its location. */
const locations = new WeakMap<object, string>();
/** Locations found in a layout of PouchDB before version 3 (see {@link migrate}). */
const legacyLocations = new Set<string>();

/**
 * PouchDB's LevelDB adapter hands a database's stores to `migrate.doMigrationTwo` once it has made
 * them: the one place to give the by-sequence store its encoding. The adapter's own migrations
 * move data written by PouchDB before version 3 (a `<name>.uuid` file; a `_local_uuid` key in the
 * by-sequence store); every database here was made by this server on PouchDB 9, so these only
 * look for such a layout, and the store refuses to serve one ({@link legacyLayout}; the adapter
 * ignores an error passed back from a migration).
 */
const migrate = {
  doMigrationOne(location: string, root: object, done: () => void): void {
    locations.set(root, location);
    if (existsSync(`${location}.uuid`)) legacyLocations.add(location);
    done();
  },
  doMigrationTwo(root: object, stores: { bySeqStore: Sublevel }, done: () => void): void {
    const location = locations.get(root);
    const raw = location === undefined ? undefined : raws.get(location);
    stores.bySeqStore.get('_local_uuid', {}, (error) => {
      if (!error && location !== undefined) legacyLocations.add(location);
      if (raw) stores.bySeqStore.options.valueEncoding = arenaJson(raw);
      done();
    });
  },
};

/** Why the database at `location` must not be served (written by PouchDB before version 3), or undefined. */
export function legacyLayout(location: string): string | undefined {
  if (!legacyLocations.has(location)) return undefined;
  return `${location} was written by PouchDB older than version 3; open it once with PouchDB 7 (which migrates it) before serving it.`;
}

/** The raw store under the database at `location`, once PouchDB has opened it. */
export function rawStoreAt(location: string): RawLevel | undefined {
  return raws.get(location);
}

/** Forgets a location's raw store (its database was closed or destroyed). */
export function forgetRawStore(location: string): void {
  raws.delete(location);
}

/** PouchDB over LevelDB (leveldown's prebuilt binary): the server's storage engine. */
export function levelPouch(): PouchConstructor {
  return core('pouchdb-adapter-leveldb').defaults({ adapter: 'leveldb', db: capture('pouchdb-adapter-leveldb', 'leveldown', 'cxLeveldown', releasingArena), migrate });
}

/** PouchDB in memory: the same engine for fast tests and benchmarks. */
export function memoryPouch(): PouchConstructor {
  return core('pouchdb-adapter-memory').defaults({ adapter: 'memory', db: capture('pouchdb-adapter-memory', 'memdown', 'cxMemdown') });
}

/** PouchDB over HTTP with the replicator: the migrate command's client, and tests' client. */
export function httpPouch(): PouchConstructor {
  return core('pouchdb-adapter-http', 'pouchdb-replication');
}

/** PouchDB with memory, HTTP and replication: a complete client for tests. */
export function clientPouch(): PouchConstructor {
  return core('pouchdb-adapter-memory', 'pouchdb-adapter-http', 'pouchdb-replication');
}
