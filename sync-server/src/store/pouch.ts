import { createRequire } from 'node:module';
import type { RawLevel } from './feed';

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

function capture(adapter: string, store: string, name: string): (location: string) => RawLevel {
  const factory = createRequire(require.resolve(adapter))(store) as (location: string) => RawLevel;
  const wrapper = {
    [name]: (location: string): RawLevel => {
      const raw = factory(location);
      raws.set(location, raw);
      return raw;
    },
  }[name]!;
  // The adapter also calls the factory's statics (`destroy` wipes a database's data).
  return Object.assign(wrapper, factory);
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
  return core('pouchdb-adapter-leveldb').defaults({ adapter: 'leveldb', db: capture('pouchdb-adapter-leveldb', 'leveldown', 'cxLeveldown') });
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
