/** What the editor does with a version of its persona that the database emits. */
export type IncomingAction =
  /** The first read: start the editor on it. */
  | 'start'
  /** The echo of one of our own writes: nothing to do. */
  | 'own-echo'
  /**
   * Someone else's write while ours is under way or waiting: merged into the editor's state (our
   * edits kept), and the save that follows merges against the database, so neither side is lost.
   */
  | 'merge'
  /** Someone else's write while we have nothing unwritten: shown as it is; undo steps are kept, rebased onto it. */
  | 'adopt';

/**
 * Decides how an emitted document is handled. Own writes are recognised by stamps registered before
 * each write starts, because RxDB may emit a write's change before the write's promise resolves.
 */
export function classifyIncoming(s: { first: boolean; stamp: unknown; ownStamps: ReadonlySet<number>; writing: boolean; unwritten: boolean }): IncomingAction {
  if (s.first) return 'start';
  if (typeof s.stamp === 'number' && s.ownStamps.has(s.stamp)) return 'own-echo';
  return s.writing || s.unwritten ? 'merge' : 'adopt';
}
