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
  const [stack, setStack] = useState<UndoStack<JourneyDoc> | null>(null);
  const ownWrites = useRef(new Set<number>());

  useEffect(() => {
    if (!item) return;
    setStack((s) => {
      if (s && s.present.id === item.id && (ownWrites.current.has(item.updatedAt) || item.updatedAt <= s.present.updatedAt)) return s;
      return undoStart(item);
    });
  }, [item]);

  const persist = useCallback((next: JourneyDoc) => {
    ownWrites.current.add(next.updatedAt);
    saveJourney(db, next).catch((e: unknown) => showToast(`Could not save: ${e instanceof Error ? e.message : String(e)}`, { tone: 'error' }));
  }, [db]);

  const commit = useCallback((make: (prev: JourneyDoc) => JourneyDoc | null) => {
    setStack((s) => {
      if (!s) return s;
      const next = make(s.present);
      if (!next) return s;
      persist(next);
      return undoPush(s, next);
    });
  }, [persist]);

  const dispatch = useCallback((...changes: JourneyChange[]) => {
    if (!stack) return false;
    const r = applyChanges(stack.present, changes);
    if (!r.ok) {
      showToast(r.message, { tone: 'error', ms: 5000 });
      return false;
    }
    commit((prev) => ({ ...prev, ...r.data, updatedAt: stamp(prev) }));
    return true;
  }, [stack, commit]);

  const update = useCallback((patch: Partial<JourneyDoc>) => {
    commit((prev) => ({ ...prev, ...patch, id: prev.id, updatedAt: stamp(prev) }));
  }, [commit]);

  const replace = useCallback((next: JourneyDoc) => {
    commit((prev) => ({ ...next, id: prev.id, updatedAt: stamp(prev) }));
  }, [commit]);

  // Undo and redo restore an earlier state and write it again, with a fresh timestamp.
  const step = useCallback((direction: typeof undo) => {
    setStack((s) => {
      if (!s) return s;
      const moved = direction(s);
      if (moved === s) return s;
      const present = { ...moved.present, updatedAt: stamp(s.present) };
      persist(present);
      return { ...moved, present };
    });
  }, [persist]);

  if (!stack || stack.present.id !== id) return { editor: null, loading: loading || (!!item && !stack), problem: problem?.message ?? null };
  return {
    editor: {
      journey: stack.present, dispatch, update, replace,
      undo: () => step(undo), redo: () => step(redo),
      canUndo: stack.past.length > 0, canRedo: stack.future.length > 0,
    },
    loading: false,
    problem: null,
  };
}
