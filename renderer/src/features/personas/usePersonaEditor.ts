import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import {
  rebase, recordEdit, redo as redoStep, shouldRecordVersion, startHistory, undo as undoStep, defaultVersionPolicy,
  type EditHistory, type PersonaChange, type PersonaDoc, type PersonaVersion, type VersionTrigger,
} from '../../../../common/persona';
import { latestVersion, parsePersona, plain, recordVersion, savePersona } from './store';

/** What the saved indicator shows. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

/** Quiet time before an edit is written: short, so an edit survives a reload within a second. */
export const autosaveMs = 250;

/**
 * The persona editor's state: the document with its undo history, autosave with a visible state, and
 * version recording by the coalescing policy (a version per meaningful save, not per keystroke).
 */
export function usePersonaEditor(id: string) {
  const db = useWorkspace();
  const [history, setHistory] = useState<EditHistory | null>(null);
  const [missing, setMissing] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  // The history lives in a ref as the source of truth (edits arrive faster than renders); state mirrors it.
  const hist = useRef<EditHistory | null>(null);
  const present = useRef<PersonaDoc | null>(null);
  const written = useRef<{ source: PersonaDoc | null; json: string }>({ source: null, json: '' });
  const version = useRef<{ last: PersonaVersion | null; changed: boolean; lastEditAt: number }>({ last: null, changed: false, lastEditAt: 0 });
  const timers = useRef<{ save?: ReturnType<typeof setTimeout>; idle?: ReturnType<typeof setTimeout> }>({});

  const maybeVersion = useCallback(async (trigger: VersionTrigger) => {
    const v = version.current;
    const doc = present.current;
    if (!doc || written.current.source !== doc) return;
    const state = { changedSinceVersion: v.changed, lastVersionAt: v.last?.createdAt ?? null, lastEditAt: v.lastEditAt, now: Date.now() };
    if (!shouldRecordVersion(trigger, state)) return;
    v.changed = false;
    v.last = await recordVersion(db, doc, v.last);
  }, [db]);

  const flush = useCallback(async () => {
    clearTimeout(timers.current.save);
    const doc = present.current;
    if (!doc || written.current.source === doc) return;
    const result = await savePersona(db, doc).catch((e: unknown) => ({ ok: false as const, code: 'io-error' as const, message: String(e) }));
    if (!result.ok) {
      setSave(result.code === 'invalid-document' ? { kind: 'invalid', message: result.message } : { kind: 'error', message: result.message });
      return;
    }
    written.current = { source: doc, json: JSON.stringify(plain(result.data)) };
    if (present.current === doc) setSave({ kind: 'saved' });
    await maybeVersion('save');
  }, [db, maybeVersion]);

  // Live document: the first emission starts the history; later ones that are not our own echo come
  // from sync or another window, and replace the present when nothing of ours is waiting.
  useEffect(() => {
    let first = true;
    void latestVersion(db, id).then((v) => { version.current.last = v; });
    const sub = db.personas.findOne(id).$.subscribe((doc) => {
      if (!doc) {
        if (first) setMissing(true);
        return;
      }
      const parsed = parsePersona(doc.toJSON());
      if (!parsed.ok) {
        setSave({ kind: 'error', message: `This persona cannot be read: ${parsed.message}` });
        return;
      }
      const json = JSON.stringify(plain(parsed.data));
      if (first) {
        first = false;
        written.current = { source: parsed.data, json };
        present.current = parsed.data;
        hist.current = startHistory(parsed.data);
        setHistory(hist.current);
        return;
      }
      if (json === written.current.json || written.current.source !== present.current) return;
      written.current = { source: parsed.data, json };
      present.current = parsed.data;
      hist.current = hist.current ? rebase(hist.current, parsed.data) : startHistory(parsed.data);
      setHistory(hist.current);
    });
    const t = timers.current;
    return () => {
      sub.unsubscribe();
      clearTimeout(t.idle);
      void flush().then(() => maybeVersion('leave'));
    };
  }, [db, id, flush, maybeVersion]);

  const commit = useCallback((next: EditHistory) => {
    hist.current = next;
    present.current = next.present;
    setHistory(next);
    if (written.current.source === next.present) return;
    version.current.changed = true;
    version.current.lastEditAt = Date.now();
    setSave({ kind: 'pending' });
    clearTimeout(timers.current.save);
    timers.current.save = setTimeout(() => void flush(), autosaveMs);
    clearTimeout(timers.current.idle);
    timers.current.idle = setTimeout(() => void maybeVersion('idle'), defaultVersionPolicy.idleMs);
  }, [flush, maybeVersion]);

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
    await flush();
    await maybeVersion('explicit');
  }, [flush, maybeVersion]);

  // Writing before the page goes away: a reload right after typing still keeps the edit.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  return { doc: history?.present ?? null, history, missing, save, edit, undo, redo, saveVersionNow };
}
