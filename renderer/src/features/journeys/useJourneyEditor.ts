import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useLiveDocument } from '../../db/hooks';
import {
  applyChanges, readJourneyDoc, redo, undo, undoPush, undoStart,
  type JourneyChange, type JourneyDoc, type UndoStack,
} from '../../../../common/journey';
import { showToast } from '../../ui/toast';
import { takeIn } from '../../../../common/sync/editMerge';
import { saveJourneyMerged } from './store';

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
 * states gives undo and redo, and every new state is written to the database, one write at a time
 * (edits made during a write are written together right after it).
 *
 * A teammate's version never loses anyone's work: each write is a three-way merge against the
 * database at write time (`saveJourneyMerged`), and a version arriving from sync or another window
 * is merged into the editor — shown as it is when nothing of ours is unwritten, merged with our
 * unwritten edits otherwise. Undo and redo states are rebased onto it, so undo only ever takes
 * back the user's own edits, never the teammate's.
 */
export function useJourneyEditor(id: string): { editor: JourneyEditor | null; loading: boolean; problem: string | null } {
  const db = useWorkspace();
  const { item, loading, problem } = useLiveDocument('journeys', id, readJourneyDoc);
  // The stack lives in a ref as the source of truth (edits can come faster than renders); state mirrors it.
  const [stack, setStackState] = useState<UndoStack<JourneyDoc> | null>(null);
  const latest = useRef<UndoStack<JourneyDoc> | null>(null);
  // The database version the editor's states descend from (last read, adopted or written).
  const base = useRef<JourneyDoc | null>(null);
  // The state last written (or read): anything else shown is still to be written.
  const written = useRef<JourneyDoc | null>(null);
  // Stamps of our own writes, so the database's echo of them is not taken for a teammate's edit.
  const ownStamps = useRef(new Set<number>());
  const saving = useRef<{ running: Promise<void> | null; again: boolean }>({ running: null, again: false });

  const show = useCallback((next: UndoStack<JourneyDoc>) => {
    latest.current = next;
    setStackState(next);
  }, []);

  const flush = useCallback(async () => {
    const current = latest.current;
    if (!current || current.present === written.current) return;
    const doc = current.present;
    ownStamps.current.add(doc.updatedAt);
    try {
      const saved = await saveJourneyMerged(db, doc, base.current, (s) => ownStamps.current.add(s));
      // The editor moved on to another journey while this write ran: its refs are not this one's.
      if (latest.current?.present.id !== doc.id) return;
      base.current = saved.doc;
      written.current = doc;
      const now = latest.current;
      if (saved.merged && now && now.present.id === doc.id) {
        // The write merged in a teammate's change the editor had not shown: show it now.
        const unchanged = now.present === doc;
        const next = takeIn(now, doc, saved.doc, unchanged);
        if (unchanged) written.current = next.present;
        show(next);
      }
    } catch (e: unknown) {
      showToast(`Could not save: ${e instanceof Error ? e.message : String(e)}`, { tone: 'error' });
    }
  }, [db, show]);

  const requestSave = useCallback(() => {
    const s = saving.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = (async () => {
      do {
        s.again = false;
        await flush();
      } while (s.again);
      s.running = null;
    })();
  }, [flush]);

  useEffect(() => {
    if (!item) return;
    const current = latest.current;
    if (!current || current.present.id !== item.id || !base.current) {
      base.current = item;
      written.current = item;
      show(undoStart(item));
      return;
    }
    if (ownStamps.current.has(item.updatedAt) || item.updatedAt === base.current.updatedAt) return;
    const unwritten = saving.current.running !== null || current.present !== written.current;
    show(takeIn(current, base.current, item, !unwritten));
    if (!unwritten) {
      base.current = item;
      written.current = item;
      return;
    }
    // Merged with unwritten edits: the base stays where those edits started, so the save's merge
    // against the database sees both sides and keeps whichever value loses in history.
    requestSave();
  }, [item, show, requestSave]);

  const commit = useCallback((next: UndoStack<JourneyDoc>) => {
    show(next);
    requestSave();
  }, [show, requestSave]);

  // Stable across renders (it reads the latest state through a ref), so memoised map cells and
  // stage headers do not all re-render on every edit.
  const dispatch = useCallback((...changes: JourneyChange[]) => {
    const current = latest.current;
    if (!current) return false;
    const r = applyChanges(current.present, changes);
    if (!r.ok) {
      showToast(r.message, { tone: 'error', ms: 5000 });
      return false;
    }
    commit(undoPush(current, { ...current.present, ...r.data, updatedAt: stamp(current.present) }));
    return true;
  }, [commit]);

  const update = useCallback((patch: Partial<JourneyDoc>) => {
    const current = latest.current;
    if (current) commit(undoPush(current, { ...current.present, ...patch, id: current.present.id, updatedAt: stamp(current.present) }));
  }, [commit]);

  const replace = useCallback((next: JourneyDoc) => {
    const current = latest.current;
    if (current) commit(undoPush(current, { ...next, id: current.present.id, updatedAt: stamp(current.present) }));
  }, [commit]);

  // Undo and redo restore an earlier state and write it again, with a fresh timestamp.
  const step = useCallback((direction: typeof undo) => {
    const current = latest.current;
    if (!current) return;
    const moved = direction(current);
    if (moved === current) return;
    commit({ ...moved, present: { ...moved.present, updatedAt: stamp(current.present) } });
  }, [commit]);
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
