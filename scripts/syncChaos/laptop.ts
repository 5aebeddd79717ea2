/**
 * One laptop of the sync chaos test, in its own process (free RxDB opens at most 13 collections
 * per process, and a laptop opens all 8): the app's real workspace database on RxDB's memory
 * storage, its real sync engine, driven over IPC by scripts/syncChaos/run.ts.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionSchemas } from '../../common/db/collections';
import type { CollectionName } from '../../common/db/collections';
import { createSyncFetch } from '../../common/sync/fetch';
import { createDatabase } from '../../renderer/src/db/database';
import type { Workspace } from '../../renderer/src/db/database';
import { startSync } from '../../renderer/src/sync/engine';
import type { SyncSession } from '../../renderer/src/sync/engine';
import type { LaptopCommand } from './protocol';
import { startTrace } from './trace';
import type { Trace } from './trace';

let db: Workspace | undefined;
let session: SyncSession | undefined;
let trace: Trace | undefined;
let unwatch: (() => void) | undefined;

const collections = Object.keys(collectionSchemas) as CollectionName[];

async function handle(command: LaptopCommand): Promise<unknown> {
  switch (command.type) {
    case 'open': {
      // A seed that timed out in the test runner goes on in the background; its database must not
      // stay open beside the next seed's (RxDB caps the collections open in one process).
      await handle({ type: 'close' });
      db = await createDatabase(getRxStorageMemory(), command.name, { author: command.name });
      trace = startTrace();
      const watching = collections.map((name) => trace!.watch(need()[name] as never));
      unwatch = () => watching.forEach((stop) => stop());
      for (const name of collections) need()[name].conflictHandler = trace.handler(need()[name].conflictHandler);
      session = startSync(db, {
        serverUrl: command.serverUrl, tenant: 'acme', clientId: command.name, writerId: `${command.name}-w`,
        fetch: createSyncFetch({ fetch: trace.fetch(globalThis.fetch.bind(globalThis)), authorization: () => command.authorization, idleTimeoutMs: 4_000 }),
        safetyResyncMs: 1_500, retryMs: 250, log: () => {},
      });
      return null;
    }
    case 'create':
      await need()[command.collection].insert(command.doc as { id: string });
      return null;
    case 'set': {
      const doc = await need()[command.collection].findOne(command.id).exec();
      if (!doc) return 'missing';
      // The values this write replaced: a value a laptop saw and then replaced is not lost.
      let replaced: Record<string, unknown> = {};
      await doc.incrementalModify((d) => {
        replaced = Object.fromEntries(Object.keys(command.fields).map((k) => [k, d[k]]));
        return { ...d, ...command.fields, ...(command.stamp ? { updatedAt: Date.now() } : {}) };
      });
      return replaced;
    }
    case 'section': {
      const doc = await need().personas.findOne(command.id).exec();
      if (!doc) return 'missing';
      await doc.incrementalModify((d) => {
        const sections = (d.sections as { id: string; title: string }[]).map((s) => ({ ...s }));
        const at = sections.findIndex((s) => s.id === command.sectionId);
        if (at >= 0) sections[at] = { ...sections[at]!, title: command.title };
        else sections.push({ ...structuredClone(sections[0]!), id: command.sectionId, title: command.title });
        return { ...d, sections, updatedAt: Date.now() };
      });
      return null;
    }
    case 'remove': {
      const doc = await need()[command.collection].findOne(command.id).exec();
      if (doc) await doc.remove();
      return null;
    }
    case 'dump': {
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const name of collections) out[name] = (await need()[name].find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
      return out;
    }
    case 'trace': {
      // The storage's own copy beside what a query returns: a difference is RxDB's cache, not sync.
      const lines = trace?.lines(command.id) ?? [];
      for (const name of collections) {
        const [stored] = await need()[name].storageInstance.findDocumentsById([command.id], true);
        if (!stored) continue;
        const viaQuery = (await need()[name].find().exec()).find((d) => d.get('id') === command.id)?.toJSON() as Record<string, unknown> | undefined;
        const s = stored as unknown as Record<string, unknown>;
        lines.push(`  storage: ${JSON.stringify({ name: s.name, deleted: s._deleted, rev: s._rev })}; find(): ${viaQuery ? JSON.stringify({ name: viaQuery.name }) : 'absent'}`);
      }
      return lines;
    }
    case 'status':
      return session?.status() ?? null;
    case 'close':
      await session?.stop();
      unwatch?.();
      await db?.close();
      session = undefined;
      db = undefined;
      return null;
  }
}

function need(): Workspace {
  if (!db) throw new Error('open first');
  return db;
}

process.on('message', (message: { id: number; command: LaptopCommand }) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? `${error.message}` : String(error) }),
  );
});
process.send?.({ ready: true });
