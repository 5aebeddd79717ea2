import { applyPersonaChange, type PersonaChange } from './changes';
import type { PersonaDoc } from './document';

/** Undo/redo state of one editor: past and future documents around the present one. */
export interface EditHistory {
  past: PersonaDoc[];
  present: PersonaDoc;
  future: PersonaDoc[];
  /** What the last edit touched and when, so typing in one field is one undo step. */
  last: { key: string; at: number } | null;
}

/** Most undo steps kept; older ones are dropped (documents are shared structurally, so this is cheap). */
export const undoLimit = 200;
/** Edits of the same field closer together than this merge into one undo step. */
export const coalesceMs = 1000;

/** Starts an undo history at a document. */
export function startHistory(doc: PersonaDoc): EditHistory {
  return { past: [], present: doc, future: [], last: null };
}

/**
 * What a change touches, for merging keystrokes into one step; null for changes that are always a
 * step of their own (adding, removing, moving).
 */
export function coalesceKey(change: PersonaChange): string | null {
  switch (change.kind) {
    case 'setFields':
      return `fields:${Object.keys(change.fields).sort().join(',')}`;
    case 'updateSection':
      return `section:${change.sectionId}:${change.title !== undefined ? 't' : ''}${change.data !== undefined ? 'd' : ''}`;
    case 'updateItem':
      return `item:${change.sectionId}:${change.itemId}:${Object.keys(change.patch).sort().join(',')}`;
    default:
      return null;
  }
}

/** Applies a change as a new undo step, or merges it into the last step when it continues it. */
export function recordEdit(history: EditHistory, change: PersonaChange, now: number): EditHistory {
  const next = applyPersonaChange(history.present, change);
  if (next === history.present) return history;
  const key = coalesceKey(change);
  const continues = key !== null && history.last?.key === key && now - history.last.at < coalesceMs;
  const last = key === null ? null : { key, at: now };
  if (continues) return { ...history, present: next, future: [], last };
  const past = [...history.past, history.present].slice(-undoLimit);
  return { past, present: next, future: [], last };
}

/** Steps back one edit; unchanged when there is nothing to undo. */
export function undo(history: EditHistory): EditHistory {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], last: null };
}

/** Steps forward one undone edit; unchanged when there is nothing to redo. */
export function redo(history: EditHistory): EditHistory {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), last: null };
}

/**
 * Replaces the present with a document that arrived from elsewhere (sync, restore). Undo steps are
 * dropped: replaying them over someone else's edit would silently revert it.
 */
export function rebase(history: EditHistory, doc: PersonaDoc): EditHistory {
  return history.present === doc ? history : startHistory(doc);
}
