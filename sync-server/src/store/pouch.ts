import { createRequire } from 'node:module';

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

/** PouchDB over LevelDB (leveldown's prebuilt binary): the server's storage engine. */
export function levelPouch(): PouchConstructor {
  return core('pouchdb-adapter-leveldb').defaults({ adapter: 'leveldb' });
}

/** PouchDB in memory: the same engine for fast tests and benchmarks. */
export function memoryPouch(): PouchConstructor {
  return core('pouchdb-adapter-memory').defaults({ adapter: 'memory' });
}

/** PouchDB over HTTP with the replicator: the migrate command's client, and tests' client. */
export function httpPouch(): PouchConstructor {
  return core('pouchdb-adapter-http', 'pouchdb-replication');
}

/** PouchDB with memory, HTTP and replication: a complete client for tests. */
export function clientPouch(): PouchConstructor {
  return core('pouchdb-adapter-memory', 'pouchdb-adapter-http', 'pouchdb-replication');
}
