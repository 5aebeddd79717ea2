import { useEffect, useRef, useState } from 'react';
import { readWorkspaceFile, isEncryptedWorkspaceFile, writeWorkspaceFile, type ReadSuccess } from '../../../../common/workspaceFile/file';
import type { FileProblem, WorkspaceContent } from '../../../../common/workspaceFile/format';
import { conflictCount, planRestore, type ConflictChoice } from '../../../../common/workspaceFile/restore';
import { useWorkspace } from '../../db/WorkspaceContext';
import { usePlatform } from '../../platform';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import { activeWorkspace, addWorkspace, switchWorkspace } from '../../workspaces/registry';
import { safeFileName } from './fileNames';
import { onWorkspaceFileOffered, takeWorkspaceFile } from './incomingFile';
import { applyPlan, collectWorkspace, existingIds, isCancel, RestoreRefused, throwIfCancelled, type RestoreCounts } from './workspaceData';
import './exports.css';

type Loaded = { read: ReadSuccess; conflicts: number };
/** A long step of the panel, named on screen while it runs and in its messages. */
type Step = 'bundle' | 'backup' | 'restore' | 'opening' | 'unlocking' | 'collecting' | 'encrypting' | 'packing';

// A restore into a new workspace waits here while the root closes this database and opens the new
// one; the panel mounted in the new workspace picks it up. Memory only: a reload drops it safely.
let pendingRestore: { workspaceId: string; content: WorkspaceContent } | null = null;

/**
 * Back up the whole workspace to one `.cxstudio` file, make a password-protected client bundle, and
 * restore either: every problem is listed by path, and existing documents are only replaced when the
 * user says so.
 */
export function WorkspaceFilePanel(props: { /** Names the files; the active workspace's name by default. */ workspaceName?: string }) {
  const workspaceName = props.workspaceName ?? activeWorkspace().name;
  const db = useWorkspace();
  const platform = usePlatform();
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array; encrypted: boolean } | null>(null);
  const [openPassword, setOpenPassword] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  const cancelRef = useRef<AbortController | null>(null);

  // Every long step runs with a cancel signal checked between steps and slices. Key derivation
  // (PBKDF2, 600k rounds) is one WebCrypto call that cannot be interrupted: its result is dropped.
  const guard = async (label: Step, work: (signal: AbortSignal) => Promise<void>) => {
    const cancel = new AbortController();
    cancelRef.current = cancel;
    setError(null);
    setBusy(translate('exports.file.step', { step: label }));
    try {
      await work(cancel.signal);
    } catch (e) {
      if (isCancel(e)) showToast(translate('exports.file.cancelled', { step: translate('exports.file.step', { step: label }), restore: label === 'restore' ? 'yes' : 'no' }));
      else if (e instanceof RestoreRefused) {
        setError(e.message);
        setProblems(e.refused.map((path) => ({ path, message: translate('exports.file.refusedPath') })));
      } else setError(translate('exports.file.failed', { step: translate('exports.file.step', { step: label }), message: e instanceof Error ? e.message : String(e) }));
    } finally {
      cancelRef.current = null;
      setBusy(null);
    }
  };

  const save = (protect: boolean) => guard(protect ? 'bundle' : 'backup', async (signal) => {
    if (protect && (password.length < 8 || password !== confirm)) return setError(t(password.length < 8 ? 'exports.file.passwordShort' : 'exports.file.passwordsDiffer'));
    const date = new Date().toISOString().slice(0, 10);
    setBusy(t('exports.file.step', { step: 'collecting' }));
    const content = await collectWorkspace(db, workspaceName, Date.now(), signal);
    setBusy(t('exports.file.step', { step: protect ? 'encrypting' : 'packing' }));
    const bytes = await writeWorkspaceFile(content, protect ? { password } : {});
    throwIfCancelled(signal);
    const r = await platform.saveFile({ suggestedName: safeFileName(t('exports.file.fileName', { workspace: workspaceName, kind: protect ? 'bundle' : 'backup', date }), 'cxstudio'), kind: 'cxstudio', bytes });
    if (!r.ok) return setError(t('exports.notSaved', { message: r.message }));
    if (r.data.saved) showToast(translate('exports.saved', { fileName: r.data.fileName }));
  });

  const openBytes = async (name: string, bytes: Uint8Array, signal: AbortSignal) => {
    setProblems([]);
    setLoaded(null);
    const encrypted = isEncryptedWorkspaceFile(bytes);
    setFile({ name, bytes, encrypted });
    if (!encrypted) await check(bytes, undefined, signal);
  };

  const pick = () => guard('opening', async (signal) => {
    const picked = await platform.openFile(['.cxstudio', '.json']);
    if (picked) await openBytes(picked.name, await picked.bytes(), signal);
  });

  const check = async (bytes: Uint8Array, pw: string | undefined, signal: AbortSignal) => {
    const read = await readWorkspaceFile(bytes, pw ? { password: pw } : {});
    throwIfCancelled(signal);
    if (!read.ok) {
      setProblems(read.problems);
      return setError(read.message);
    }
    const plan = planRestore(read.content, await existingIds(db));
    setLoaded({ read, conflicts: conflictCount(plan) });
  };

  const restoredToast = (c: RestoreCounts, into?: string) => showToast(into === undefined ? translate('exports.file.restored', { ...c }) : translate('exports.file.restoredInto', { ...c, workspace: into }));

  const restore = (choice: ConflictChoice | undefined) => guard('restore', async (signal) => {
    if (!loaded) return;
    const plan = planRestore(loaded.read.content, await existingIds(db), choice);
    if (conflictCount(plan) > 0 && !choice) return setError(t('exports.file.chooseConflict'));
    restoredToast(await applyPlan(db, plan, { signal, onProgress: (done, total) => setBusy(translate('exports.file.restoring', { done, total })) }));
    setLoaded(null);
    setFile(null);
  });

  const restoreInto = (content: WorkspaceContent) => guard('restore', async (signal) => {
    const plan = planRestore(content, await existingIds(db), 'skip');
    restoredToast(await applyPlan(db, plan, { signal, onProgress: (done, all) => setBusy(translate('exports.file.restoring', { done, total: all })) }), activeWorkspace().name);
  });

  // A file offered from outside (File menu, a double-clicked .cxstudio, the start button) opens
  // here, in the same preview as "Restore from file…".
  useEffect(() => {
    const takeOffered = () => {
      const offered = takeWorkspaceFile();
      if (offered) void guard('opening', (signal) => openBytes(offered.name, offered.bytes, signal));
    };
    takeOffered();
    return onWorkspaceFileOffered(takeOffered);
    // Subscribed once per database; the handlers read the current state when a file arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);

  useEffect(() => {
    const p = pendingRestore;
    if (!p || p.workspaceId !== activeWorkspace().id) return;
    // Taken in a task, not in the effect body, so a strict-mode double mount restores once.
    const t = setTimeout(() => {
      if (pendingRestore !== p) return;
      pendingRestore = null;
      void restoreInto(p.content);
    }, 0);
    return () => clearTimeout(t);
    // Runs when the panel meets a new workspace's database, once per pending restore.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);

  const intoNewWorkspace = () => {
    if (!loaded) return;
    const entry = addWorkspace(loaded.read.content.name || t('exports.file.restoredWorkspace'));
    pendingRestore = { workspaceId: entry.id, content: loaded.read.content };
    setLoaded(null);
    setFile(null);
    switchWorkspace(entry.id);
  };

  const total = loaded ? Object.values(loaded.read.content.collections).reduce((t, l) => t + l.length, 0) : 0;
  return (
    <section className="panel workspace-file-panel" aria-label={t('exports.file.title')}>
      <h2>{t('exports.file.title')}</h2>
      <p>{t('exports.file.intro')}</p>
      <div className="row">
        <button type="button" disabled={busy !== null} onClick={() => void save(false)}>{t('exports.file.backUp')}</button>
      </div>
      <div className="row">
        <label>{t('exports.file.password')}<input dir="auto" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        <label>{t('exports.file.repeat')}<input dir="auto" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} /></label>
        <button type="button" disabled={busy !== null || password === ''} onClick={() => void save(true)}>{t('exports.file.bundle')}</button>
      </div>
      <div className="row">
        <button type="button" disabled={busy !== null} onClick={() => void pick()}>{t('exports.file.restoreFrom')}</button>
        {file?.encrypted && !loaded && (
          <form onSubmit={(e) => { e.preventDefault(); void guard('unlocking', (signal) => check(file.bytes, openPassword, signal)); }}>
            <label>{t('exports.file.passwordFor', { name: file.name })}<input dir="auto" type="password" value={openPassword} onChange={(e) => setOpenPassword(e.target.value)} /></label>
            <button type="submit" disabled={busy !== null || openPassword === ''}>{t('exports.file.open')}</button>
          </form>
        )}
      </div>
      {loaded && (
        <div role="dialog" aria-label={t('exports.file.restoreDialog')}>
          <p>{t('exports.file.holds', { name: loaded.read.content.name, total })}{loaded.conflicts > 0 && ` ${t('exports.file.existing', { count: loaded.conflicts })}`}</p>
          {loaded.read.warnings.map((w, i) => <p key={i}><code>{w.path}</code> {w.message}</p>)}
          <div className="row">
            <button type="button" disabled={busy !== null} onClick={() => setLoaded(null)}>{t('exports.cancel')}</button>
            {loaded.conflicts === 0 && <button type="button" className="primary" onClick={() => void restore(undefined)}>{t('exports.file.restore')}</button>}
            <button type="button" onClick={intoNewWorkspace}>{t('exports.file.restoreNew')}</button>
            {loaded.conflicts > 0 && <button type="button" onClick={() => void restore('skip')}>{t('exports.file.restoreKeep')}</button>}
            {loaded.conflicts > 0 && <button type="button" className="danger" onClick={() => void restore('replace')}>{t('exports.file.restoreReplace', { count: loaded.conflicts })}</button>}
          </div>
        </div>
      )}
      {busy && (
        <p aria-live="polite">
          <progress /> {t('exports.file.busy', { step: busy })} <button type="button" onClick={() => cancelRef.current?.abort()}>{t('exports.cancel')}</button>
        </p>
      )}
      {error && <p className="export-error" role="alert">{error}</p>}
      {problems.length > 0 && <ul className="problems">{problems.map((p, i) => <li key={i}><code>{p.path || t('exports.file.wholeFile')}</code> {p.message}</li>)}</ul>}
    </section>
  );
}
