import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import {
  formatProblems, recordEdit, salvagePersona, redo as redoStep, shouldRecordVersion, startHistory, undo as undoStep, defaultVersionPolicy,
  type EditHistory, type PersonaChange, type PersonaDoc, type PersonaVersion, type VersionTrigger,
} from '../../../../common/persona';
import { takeIn } from '../../../../common/sync/editMerge';
import { classifyIncoming } from './incoming';
import { parsePersona, savePersonaMerged, versionIfChanged } from './store';

/** What the saved indicator shows. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  /** Some fields are invalid: `partial` when everything else was stored (the invalid parts keep their stored value). */
  | { kind: 'invalid'; message: string; partial: boolean }
  | { kind: 'error'; message: string };

/**
 * The persona editor's state: the document with its undo history, autosave with a visible state, and
 * version recording by the coalescing policy (a version per meaningful save, not per keystroke).
 *
 * A teammate's version (from sync or another window) never loses anyone's work: each save is a
 * three-way merge against the database at write time, and a version arriving while edits of ours
 * are unwritten is merged into the editor (our values kept where both changed one; the save then
 * settles it and keeps the loser in history). Undo steps survive: they are rebased onto the
 * teammate's version, so undo and redo only ever take back the user's own edits.
 */
export function usePersonaEditor(id: string) {
  const db = useWorkspace();
  const [history, setHistory] = useState<EditHistory | null>(null);
  const [missing, setMissing] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  // The history lives in a ref as the source of truth (edits arrive faster than renders); state mirrors it.
  const hist = useRef<EditHistory | null>(null);
  const present = useRef<PersonaDoc | null>(null);
  // What was last written (or read): the editor's document it came from and the stamp it got, so the
  // database's echo of our own write is recognised without parsing it again.
  const written = useRef<{ source: PersonaDoc | null; updatedAt: number }>({ source: null, updatedAt: -1 });
  // The database version the editor's state descends from (last read, adopted or written): the
  // base of the three-way merge each save makes against what the database holds by then.
  const base = useRef<PersonaDoc | null>(null);
  // Stamps of our own writes, registered before each write starts: RxDB may emit a write's change
  // before the write's promise resolves, and that echo must never be mistaken for a teammate's edit.
  const ownStamps = useRef(new Set<number>());
  const version = useRef<{ last: PersonaVersion | null; changed: boolean; lastEditAt: number }>({ last: null, changed: false, lastEditAt: 0 });
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<{ running: Promise<void> | null; again: boolean }>({ running: null, again: false });
  // Whether the shown document has invalid parts that were held back from the last write: the
  // editor's state is then still a draft ahead of the database, as if unwritten.
  const held = useRef(false);

  const maybeVersion = useCallback(async (trigger: VersionTrigger) => {
    const v = version.current;
    // What is stored (with any held-back field at its stored value) is what a version records.
    const stored = base.current;
    if (!present.current || !stored || written.current.source !== present.current) return;
    const state = { changedSinceVersion: v.changed, lastVersionAt: v.last?.createdAt ?? null, lastEditAt: v.lastEditAt, now: Date.now() };
    if (!shouldRecordVersion(trigger, state)) return;
    v.changed = false;
    // Edits that were undone back to the last version are no new version (versionIfChanged checks).
    v.last = await versionIfChanged(db, stored);
  }, [db]);

  const flush = useCallback(async () => {
    const doc = present.current;
    if (!doc) return;
    if (written.current.source === doc) {
      // Nothing new to write; held-back invalid fields still show as not saved.
      if (!held.current) setSave({ kind: 'saved' });
      return;
    }
    // An invalid field never keeps the valid edits out of the database: they are written, with the
    // invalid parts at their stored value, while the editor keeps showing what the user typed.
    const salvaged = base.current ? salvagePersona(doc, base.current) : { doc, held: [] };
    const message = formatProblems(salvaged.held.slice(0, 3));
    if (!salvaged.doc) {
      setSave({ kind: 'invalid', message, partial: false });
      return;
    }
    const toWrite = salvaged.doc;
    const stamp = Math.max(Date.now(), written.current.updatedAt + 1);
    ownStamps.current.add(stamp);
    const result = await savePersonaMerged(db, toWrite, stamp, base.current, (s) => ownStamps.current.add(s))
      .catch((e: unknown) => ({ ok: false as const, code: 'io-error' as const, message: String(e) }));
    if (!result.ok) {
      setSave(result.code === 'invalid-document' ? { kind: 'invalid', message: result.message, partial: false } : { kind: 'error', message: result.message });
      return;
    }
    const saved = result.data.doc;
    // The editor moved on to another persona while this write ran: its refs are not this one's.
    if (present.current?.id !== doc.id) return;
    base.current = saved;
    written.current = { source: doc, updatedAt: saved.updatedAt };
    held.current = salvaged.held.length > 0;
    if (result.data.merged && hist.current) {
      // The write merged in a teammate's change the editor had not shown: show it now (over the
      // user's held-back draft values, never instead of them).
      const unchanged = present.current === doc && !held.current;
      hist.current = takeIn(hist.current, toWrite, saved, unchanged);
      present.current = hist.current.present;
      if (unchanged) written.current = { source: saved, updatedAt: saved.updatedAt };
      setHistory(hist.current);
    }
    if (written.current.source === present.current) setSave(held.current ? { kind: 'invalid', message, partial: true } : { kind: 'saved' });
    await maybeVersion('save');
  }, [db, maybeVersion]);

  // Autosave without a timer: a write starts at once; edits made while it runs are written together
  // right after it. Typing coalesces by itself and an edit is on disk one write after the keystroke.
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

  // Live document: the first emission starts the history; later ones that are not our own echo come
  // from sync or another window, and replace the present when nothing of ours is waiting.
  useEffect(() => {
    let first = true;
    const sub = db.personas.findOne(id).$.subscribe((doc) => {
      if (!doc) {
        if (first) setMissing(true);
        return;
      }
      const action = classifyIncoming({
        first, stamp: (doc.toJSON() as { updatedAt?: unknown }).updatedAt, ownStamps: ownStamps.current,
        writing: saving.current.running !== null, unwritten: written.current.source !== present.current || held.current,
      });
      if (action === 'own-echo') return;
      const parsed = parsePersona(doc.toJSON());
      if (!parsed.ok) {
        setSave({ kind: 'error', message: `This persona cannot be read: ${parsed.message}` });
        return;
      }
      if (action === 'start' || !hist.current || !base.current) {
        first = false;
        // A persona opened before sync brought it here shows as soon as it arrives.
        setMissing(false);
        base.current = parsed.data;
        written.current = { source: parsed.data, updatedAt: parsed.data.updatedAt };
        present.current = parsed.data;
        hist.current = startHistory(parsed.data);
        setHistory(hist.current);
        // Edits stored since the newest version (a reload within the idle time, a closed window)
        // become a version now, so the history reaches every state the persona has had.
        void versionIfChanged(db, parsed.data, { author: parsed.data.updatedBy || undefined }).then((v) => { version.current.last = v; });
        return;
      }
      const adopt = action === 'adopt';
      hist.current = takeIn(hist.current, base.current, parsed.data, adopt);
      present.current = hist.current.present;
      setHistory(hist.current);
      if (adopt) {
        base.current = parsed.data;
        written.current = { source: parsed.data, updatedAt: Math.max(written.current.updatedAt, parsed.data.updatedAt) };
        return;
      }
      // Merged: the base stays the version our pending edits started from, so the save's own
      // merge against the database sees both sides and keeps whichever value loses in history.
      setSave({ kind: 'pending' });
      requestSave();
    });
    const s = saving.current;
    return () => {
      sub.unsubscribe();
      clearTimeout(idleTimer.current);
      void (s.running ?? Promise.resolve()).then(flush).then(() => maybeVersion('leave'));
    };
  }, [db, id, flush, maybeVersion, requestSave]);

  const commit = useCallback((next: EditHistory) => {
    hist.current = next;
    present.current = next.present;
    setHistory(next);
    // Even an undo back to what was last written goes through the save loop: a write of the undone
    // state may still be in flight, and the loop then writes this one after it.
    version.current.changed = true;
    version.current.lastEditAt = Date.now();
    setSave({ kind: 'pending' });
    requestSave();
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => void maybeVersion('idle'), defaultVersionPolicy.idleMs);
  }, [requestSave, maybeVersion]);

  const edit = useCallback((change: PersonaChange) => {
    if (hist.current) commit(recordEdit(hist.current, change, Date.now()));
  }, [commit]);
  const undo = useCallback(() => {
    if (hist.current) commit(undoStep(hist.current));
  }, [commit]);
  const redo = useCallback(() => {
    if (hist.current) commit(redoStep(hist.current));
  }, [commit]);
  const saveVersionNow = useCallback(async () => {
    await saving.current.running;
    await flush();
    await maybeVersion('explicit');
  }, [flush, maybeVersion]);

  // Writing before the page goes away: a reload right after typing still keeps the edit.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  const getDoc = useCallback((): PersonaDoc => {
    if (!present.current) throw new Error('getDoc() before the persona loaded');
    return present.current;
  }, []);

  return { doc: history?.present ?? null, history, missing, save, edit, undo, redo, saveVersionNow, getDoc };
}
