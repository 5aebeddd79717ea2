import { createRxDatabase } from 'rxdb/plugins/core';
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb/plugins/core';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import type { SyncFetch } from '../../../common/sync/fetch';
import { createSyncFetch } from '../../../common/sync/fetch';
import { clientPouch } from '../store/pouch';
import { basic } from './harness';

/**
 * Real clients for tests and the benchmark: RxDB with `replicateCouchDB` (as the app uses it,
 * through the throwing fetch of common/sync) and PouchDB's replicator over `pouchdb-adapter-http`.
 * Free RxDB opens at most 13 collections per process: every client here is one collection, and
 * callers close what they open.
 */

/** The document shape the test clients sync. */
export interface Note {
  id: string;
  title: string;
  n: number;
  by?: string;
}

const noteSchema: RxJsonSchema<Note> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    title: { type: 'string' },
    n: { type: 'number' },
    by: { type: 'string' },
  },
  required: ['id', 'title', 'n'],
  additionalProperties: false,
};

/** One RxDB client: a database with a single `notes` collection. */
export interface RxClient {
  db: RxDatabase;
  notes: RxCollection<Note>;
  close(): Promise<void>;
}

let clientCount = 0;

/**
 * Opens a fresh RxDB client on memory storage, validated by z-schema as in the app unless
 * `validate` is false (the benchmark's protocol-alone rows: z-schema costs far more per document
 * than the transport does).
 */
export async function openRxClient(label = 'client', { validate = true }: { validate?: boolean } = {}): Promise<RxClient> {
  const db = await createRxDatabase({
    name: `${label}${++clientCount}x${process.pid}`,
    storage: validate ? wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }) : getRxStorageMemory(),
    multiInstance: false,
  });
  const { notes } = await db.addCollections({ notes: { schema: noteSchema } });
  return { db, notes: notes as RxCollection<Note>, close: async () => void (await db.close()) };
}

/** Options of {@link replicateNotes}. */
export interface ReplicateOptions {
  /** Database URL, e.g. `http://127.0.0.1:1234/acme-personas`. */
  url: string;
  /** Basic login (password: the test password) or a ready Authorization header value. */
  login?: string;
  authorization?: () => string | undefined;
  live?: boolean;
  batchSize?: number;
  retryTime?: number;
  /** Same identifier = same checkpoint, as when the app reconnects. */
  identifier?: string;
  fetch?: SyncFetch;
}

/** Starts RxDB CouchDB replication of the client's notes, through the app's throwing fetch. */
export function replicateNotes(client: RxClient, options: ReplicateOptions): { state: RxCouchDBReplicationState<Note>; fetch: SyncFetch } {
  const authorization = options.authorization ?? (() => (options.login ? basic(options.login) : undefined));
  const fetch = options.fetch ?? createSyncFetch({ authorization, idleTimeoutMs: 10_000 });
  const state = replicateCouchDB<Note>({
    replicationIdentifier: options.identifier ?? `notes-${options.url}`,
    collection: client.notes,
    url: options.url.endsWith('/') ? options.url : options.url + '/',
    live: options.live ?? true,
    fetch,
    retryTime: options.retryTime ?? 100,
    waitForLeadership: false,
    pull: { batchSize: options.batchSize ?? 100, heartbeat: 2_000 },
    push: { batchSize: options.batchSize ?? 100 },
  });
  return { state, fetch };
}

/** Plain data of every note, sorted by id (for comparing replicas). */
export async function snapshot(client: RxClient): Promise<Note[]> {
  const docs = await client.notes.find().exec();
  return docs.map((d) => d.toJSON() as Note).map(({ id, title, n, by }) => ({ id, title, n, ...(by ? { by } : {}) })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Polls `check` until it holds (no timing assertion: the test's own timeout is the bound). */
export async function eventually(check: () => Promise<boolean> | boolean, everyMs = 20): Promise<void> {
  for (;;) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** PouchDB with memory, HTTP and the replicator. */
export const Pouch = clientPouch();

/** A remote PouchDB handle on a server database, authenticating with Basic. */
export function remotePouch(url: string, login: string, password?: string) {
  return new Pouch(url, { skip_setup: true, auth: { username: login, password: password ?? 'correct horse battery' } });
}

let pouchCount = 0;

/** A fresh in-memory PouchDB. */
export function localPouch(label = 'local') {
  return new Pouch(`${label}${++pouchCount}x${process.pid}`, { adapter: 'memory' });
}
