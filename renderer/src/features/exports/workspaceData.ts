import { emptyCollections, workspaceCollections, type WorkspaceCollection, type WorkspaceContent, type WorkspaceDoc } from '../../../../common/workspaceFile/format';
import type { RestorePlan } from '../../../../common/workspaceFile/restore';
import type { Workspace } from '../../db/database';
import { translate } from '../../i18n/translate';

/** Documents written per `bulkUpsert`: dataset chunks are ~1 MB each, and cancel is checked between slices. */
const sliceSize = 50;

/** Throws the standard abort error when the user cancelled, so callers tell a cancel from a failure. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
}

/** Whether an error is a cancel (see {@link throwIfCancelled}). */
export function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Every document of the collections a workspace file carries (settings stay on this machine). */
export async function collectWorkspace(db: Workspace, name: string, now: number, signal?: AbortSignal): Promise<WorkspaceContent> {
  const collections = emptyCollections();
  for (const c of workspaceCollections) {
    throwIfCancelled(signal);
    const docs = await db[c].find().exec();
    collections[c] = docs.map((d) => d.toJSON() as unknown as WorkspaceDoc);
  }
  return { name, createdAt: now, collections };
}

/** The ids already in this workspace, per collection, for the restore plan. */
export async function existingIds(db: Workspace): Promise<Record<WorkspaceCollection, Set<string>>> {
  const out = {} as Record<WorkspaceCollection, Set<string>>;
  for (const c of workspaceCollections) out[c] = new Set((await db[c].find().exec()).map((d) => d.primary));
  return out;
}

/** What a restore wrote: counted from the writes the database confirmed, not from the plan. */
export interface RestoreCounts { added: number; replaced: number; kept: number }

/** A restore the database refused part-way; everything it had written was undone. */
export class RestoreRefused extends Error {
  constructor(readonly refused: string[]) {
    super(translate('exports.file.refused', { count: refused.length, ids: `${refused.slice(0, 3).join(', ')}${refused.length > 3 ? ', …' : ''}` }));
    this.name = 'RestoreRefused';
  }
}

/**
 * Writes a plan all or nothing. RxDB has no transaction across collections (nor across slices of
 * one), so the restore keeps a journal instead: before writing it reads the current version of
 * every document it will replace, and if anything goes wrong part-way (a refused document, a
 * storage error, the user's cancel) it removes the documents it added and puts the replaced ones
 * back before rethrowing. Checking the file first (common/workspaceFile/check.ts) makes a refusal
 * unlikely; the journal covers what no check can (a full disk, a quota, a cancel).
 */
export async function applyPlan(
  db: Workspace,
  plan: RestorePlan,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<RestoreCounts> {
  const { onProgress, signal } = options;
  const total = workspaceCollections.reduce((t, c) => t + plan.write[c].length, 0);
  const before = {} as Record<WorkspaceCollection, WorkspaceDoc[]>;
  const replacing = {} as Record<WorkspaceCollection, Set<string>>;
  for (const c of workspaceCollections) {
    const conflicts = new Set(plan.conflicts[c]);
    replacing[c] = new Set(plan.write[c].filter((d) => conflicts.has(d.id)).map((d) => d.id));
    const current = replacing[c].size > 0 ? await db[c].findByIds([...replacing[c]]).exec() : new Map();
    before[c] = [...current.values()].map((d) => d.toJSON() as unknown as WorkspaceDoc);
  }
  throwIfCancelled(signal);
  const touched = Object.fromEntries(workspaceCollections.map((c) => [c, new Set<string>()])) as Record<WorkspaceCollection, Set<string>>;
  const counts: RestoreCounts = { added: 0, replaced: 0, kept: plan.counts.skipped };
  let done = 0;
  try {
    for (const c of workspaceCollections) {
      const docs = plan.write[c];
      for (let i = 0; i < docs.length; i += sliceSize) {
        throwIfCancelled(signal);
        const slice = docs.slice(i, i + sliceSize);
        // Counted as touched before the call: a throw may leave part of a slice written.
        for (const d of slice) touched[c].add(d.id);
        const res = await db[c].bulkUpsert(slice);
        if (res.error.length > 0) throw new RestoreRefused(res.error.map((e) => `${c}/${e.documentId}`));
        for (const d of res.success) if (replacing[c].has(d.primary)) counts.replaced++; else counts.added++;
        done += slice.length;
        onProgress?.(done, total);
      }
    }
  } catch (error) {
    await undo(db, touched, replacing, before);
    throw error;
  }
  return counts;
}

/** Removes what a restore added and puts back what it replaced. */
async function undo(db: Workspace, touched: Record<WorkspaceCollection, Set<string>>, replacing: Record<WorkspaceCollection, Set<string>>, before: Record<WorkspaceCollection, WorkspaceDoc[]>): Promise<void> {
  for (const c of [...workspaceCollections].reverse()) {
    const added = [...touched[c]].filter((id) => !replacing[c].has(id));
    const present = added.length > 0 ? await db[c].findByIds(added).exec() : new Map();
    if (present.size > 0) await db[c].bulkRemove([...present.keys()]);
    const back = before[c].filter((d) => touched[c].has(d.id));
    if (back.length > 0) {
      const res = await db[c].bulkUpsert(back);
      if (res.error.length > 0) throw new Error(translate('exports.file.rollbackFailed', { count: res.error.length, collection: c }));
    }
  }
}
