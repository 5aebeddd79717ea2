import { useEffect, useState } from 'react';
import type { Workspace } from '../db/database';
import { createDatabase } from '../db/database';
import { appStorage, requestPersistentStorage } from '../db/storage';
import { WorkspaceContext } from '../db/WorkspaceContext';
import { PlatformContext, detectPlatform } from '../platform';
import { Loading } from '../ui/States';
import { App } from './App';

const platform = detectPlatform();

/** Opens the local workspace, then shows the app; a failure to open is explained, not thrown. */
export function Root() {
  const [db, setDb] = useState<Workspace | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let opened: Workspace | null = null;
    void requestPersistentStorage().catch(() => false);
    createDatabase(appStorage())
      .then((database) => {
        opened = database;
        if (cancelled) void database.close();
        else setDb(database);
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, []);

  if (failure) {
    return (
      <div role="alert" className="panel error-panel boot">
        <h1>The workspace could not be opened</h1>
        <p>Close other CX Studio windows or tabs and try again. Nothing has been deleted.</p>
        <p className="muted">{failure}</p>
      </div>
    );
  }
  if (!db) return <Loading label="Opening your workspace…" />;
  return (
    <PlatformContext.Provider value={platform}>
      <WorkspaceContext.Provider value={db}>
        <App />
      </WorkspaceContext.Provider>
    </PlatformContext.Provider>
  );
}
