import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createSyncFetch } from '../../../common/sync/fetch';
import type { Workspace } from '../db/database';
import { translate } from '../i18n';
import { usePlatform } from '../platform';
import { clearSync, credentialKey, updateWorkspace } from '../workspaces/registry';
import type { WorkspaceEntry, SyncSettings } from '../workspaces/registry';
import type { SyncSession, SyncStatus } from './engine';
import { startSync } from './engine';
import type { Credential } from './signIn';
import { authorizationOf, forgetCredential, loadCredential, signInAndKeep } from './signIn';
import { SyncContext } from './SyncContext';
import { syncProblemText, type SyncProblem } from './syncMessages';
import { writerIdFor } from './writerId';

const signIn: SyncProblem = { code: 'signIn' };

/**
 * Owns the open workspace's sync session: starts it when the workspace has a server and a stored
 * credential, stops it on switch or sign-out, and publishes its status to the whole app.
 */
export function SyncProvider({ db, workspace, onWipe, children }: { db: Workspace; workspace: WorkspaceEntry; onWipe: () => Promise<void>; children: ReactNode }) {
  const platform = usePlatform();
  // Tagged with the workspace they belong to, so switching never shows another workspace's state.
  const [loaded, setLoaded] = useState<{ id: string; credential: Credential } | null>(null);
  const credential = loaded?.id === workspace.id ? loaded.credential : null;
  const setCredential = useCallback((c: Credential | null) => setLoaded(c ? { id: workspace.id, credential: c } : null), [workspace.id]);
  const [rawStatus, setStatus] = useState<SyncStatus | null>(null);
  const [paused, setPaused] = useState(false);
  const session = useRef<SyncSession | null>(null);
  const settings = workspace.sync ?? null;

  // Load the credential of this workspace (OS-encrypted in Electron, this tab only on the web, or
  // the browser's session cookie when the app is served by this workspace's sync server).
  useEffect(() => {
    let cancelled = false;
    if (!settings) return;
    void loadCredential(platform.secrets, credentialKey(workspace.id), settings).then((loadedCredential) => {
      if (!cancelled && loadedCredential) setCredential(loadedCredential);
    });
    return () => {
      cancelled = true;
    };
  }, [platform, workspace.id, settings, setCredential]);

  useEffect(() => {
    if (!settings || !credential || paused) return;
    const header = authorizationOf(credential);
    const started = startSync(db, {
      serverUrl: settings.serverUrl,
      tenant: settings.tenant,
      clientId: `${workspace.id}${Math.random().toString(36).slice(2, 8)}`,
      writerId: writerIdFor(workspace.id),
      readOnly: settings.role === 'viewer',
      fetch: createSyncFetch({ authorization: () => header, ...(credential.kind === 'cookie' ? { credentials: 'same-origin' as const } : {}) }),
    });
    session.current = started;
    const unsubscribe = started.subscribe(setStatus);
    const online = () => started.syncNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      unsubscribe();
      session.current = null;
      setStatus(null);
      void started.stop();
    };
  }, [db, workspace.id, settings, credential, paused]);

  const connect = useCallback(
    async (next: SyncSettings, password: string) => {
      const result = await signInAndKeep(platform.secrets, credentialKey(workspace.id), next, password);
      if (!result.ok) return result.message;
      updateWorkspace(workspace.id, { sync: { ...next, serverUrl: next.serverUrl.trim().replace(/\/+$/, ''), ...(result.data.role ? { role: result.data.role } : {}) } });
      setCredential(result.data.credential);
      setPaused(false);
      return result.data.warning ? translate('sync.connectedBut', { warning: result.data.warning }) : null;
    },
    [platform, workspace.id, setCredential],
  );

  const status = settings && credential && !paused ? rawStatus : null;

  const signOut = useCallback(
    async (wipe: boolean) => {
      await session.current?.stop();
      await forgetCredential(platform.secrets, credentialKey(workspace.id), settings?.serverUrl, credential);
      setCredential(null);
      clearSync(workspace.id);
      if (wipe) await onWipe();
    },
    [platform, workspace.id, onWipe, setCredential, settings, credential],
  );

  const value = useMemo(
    () => ({
      settings,
      status: settings && !credential ? { state: 'error' as const, moved: 0, newer: [], message: syncProblemText(signIn), problem: signIn } : status,
      connect,
      signOut,
      paused,
      pause: () => setPaused(true),
      resume: () => setPaused(false),
      syncNow: () => session.current?.syncNow(),
      authorization: () => (credential ? authorizationOf(credential) : undefined),
    }),
    [settings, credential, status, connect, signOut, paused],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}
