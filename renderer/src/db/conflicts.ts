import type { RxConflictHandler, WithDeleted } from 'rxdb/plugins/core';
import { canonicalJson } from '../../../common/sync/merge';
import { mergeDocuments, sameJson } from '../../../common/sync/editMerge';
import type { MergeConflict } from '../../../common/sync/merge';
import type { AgreedBases } from './agreedBases';

/** A side of a conflict that lost at least one value, to be kept in history. */
export interface ConflictRecord {
  entity: 'persona' | 'journey';
  entityId: string;
  /** The losing side's whole document, so the user can pick it in the conflicts view. */
  lost: Record<string, unknown>;
  conflicts: MergeConflict[];
}

/**
 * RxDB's conflict handler for personas and journeys: the local edit (newDocumentState) and the
 * server's (realMasterState) are merged element by element against the state both started from
 * (assumedMasterState, or the newer agreed state the push found). Where a value had to be set aside, the losing document is handed to
 * `record` so it lands in history — work is never silently dropped. RxDB's default handler simply
 * takes the server's state, which is how edits were lost in the measurements ARCHITECTURE.md cites.
 */
export function mergeConflictHandler(
  entity: ConflictRecord['entity'],
  record: (entry: ConflictRecord) => Promise<void>,
  bases?: AgreedBases,
): RxConflictHandler<{ id: string }> {
  return {
    isEqual: (a, b) => canonicalJson(strip(a)) === canonicalJson(strip(b)),
    async resolve({ assumedMasterState, realMasterState, newDocumentState }) {
      const local = strip(newDocumentState);
      const remote = strip(realMasterState);
      // The push may have found a newer agreed state than RxDB's (our own write whose answer was lost).
      const agreed = bases?.take(String(remote.id), remote);
      const base = agreed ?? (assumedMasterState ? strip(assumedMasterState) : undefined);
      const deleted = deletionOutcome(base, local, remote);
      if (deleted) {
        if (deleted.lost) await record({ entity, entityId: String(local.id ?? remote.id), lost: deleted.lost, conflicts: [{ path: '(document)', kind: 'edit-vs-delete' }] }).catch(() => {});
        return deleted.result as WithDeleted<{ id: string }>;
      }
      type Doc = Record<string, unknown> & { updatedAt: number };
      const { merged, conflicts, winner } = mergeDocuments(base as Doc | undefined, local as Doc, remote as Doc);
      if (conflicts.length > 0) {
        const lost = winner === 'a' ? remote : local;
        await record({ entity, entityId: String(local.id ?? remote.id), lost, conflicts }).catch(() => {});
      }
      // A result that is neither side is a new version: it gets a stamp of its own, so an open
      // editor that wrote one side does not take the merge for the echo of its own write.
      if (!sameJson(merged, local) && !sameJson(merged, remote) && typeof merged.updatedAt === 'number') merged.updatedAt += 1;
      return merged as unknown as WithDeleted<{ id: string }>;
    },
  };
}

/**
 * One side deleted the document, the other did not. An edit made since the common state beats the
 * deletion (the edited document comes back and the deleted side is recorded); with no competing
 * edit the deletion stands.
 */
function deletionOutcome(
  base: Record<string, unknown> | undefined, local: Record<string, unknown>, remote: Record<string, unknown>,
): { result: Record<string, unknown>; lost?: Record<string, unknown> } | null {
  const localDeleted = local._deleted === true;
  if (localDeleted === (remote._deleted === true)) return null;
  const [dead, live] = localDeleted ? [local, remote] : [remote, local];
  const content = (doc: Record<string, unknown>) => {
    const { _deleted: _d, updatedAt: _u, ...rest } = doc;
    return canonicalJson(rest);
  };
  const liveEdited = base === undefined || content(live) !== content(base);
  if (!liveEdited) return { result: dead };
  return { result: { ...live, _deleted: false }, lost: dead };
}

/** The document data the merge sees: without RxDB's bookkeeping fields. */
function strip(doc: WithDeleted<{ id: string }>): Record<string, unknown> {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc as unknown as Record<string, unknown>;
  return rest;
}
