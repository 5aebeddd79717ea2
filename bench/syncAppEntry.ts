/**
 * Browser side of the app-path sync bench: the app's own workspace database (RxDB on Dexie with
 * z-schema validation and the merge conflict handlers) and its own sync engine (pull and push
 * handlers, doorbell, safety re-sync), bundled by esbuild and driven from Node by Playwright.
 * No UI: the figures are the storage and sync layers, not React rendering.
 */
import { createSyncFetch } from '../common/sync/fetch';
import { samplePersona } from '../common/export/samplePersona';
import { createDatabase } from '../renderer/src/db/database';
import type { Workspace } from '../renderer/src/db/database';
import { appStorage } from '../renderer/src/db/storage';
import { startSync } from '../renderer/src/sync/engine';
import type { SyncSession } from '../renderer/src/sync/engine';

/** What Node calls in the page. */
export interface SyncBenchApi {
  open(name: string): Promise<void>;
  /** Starts syncing every collection; resolves with ms until the first full catch-up. */
  sync(options: { serverUrl: string; tenant: string; authorization: string; clientId: string }): Promise<number>;
  /** Starts syncing every collection and returns at once. */
  start(options: { serverUrl: string; tenant: string; authorization: string; clientId: string }): void;
  /** Resolves with ms until `collection` holds `count` documents (checked every 250 ms: counting is not free). */
  waitForCount(collection: 'personas', count: number, timeoutMs: number): Promise<number>;
  /** Writes `count` sample personas locally in batches; resolves with ms. */
  insertPersonas(count: number, prefix: string): Promise<number>;
  /** Renames a persona; resolves with the wall-clock time (ms since epoch, sub-ms) of the write. */
  rename(id: string, name: string): Promise<number>;
  /** Starts recording when each persona name arrives (from the collection's change stream). */
  watch(): void;
  /** Resolves with the wall-clock time the persona got this name here (recorded by `watch`). */
  arrival(id: string, name: string, timeoutMs: number): Promise<number>;
  /** Documents in `collection` now. */
  count(collection: 'personas'): Promise<number>;
  status(): string;
  close(): Promise<void>;
}

declare global {
  interface Window { cxSyncBench: SyncBenchApi }
}

let db: Workspace | undefined;
let session: SyncSession | undefined;
const arrivals = new Map<string, number>();
const now = () => performance.timeOrigin + performance.now();
const need = (): Workspace => {
  if (!db) throw new Error('open() first');
  return db;
};

window.cxSyncBench = {
  async open(name) {
    db = await createDatabase(appStorage(), name, { author: 'bench' });
  },
  async sync({ serverUrl, tenant, authorization, clientId }) {
    const started = performance.now();
    session = startSync(need(), { serverUrl, tenant, clientId, fetch: createSyncFetch({ authorization: () => authorization }) });
    await session.awaitInSync();
    return performance.now() - started;
  },
  start({ serverUrl, tenant, authorization, clientId }) {
    session = startSync(need(), { serverUrl, tenant, clientId, fetch: createSyncFetch({ authorization: () => authorization }) });
  },
  async waitForCount(collection, count, timeoutMs) {
    const started = performance.now();
    for (;;) {
      const have = await need()[collection].count().exec();
      if (have >= count) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`${collection}: ${have} of ${count} after ${timeoutMs} ms (sync: ${session?.status().state ?? 'not started'} ${session?.status().message ?? ''})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  },
  async insertPersonas(count, prefix) {
    const started = performance.now();
    for (let start = 0; start < count; start += 1000) {
      const docs = Array.from({ length: Math.min(1000, count - start) }, (_, i) => samplePersona(`Persona ${start + i}`, `${prefix}${start + i}`));
      await need().personas.bulkInsert(docs);
    }
    return performance.now() - started;
  },
  async rename(id, name) {
    const doc = await need().personas.findOne(id).exec();
    if (!doc) throw new Error(`no persona ${id}`);
    const at = now();
    await doc.incrementalPatch({ name, updatedAt: Date.now() });
    return at;
  },
  watch() {
    need().personas.$.subscribe((event) => {
      const name = (event.documentData as { name?: string } | undefined)?.name;
      if (name !== undefined) arrivals.set(`${event.documentId}|${name}`, now());
    });
  },
  async arrival(id, name, timeoutMs) {
    const started = performance.now();
    for (;;) {
      const at = arrivals.get(`${id}|${name}`);
      if (at !== undefined) return at;
      if (performance.now() - started > timeoutMs) throw new Error(`${id} named "${name}" did not arrive in ${timeoutMs} ms (sync: ${window.cxSyncBench.status()})`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },
  count: (collection) => need()[collection].count().exec(),
  status: () => `${session?.status().state ?? 'not started'} ${session?.status().message ?? ''}`.trim(),
  async close() {
    await session?.stop();
    await db?.close();
  },
};
