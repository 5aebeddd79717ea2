import { useCallback, useEffect, useState } from 'react';
import type { Workspace } from '../db/database';
import { createDatabase } from '../db/database';
import { appStorage, requestPersistentStorage } from '../db/storage';
import { WorkspaceContext } from '../db/WorkspaceContext';
import { PlatformContext, detectPlatform } from '../platform';
import { SyncProvider } from '../sync/SyncProvider';
import { Loading } from '../ui/States';
import { useLocaleSetting, useT } from '../i18n';
import { useWorkspaces } from '../workspaces/registry';
import { App } from './App';
import { authorName, setSignedInUser } from './authorName';
import { appLocks } from '../features/data/importLocks';
import { cleanAbandonedImports } from '../features/data/pendingImports';

const platform = detectPlatform();

/**
 * Opens the active workspace's local database, then shows the app. Switching workspaces closes
 * the open database before the next one opens: one copy of the model per process (free RxDB caps
 * open collections at 13). A failure to open is explained, never thrown.
 */
export function Root() {
  const registry = useWorkspaces();
  const t = useT();
  // The native menu follows the app's language (Electron; the web platform has no menu).
  const { locale } = useLocaleSetting();
  useEffect(() => void platform.setMenuLocale?.(locale), [locale]);
  const workspace = registry.workspaces.find((w) => w.id === registry.active) ?? registry.workspaces[0]!;
  const [generation, setGeneration] = useState(0);
  const key = `${workspace.dbName}#${generation}`;
  // Results are tagged with the database they belong to, so a switch shows "opening" at once
  // without resetting state inside the effect.
  const [opened, setOpened] = useState<{ key: string; db: Workspace } | null>(null);
  const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
  const db = opened?.key === key ? opened.db : null;
  const failure = failed?.key === key ? failed.message : null;

  // Unless the person chose a name, work is signed with the team server's user name. The database
  // reads the name at each write, so signing in does not reopen it: reopening on Connect closed the
  // database under screens that still held it ("This screen ran into a problem" on Journeys).
  useEffect(() => setSignedInUser(workspace.sync?.user), [workspace.sync?.user]);

  useEffect(() => {
    let cancelled = false;
    let database: Workspace | null = null;
    void requestPersistentStorage().catch(() => false);
    createDatabase(appStorage(), workspace.dbName, { author: authorName })
      .then((created) => {
        database = created;
        if (cancelled) void created.close();
        else {
          setOpened({ key, db: created });
          // Chunks of imports a closed tab never confirmed; in the background, they are invisible anyway.
          void cleanAbandonedImports(created, appLocks).catch(() => 0);
        }
      })
      .catch((error: unknown) => setFailed({ key, message: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
      void database?.close();
    };
  }, [key, workspace.dbName]);

  // "Sign out and remove this computer's copy": delete the database, then open it empty.
  const wipe = useCallback(async () => {
    if (!db) return;
    await db.remove();
    setGeneration((g) => g + 1);
  }, [db]);

  if (failure) {
    return (
      <div role="alert" className="panel error-panel boot">
        <h1>{t('app.boot.failedTitle')}</h1>
        <p>{t('app.boot.failedHint')}</p>
        <p className="muted">{failure}</p>
      </div>
    );
  }
  if (!db) return <Loading label={t('app.boot.opening')} />;
  return (
    <PlatformContext.Provider value={platform}>
      <WorkspaceContext.Provider value={db}>
        <SyncProvider db={db} workspace={workspace} onWipe={wipe}>
          <App />
        </SyncProvider>
      </WorkspaceContext.Provider>
    </PlatformContext.Provider>
  );
}
