import { workspaceCollections, type WorkspaceCollection, type WorkspaceContent, type WorkspaceDoc } from './format';

/** What to do with a document whose id already exists in the target workspace. */
export type ConflictChoice = 'skip' | 'replace';

/** The writes a restore will make, decided before anything is written. */
export interface RestorePlan {
  /** Documents to insert (new ids) or overwrite (only when the user chose replace), per collection. */
  write: Record<WorkspaceCollection, WorkspaceDoc[]>;
  /** Ids present on both sides, per collection. */
  conflicts: Record<WorkspaceCollection, string[]>;
  /** Totals for the confirmation line ("12 new, 3 replaced, 2 skipped"). */
  counts: { added: number; replaced: number; skipped: number };
}

/**
 * Plans a restore into a workspace that already holds `existing` ids. Without an explicit choice a
 * conflict is never overwritten: `choice` undefined plans no writes at all when there is any conflict,
 * so the UI must ask (skip or replace) or restore into a new, empty workspace instead.
 */
export function planRestore(content: WorkspaceContent, existing: Partial<Record<WorkspaceCollection, ReadonlySet<string>>>, choice?: ConflictChoice): RestorePlan {
  const write = {} as RestorePlan['write'];
  const conflicts = {} as RestorePlan['conflicts'];
  const counts = { added: 0, replaced: 0, skipped: 0 };
  for (const name of workspaceCollections) {
    const have = existing[name] ?? new Set<string>();
    write[name] = [];
    conflicts[name] = [];
    for (const doc of content.collections[name]) {
      if (!have.has(doc.id)) { write[name].push(doc); counts.added++; continue; }
      conflicts[name].push(doc.id);
      if (choice === 'replace') { write[name].push(doc); counts.replaced++; } else counts.skipped++;
    }
  }
  const anyConflict = workspaceCollections.some((n) => conflicts[n].length > 0);
  if (anyConflict && choice === undefined) {
    for (const name of workspaceCollections) write[name] = [];
    return { write, conflicts, counts: { added: 0, replaced: 0, skipped: 0 } };
  }
  return { write, conflicts, counts };
}

/** How many conflicts a plan found across all collections. */
export function conflictCount(plan: RestorePlan): number {
  return workspaceCollections.reduce((t, n) => t + plan.conflicts[n].length, 0);
}
