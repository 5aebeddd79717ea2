/**
 * Merging for the editors: what a save writes when the database changed under it, and how an
 * editor takes in a teammate's version while it holds edits of its own. Built on {@link mergeVersions},
 * so a save and a replication conflict follow the same rules (element by element by id; the same
 * value edited on both sides goes to the later `updatedAt`).
 */
import { canonicalJson, mergeVersions } from './merge';
import type { MergeConflict, MergeResult } from './merge';

/** A persona or journey as the merge sees it: plain JSON with a time stamp. */
export interface Stamped { updatedAt: number; updatedBy?: string }

/**
 * {@link mergeVersions}, with `updatedBy` treated as bookkeeping rather than content: it follows the
 * winning side instead of being reported as a conflict every time two different people save.
 */
export function mergeDocuments<T extends Stamped>(base: T | undefined, a: T, b: T): MergeResult<T> {
  const drop = (d: T) => {
    const { updatedBy: _b, ...rest } = d;
    return rest as T;
  };
  const result = mergeVersions(base === undefined ? undefined : drop(base), drop(a), drop(b));
  const by = (result.winner === 'a' ? a : b).updatedBy ?? a.updatedBy ?? b.updatedBy;
  return by === undefined ? result : { ...result, merged: { ...result.merged, updatedBy: by } };
}

/** Equal as JSON, whatever the key order. */
export const sameJson = (x: unknown, y: unknown): boolean => canonicalJson(x) === canonicalJson(y);

/** Equal apart from the save stamp (`updatedAt`, `updatedBy`). */
export function sameContent<T extends Stamped>(x: T, y: T): boolean {
  const content = ({ updatedAt: _a, updatedBy: _b, ...rest }: T) => rest;
  return sameJson(content(x), content(y));
}

/** What a save writes, and the version that lost a disputed value, if any (to keep in history). */
export interface SaveMerge<T> { doc: T; lost: T | null; conflicts: MergeConflict[] }

/**
 * The document a save writes. `base` is the version the editor last saw from the database, `ours`
 * the editor's (stamped with the save's time), `theirs` what the database holds now. When nobody
 * wrote in between, ours is written as it is; otherwise the three merge, and the side that lost a
 * value is returned as `lost`.
 */
export function mergeForSave<T extends Stamped>(base: T | undefined, ours: T, theirs: T): SaveMerge<T> {
  if (base !== undefined && sameJson(theirs, base)) return { doc: ours, lost: null, conflicts: [] };
  if (sameContent(theirs, ours)) return { doc: ours, lost: null, conflicts: [] };
  const { merged, conflicts, winner } = mergeDocuments(base, ours, theirs);
  return { doc: merged, lost: conflicts.length > 0 ? (winner === 'a' ? theirs : ours) : null, conflicts };
}

/**
 * Merges `incoming` into `state`, both descended from `from`, with one side preferred where both
 * changed the same value. The result keeps `state`'s own stamp.
 */
export function mergePreferring<T extends Stamped>(from: T, state: T, incoming: T, prefer: 'state' | 'incoming'): T {
  if (state === from) return incoming;
  const top = Math.max(state.updatedAt, incoming.updatedAt);
  const [s, i] = prefer === 'state'
    ? [{ ...state, updatedAt: top + 1 }, { ...incoming, updatedAt: top }]
    : [{ ...state, updatedAt: top }, { ...incoming, updatedAt: top + 1 }];
  return { ...mergeDocuments(from, s, i).merged, updatedAt: state.updatedAt };
}

/** An editor's undo stack: earlier states, the one shown, undone ones. */
export interface StateStack<T> { past: T[]; present: T; future: T[] }

/**
 * Takes a teammate's version into an editor's undo stack. `from` is the database version the stack
 * was based on. The shown state gets the teammate's changes while keeping the user's own edits
 * where both touched the same value (the save that follows settles that dispute against the
 * database and keeps the loser in history). Every undo and redo state gets the teammate's changes
 * too, with theirs preferred, so undo and redo step through the user's own edits only and never
 * take a teammate's work back out. With `replacePresent` (nothing of ours unwritten) the shown
 * state simply becomes the incoming version.
 */
export function takeIn<T extends Stamped, S extends StateStack<T>>(stack: S, from: T, incoming: T, replacePresent: boolean): S {
  const rebase = (state: T) => mergePreferring(from, state, incoming, 'incoming');
  return {
    ...stack,
    past: stack.past.map(rebase),
    present: replacePresent ? incoming : mergePreferring(from, stack.present, incoming, 'state'),
    future: stack.future.map(rebase),
  };
}
