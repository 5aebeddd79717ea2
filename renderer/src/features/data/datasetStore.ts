/**
 * Reads and writes of survey datasets. An import becomes visible only when its header is written,
 * and the header is written last: chunks first, in batches; a cancel or a failure while writing
 * removes the chunks already written, so no partial dataset is ever seen (readers only read chunks
 * below the header's `chunkCount`). Deleting empties chunks to their minimal form before removing
 * them, so respondents' answers do not linger in tombstones that sync keeps.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../../common/analytics/format';
import { err, ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import { staysLocal } from '../../db/localOnly';
import { appLocks, importLockName, type ImportLocks } from './importLocks';
import { cleanAbandonedImports, confirmChunks, forgetImport, registerImport, removeChunks } from './pendingImports';
import { parseChunk, parseHeader, storedChunk, storedHeader } from './storedForm';

/** Chunk documents written per bulk call: small enough to report progress and notice a cancel. */
const writeBatch = 8;

/** Progress of writing an import: chunks written of all. */
export type WriteProgress = (written: number, total: number) => void;

/**
 * Writes an import (new dataset or new wave): chunks, then the header. `cancelled()` is polled
 * between batches; on cancel or error everything written is removed and an error returned.
 */
export async function writeImport(
  db: Workspace, outcome: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }, onProgress: WriteProgress, cancelled: () => boolean,
): Promise<Result<DatasetHeaderDoc>> {
  const written: string[] = [];
  const total = outcome.chunks.length;
  try {
    for (let i = 0; i < total; i += writeBatch) {
      if (cancelled()) {
        await removeChunks(db, outcome.header.datasetId, written);
        return err('cancelled', 'Import cancelled; nothing was saved.');
      }
      const batch = outcome.chunks.slice(i, i + writeBatch);
      // Upsert, not insert: a chunk id left over by an interrupted earlier attempt is overwritten.
      const res = await db.datasets.bulkUpsert(batch.map(storedChunk));
      written.push(...batch.map((c) => c.id));
      if (res.error.length > 0) throw new Error(res.error[0]?.status === 422 ? 'a chunk did not pass the schema' : `write failed (${res.error[0]?.status})`);
      onProgress(Math.min(total, i + batch.length), total);
    }
    if (cancelled()) {
      await removeChunks(db, outcome.header.datasetId, written);
      return err('cancelled', 'Import cancelled; nothing was saved.');
    }
    await db.datasets.upsert(storedHeader(outcome.header));
    return ok(outcome.header);
  } catch (e) {
    await removeChunks(db, outcome.header.datasetId, written).catch(() => undefined);
    return err('io-error', `The dataset could not be saved (${e instanceof Error ? e.message : String(e)}); nothing was kept.`);
  }
}

/**
 * Writes an import's chunks one by one as the import worker hands them over, so a large file is never
 * held whole; the header comes last (`finish`). Until then the chunks are invisible (readers read only
 * chunks below a header's `chunkCount`, and a new dataset has no header) and pending: they never sync
 * (db/localOnly.ts) and the import is in the register of pending imports, so chunks left by a closed
 * tab are removed at the next start (pendingImports.ts). `discard` empties and removes every chunk
 * written, so a cancel, a refusal or a "stop" keeps nothing.
 */
export interface ChunkWriter {
  /** Queues a chunk; resolves false once any write failed (every later chunk is refused too). */
  add(chunk: DatasetChunkDoc): Promise<boolean>;
  /** Chunks saved so far. */
  readonly written: number;
  /** Waits for the queued writes: null when all were saved, else what went wrong (a sentence). */
  failure(): Promise<string | null>;
  /**
   * Waits for the queued writes, confirms the chunks (they may sync from now on), then writes the
   * header: the import becomes visible. `onProgress` gets the fraction of chunks confirmed.
   */
  finish(header: DatasetHeaderDoc, onProgress?: (fraction: number) => void): Promise<Result<DatasetHeaderDoc>>;
  /** Waits for the queued writes, then removes every chunk written. */
  discard(): Promise<void>;
}

/** A {@link ChunkWriter} for one import; `locks` tell other tabs it runs. */
export function chunkWriter(db: Workspace, locks: ImportLocks = appLocks): ChunkWriter {
  const ids: string[] = [];
  let datasetId = '';
  let release: (() => void) | null = null;
  // How many of `ids` (from the start) were confirmed by a finish that then failed.
  let confirmed = 0;
  let failure: string | null = null;
  // Writes run one after another, in the order the chunks came.
  let tail: Promise<unknown> = Promise.resolve();
  const begin = async (chunk: DatasetChunkDoc) => {
    datasetId = chunk.datasetId;
    // Chunks an earlier, abandoned import of this dataset left are removed before they are overwritten.
    await cleanAbandonedImports(db, locks, [datasetId]);
    release = await locks.hold(importLockName(db.name, datasetId));
    await registerImport(db, datasetId, chunk.chunkIndex);
  };
  const add = (chunk: DatasetChunkDoc) => {
    const done = tail.then(async () => {
      if (failure !== null) return false;
      try {
        if (release === null) await begin(chunk);
        const stored = storedChunk(chunk);
        // Upsert, not insert: a chunk id left over by an interrupted earlier attempt is overwritten.
        const res = await db.datasets.bulkUpsert([{ ...stored, data: { ...stored.data, pending: true } }]);
        ids.push(chunk.id);
        if (res.error.length > 0) throw new Error(res.error[0]?.status === 422 ? 'a chunk did not pass the schema' : `write failed (${res.error[0]?.status})`);
        return true;
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
        return false;
      }
    });
    tail = done;
    return done;
  };
  const end = async () => {
    if (release === null) return;
    await forgetImport(db, datasetId);
    release();
    release = null;
  };
  const discard = async () => {
    await tail;
    const all = ids.splice(0);
    const kept = new Set(all.slice(confirmed));
    await removeChunks(db, datasetId, all, (id) => kept.has(id));
    await end();
  };
  const unsaved = () => `The dataset could not be saved (${failure}); nothing was kept.`;
  return {
    add,
    get written() { return ids.length; },
    discard,
    async failure() {
      await tail;
      return failure === null ? null : unsaved();
    },
    async finish(header, onProgress) {
      await tail;
      try {
        if (failure === null) {
          await confirmChunks(db, ids, (n) => {
            confirmed = n;
            onProgress?.(n / Math.max(1, ids.length));
          });
          await db.datasets.upsert(storedHeader(header));
          await end();
          return ok(header);
        }
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
      }
      await discard().catch(() => undefined);
      return err('io-error', unsaved());
    },
  };
}

/** Deletes a dataset: the header first (it disappears at once), then every chunk, emptied first. */
export async function deleteDataset(db: Workspace, datasetId: string): Promise<void> {
  const header = await db.datasets.findOne(datasetId).exec();
  if (header) await header.remove();
  const chunks = await db.datasets.find({ selector: { datasetId, kind: 'chunk' } }).exec();
  const pending = new Set(chunks.filter((c) => staysLocal(c.toJSON() as Record<string, unknown>)).map((c) => c.primary));
  await removeChunks(db, datasetId, chunks.map((c) => c.primary), (id) => pending.has(id));
}

/** The readable chunks of a dataset, in order; chunks past the header's count are an unfinished import. */
export async function readChunks(db: Workspace, header: DatasetHeaderDoc): Promise<DatasetChunkDoc[]> {
  const docs = await db.datasets.find({ selector: { datasetId: header.datasetId, kind: 'chunk' } }).exec();
  const chunks: DatasetChunkDoc[] = [];
  for (const d of docs) {
    const parsed = parseChunk(d.toJSON());
    if (parsed.ok && parsed.data.chunkIndex < header.chunkCount) chunks.push(parsed.data);
  }
  return chunks.sort((a, b) => a.chunkIndex - b.chunkIndex);
}

/** Every dataset header in the workspace. */
export async function readHeaders(db: Workspace): Promise<DatasetHeaderDoc[]> {
  const docs = await db.datasets.find({ selector: { kind: 'header' } }).exec();
  return docs.flatMap((d) => {
    const parsed = parseHeader(d.toJSON());
    return parsed.ok ? [parsed.data] : [];
  });
}

/** The respondent ids a dataset already holds, so an appended wave skips them. */
export async function respondentIds(db: Workspace, header: DatasetHeaderDoc): Promise<string[]> {
  const idKeys = header.columns.filter((c) => c.type === 'id').map((c) => c.key);
  const ids: string[] = [];
  for (const chunk of await readChunks(db, header)) {
    for (const key of idKeys) {
      const col = chunk.data.columns[key];
      if (col?.type === 'id') for (const v of col.values) if (v !== null) ids.push(v);
    }
  }
  return ids;
}
