import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useLiveDocument } from '../../db/hooks';
import {
  applyChanges, readJourneyDoc, redo, undo, undoPush, undoStart,
  type JourneyChange, type JourneyDoc, type UndoStack,
} from '../../../../common/journey';
import { showToast } from '../../ui/toast';
import { saveJourney } from './store';

/** What the editor screens get: the journey, edit functions, and undo/redo. */
export interface JourneyEditor {
  journey: JourneyDoc;
  /** Applies edits as one undo step and saves. */
  dispatch: (...changes: JourneyChange[]) => boolean;
  /** Replaces document fields outside the body (name, tags, persona links, status). */
  update: (patch: Partial<JourneyDoc>) => void;
  /** Replaces the whole document (publish, restore), as one undo step. */
  replace: (next: JourneyDoc) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

// Timestamps must increase even for two edits in the same millisecond, so our own writes are recognisable.
const stamp = (prev: JourneyDoc) => Math.max(Date.now(), prev.updatedAt + 1);

/**
 * Holds one journey being edited. Edits are change objects applied by the pure model; the stack of
 * states gives undo and redo, and every new state is written to the database. A change from
 * elsewhere (sync, another window) replaces the state when it is not one of our own writes.
 */
export function useJourneyEditor(id: string): { editor: JourneyEditor | null; loading: boolean; problem: string | null } {
  const db = useWorkspace();
  const { item, loading, problem } = useLiveDocument('journeys', id, readJourneyDoc);
  // `dirty` marks states made here, which the effect below writes; states read from the database are not written back.
  const [state, setState] = useState<{ stack: UndoStack<JourneyDoc>; dirty: boolean } | null>(null);
  const stack = state?.stack ?? null;
  const latest = useRef(stack);
  const ownWrites = useRef(new Set<number>());

  useEffect(() => {
    latest.current = stack;
  });

  useEffect(() => {
    if (!item) return;
    setState((s) => {
      if (s && s.stack.present.id === item.id && (ownWrites.current.has(item.updatedAt) || item.updatedAt <= s.stack.present.updatedAt)) return s;
      return { stack: undoStart(item), dirty: false };
    });
  }, [item]);

  useEffect(() => {
    if (!state?.dirty) return;
    const present = state.stack.present;
    ownWrites.current.add(present.updatedAt);
    saveJourney(db, present).catch((e: unknown) => showToast(`Could not save: ${e instanceof Error ? e.message : String(e)}`, { tone: 'error' }));
  }, [db, state]);

  const commit = useCallback((make: (prev: JourneyDoc) => JourneyDoc | null) => {
    setState((s) => {
      if (!s) return s;
      const next = make(s.stack.present);
      return next ? { stack: undoPush(s.stack, next), dirty: true } : s;
    });
  }, []);

  // Stable across renders (it reads the latest state through a ref), so memoised map cells and
  // stage headers do not all re-render on every edit.
  const dispatch = useCallback((...changes: JourneyChange[]) => {
    const current = latest.current;
    if (!current) return false;
    const check = applyChanges(current.present, changes);
    if (!check.ok) {
      showToast(check.message, { tone: 'error', ms: 5000 });
      return false;
    }
    commit((prev) => {
      const r = prev === current.present ? check : applyChanges(prev, changes);
      return r.ok ? { ...prev, ...r.data, updatedAt: stamp(prev) } : null;
    });
    return true;
  }, [commit]);

  const update = useCallback((patch: Partial<JourneyDoc>) => {
    commit((prev) => ({ ...prev, ...patch, id: prev.id, updatedAt: stamp(prev) }));
  }, [commit]);

  const replace = useCallback((next: JourneyDoc) => {
    commit((prev) => ({ ...next, id: prev.id, updatedAt: stamp(prev) }));
  }, [commit]);

  // Undo and redo restore an earlier state and write it again, with a fresh timestamp.
  const step = useCallback((direction: typeof undo) => {
    setState((s) => {
      if (!s) return s;
      const moved = direction(s.stack);
      if (moved === s.stack) return s;
      return { stack: { ...moved, present: { ...moved.present, updatedAt: stamp(s.stack.present) } }, dirty: true };
    });
  }, []);
  const undoFn = useCallback(() => step(undo), [step]);
  const redoFn = useCallback(() => step(redo), [step]);

  if (!stack || stack.present.id !== id) return { editor: null, loading: loading || (!!item && !stack), problem: problem?.message ?? null };
  return {
    editor: {
      journey: stack.present, dispatch, update, replace,
      undo: undoFn, redo: redoFn,
      canUndo: stack.past.length > 0, canRedo: stack.future.length > 0,
    },
    loading: false,
    problem: null,
  };
}
