import { createContext, useContext } from 'react';
import type { Workspace } from './database';

/** The open workspace database, provided once at the root. */
export const WorkspaceContext = createContext<Workspace | null>(null);

/** The open workspace database. Only valid under the app root, which waits for it to open. */
export function useWorkspace(): Workspace {
  const db = useContext(WorkspaceContext);
  if (!db) throw new Error('useWorkspace() used outside the workspace provider');
  return db;
}
