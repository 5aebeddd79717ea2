import { mergeForSave } from '../../../common/sync/editMerge';
import type { SaveMerge, Stamped } from '../../../common/sync/editMerge';
import type { Workspace } from './database';
import { recordConflict } from './recordConflict';

/** What an editor's save wrote. */
export interface MergedWrite<T> {
  /** The document now in the database. */
  doc: T;
  /** True when it holds changes the editor had not seen (a teammate's, merged in by the write). */
  merged: boolean;
}

/** Options of {@link writeMerged}. */
export interface MergeWriteOptions<T> {
  /** The version the editor last saw from the database (last adopted or last written). */
  base: T | undefined;
  /** Who is writing: the losing side of a dispute is kept in history under this name. */
  author: string;
  /** Parses a merged document; a merge the schema refuses is not written (ours is, and theirs is kept in history). */
  parse: (doc: T) => T | null;
  /** Called with the stamp just before the write, so the editor knows the database's echo as its own. */
  onStamp?: (stamp: number) => void;
}

/**
 * Writes an editor's document as a three-way merge against what the database holds at the moment
 * of writing, atomically (RxDB's incremental write queue reruns the merge if the document changed
 * under it). A plain upsert would overwrite a teammate's edit that replication brought in while
 * the editor's write was waiting. Where both changed the same value, the later stamp wins and the
 * other version goes to history as a conflict, listed in Sync → Conflicts.
 */
export async function writeMerged<T extends Stamped & { id: string }>(
  db: Workspace, entity: 'persona' | 'journey', ours: T, options: MergeWriteOptions<T>,
): Promise<MergedWrite<T>> {
  const collection = entity === 'persona' ? db.personas : db.journeys;
  const existing = await collection.findOne(ours.id).exec();
  if (!existing) {
    // Not there (new, or deleted elsewhere since we read it): the edit survives the deletion.
    options.onStamp?.(ours.updatedAt);
    await collection.upsert(ours);
    if (options.base) {
      await recordConflict(db, { entity, entityId: ours.id, lost: options.base as unknown as Record<string, unknown>, conflicts: [{ path: '(document)', kind: 'edit-vs-delete' }] }, options.author);
    }
    return { doc: ours, merged: false };
  }
  let outcome: SaveMerge<T> = { doc: ours, lost: null, conflicts: [] };
  const written = await existing.incrementalModify((current) => {
    const { _deleted: deleted, ...stored } = current as unknown as T & { _deleted?: boolean };
    // Read as the editor reads (defaults filled in), so a field the editor always has is no difference.
    const theirs = options.parse(stored as T) ?? (stored as T);
    outcome = deleted ? { doc: ours, lost: null, conflicts: [] } : mergeForSave(options.base, ours, theirs);
    let doc = outcome.doc === ours ? ours : options.parse(outcome.doc);
    if (!doc) {
      // Two valid versions merged into one the schema refuses (e.g. past a size limit): ours is
      // written whole and theirs is kept, so nothing is lost and the user can pick it.
      outcome = { doc: ours, lost: theirs, conflicts: [{ path: '(document)', kind: 'both-edited' }] };
      doc = ours;
    }
    // The write is the newest thing that happened to the document, whatever the clocks say.
    const stamp = deleted || theirs.updatedAt < ours.updatedAt ? ours.updatedAt : theirs.updatedAt + 1;
    options.onStamp?.(stamp);
    return { ...doc, updatedAt: stamp, ...(ours.updatedBy !== undefined ? { updatedBy: ours.updatedBy } : {}), _deleted: false } as never;
  });
  const lost = outcome.lost;
  if (lost) {
    await recordConflict(db, { entity, entityId: ours.id, lost: lost as unknown as Record<string, unknown>, conflicts: outcome.conflicts }, options.author);
  }
  const doc = written.toJSON() as unknown as T;
  return { doc, merged: outcome.doc !== ours };
}
