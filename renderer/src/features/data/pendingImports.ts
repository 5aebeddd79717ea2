/**
 * Imports whose chunks are saved but not confirmed. Each running import is entered in a register (a
 * local document of the `datasets` collection, which never replicates) with the first chunk index
 * it writes, and holds a lock (importLocks.ts). At start the app removes the chunks of every entry
 * whose lock is free: a tab closed or crashed mid-import would otherwise leave invisible chunks for
 * ever. Chunk ids are `<datasetId>--<index>` and an import writes its chunks in order from its first
 * index, so they are found by id without reading the dataset's other chunks.
 */
import { chunkId } from '../../../../common/analytics/format';
import type { Workspace, WritableDoc } from '../../db/database';
import { importLockName, type ImportLocks } from './importLocks';
import { parseHeader } from './storedForm';

const registerId = 'pending-imports';

/** One running import: the dataset it writes and the index of its first chunk. */
interface Entry { firstIndex: number; startedAt: number }
interface Register { imports: Record<string, Entry> }

async function entries(db: Workspace): Promise<Record<string, Entry>> {
  const doc = await db.datasets.getLocal<Register>(registerId);
  return { ...(doc?.get('imports') as Register['imports'] | undefined) };
}

async function change(db: Workspace, edit: (imports: Record<string, Entry>) => void): Promise<void> {
  const doc = await db.datasets.getLocal<Register>(registerId);
  if (!doc) {
    const imports: Record<string, Entry> = {};
    edit(imports);
    await db.datasets.upsertLocal<Register>(registerId, { imports });
    return;
  }
  await doc.incrementalModify((data: Register) => {
    const imports = { ...data.imports };
    edit(imports);
    return { ...data, imports };
  });
}

/** Enters an import in the register (before its first chunk is written). */
export const registerImport = (db: Workspace, datasetId: string, firstIndex: number) =>
  change(db, (imports) => { imports[datasetId] = { firstIndex, startedAt: Date.now() }; });

/** Takes an import out of the register (confirmed or discarded). */
export const forgetImport = (db: Workspace, datasetId: string) => change(db, (imports) => { delete imports[datasetId]; });

/** Chunks handled per bulk call: a few MB at most. */
const batch = 8;

/**
 * Rewrites pending chunks without their mark, so they sync. Called before the header is written:
 * a header never counts a chunk that stays local.
 */
export async function confirmChunks(db: Workspace, ids: readonly string[], onProgress?: (done: number) => void): Promise<void> {
  for (let i = 0; i < ids.length; i += batch) {
    const slice = ids.slice(i, i + batch);
    const docs = await db.datasets.findByIds([...slice]).exec();
    const rows: WritableDoc[] = [];
    for (const id of slice) {
      const json = docs.get(id)?.toMutableJSON() as WritableDoc | undefined;
      if (!json) throw new Error(`chunk ${id} is missing`);
      const data = { ...(json.data as Record<string, unknown>) };
      delete data.pending;
      rows.push({ ...json, data });
    }
    const res = await db.datasets.bulkUpsert(rows);
    if (res.error.length > 0) throw new Error(`write failed (${res.error[0]?.status})`);
    onProgress?.(i + slice.length);
  }
}

/**
 * Empties chunks to their minimal form, then removes them, so answers do not linger in tombstones.
 * Pending chunks keep their mark in the emptied form too: neither write ever reaches the server.
 */
export async function removeChunks(db: Workspace, datasetId: string, ids: readonly string[], pending: (id: string) => boolean = () => false): Promise<void> {
  for (let i = 0; i < ids.length; i += 50) {
    const slice = ids.slice(i, i + 50);
    await db.datasets.bulkUpsert(slice.map((id) => ({ id, kind: 'chunk', datasetId, ...(pending(id) ? { data: { pending: true } } : {}) })));
    await db.datasets.bulkRemove([...slice]);
  }
}

/** Removes the chunks one import wrote from `firstIndex` on (they run without gaps); returns how many. */
async function removeFrom(db: Workspace, datasetId: string, firstIndex: number): Promise<number> {
  let removed = 0;
  for (let start = firstIndex; ; start += batch) {
    const ids = Array.from({ length: batch }, (_, k) => chunkId(datasetId, start + k));
    const docs = await db.datasets.findByIds(ids).exec();
    const found = ids.filter((id) => docs.has(id));
    if (found.length === 0) return removed;
    const pending = new Set(found.filter((id) => (docs.get(id)?.get('data') as { pending?: true } | undefined)?.pending === true));
    await removeChunks(db, datasetId, found, (id) => pending.has(id));
    removed += found.length;
  }
}

/**
 * Removes the chunks of every registered import nobody runs any more (its lock is free) and that
 * was not confirmed (no header counts its chunks); `only` limits it to some datasets. Returns the
 * number of chunks removed. An import whose header was written just before the app closed is only
 * taken out of the register.
 */
export async function cleanAbandonedImports(db: Workspace, locks: ImportLocks, only?: readonly string[]): Promise<number> {
  let removed = 0;
  for (const [datasetId, entry] of Object.entries(await entries(db))) {
    if (only && !only.includes(datasetId)) continue;
    await locks.ifFree(importLockName(db.name, datasetId), async () => {
      const stored = await db.datasets.findOne(datasetId).exec();
      const header = stored ? parseHeader(stored.toJSON()) : null;
      const confirmed = header?.ok === true && header.data.chunkCount > entry.firstIndex;
      if (!confirmed) removed += await removeFrom(db, datasetId, entry.firstIndex);
      await forgetImport(db, datasetId);
    });
  }
  return removed;
}
