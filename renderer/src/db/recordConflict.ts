import { canonicalJson } from '../../../common/sync/merge';
import { digest } from '../../../common/sync/digest';
import type { ConflictRecord } from './conflicts';
import type { Workspace } from './database';

/**
 * Keeps the losing side of a sync conflict in `history` (kind `conflict`). The id is derived from
 * the entity and the losing document, so two laptops resolving the same conflict write the same
 * entry once instead of two copies.
 */
export async function recordConflict(db: Workspace, entry: ConflictRecord, author: string): Promise<void> {
  const id = `conflict-${entry.entityId}-${digest(canonicalJson(entry.lost))}`.slice(0, 64);
  const summary = `Conflict while syncing: ${entry.conflicts.map((c) => (c.kind === 'edit-vs-delete' ? `${c.path} (edited here, deleted there)` : c.path)).join(', ')}`;
  const { _deleted: _d, ...snapshot } = entry.lost;
  await db.history.upsert({
    id,
    kind: 'conflict',
    entity: entry.entity,
    entityId: entry.entityId,
    number: 0,
    author,
    summary: summary.slice(0, 2000),
    snapshot,
    createdAt: Date.now(),
  });
}
