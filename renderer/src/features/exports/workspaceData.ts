import { emptyCollections, workspaceCollections, type WorkspaceContent, type WorkspaceDoc } from '../../../../common/workspaceFile/format';
import type { RestorePlan } from '../../../../common/workspaceFile/restore';
import type { Workspace } from '../../db/database';

/** Every document of the collections a workspace file carries (settings stay on this machine). */
export async function collectWorkspace(db: Workspace, name: string, now: number): Promise<WorkspaceContent> {
  const collections = emptyCollections();
  for (const c of workspaceCollections) {
    const docs = await db[c].find().exec();
    collections[c] = docs.map((d) => d.toJSON() as unknown as WorkspaceDoc);
  }
  return { name, createdAt: now, collections };
}

/** The ids already in this workspace, per collection, for the restore plan. */
export async function existingIds(db: Workspace): Promise<Record<(typeof workspaceCollections)[number], Set<string>>> {
  const out = {} as Record<(typeof workspaceCollections)[number], Set<string>>;
  for (const c of workspaceCollections) out[c] = new Set((await db[c].find().exec()).map((d) => d.primary));
  return out;
}

/**
 * Writes a plan, a collection at a time in slices (dataset chunks are ~1 MB each). Returns the
 * documents the database refused (its schema has the last word) so the user hears about each.
 */
export async function applyPlan(db: Workspace, plan: RestorePlan, onProgress: (done: number, total: number) => void): Promise<string[]> {
  const total = workspaceCollections.reduce((t, c) => t + plan.write[c].length, 0);
  const refused: string[] = [];
  let done = 0;
  for (const c of workspaceCollections) {
    const docs = plan.write[c];
    for (let i = 0; i < docs.length; i += 50) {
      const slice = docs.slice(i, i + 50);
      const res = await db[c].bulkUpsert(slice);
      for (const e of res.error) refused.push(`${c}/${e.documentId}`);
      done += slice.length;
      onProgress(done, total);
    }
  }
  return refused;
}
