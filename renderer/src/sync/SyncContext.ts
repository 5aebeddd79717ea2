import { createContext, useContext } from 'react';
import type { SyncStatus } from './engine';
import type { SyncSettings } from '../workspaces/registry';

/** What the app knows and can do about the open workspace's sync. */
export interface SyncControls {
  /** Null when the workspace is local only. */
  settings: SyncSettings | null;
  status: SyncStatus | null;
  /** Signs in and starts syncing; resolves with an error message or null. */
  connect(settings: SyncSettings, password: string): Promise<string | null>;
  /** Pauses syncing; settings and credential stay. */
  pause(): void;
  resume(): void;
  paused: boolean;
  /** Forgets the server and the credential; with `wipe`, also deletes this laptop's copy. */
  signOut(wipe: boolean): Promise<void>;
  syncNow(): void;
  /** The Authorization header in use, for admin calls such as user management. */
  authorization(): string | undefined;
}

/** The sync controls of the open workspace. */
export const SyncContext = createContext<SyncControls | null>(null);

/** The sync controls; valid under the workspace root. */
export function useSync(): SyncControls {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync() used outside the sync provider');
  return value;
}
