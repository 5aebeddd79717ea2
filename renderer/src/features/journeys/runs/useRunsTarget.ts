import { useMemo } from 'react';
import { useSync } from '../../../sync/SyncContext';
import type { RunsTarget } from './runsApi';

/** Where the engine's documents are read from: the workspace's team server, or null when there is none. */
export function useRunsTarget(): RunsTarget | null {
  const sync = useSync();
  const settings = sync.settings;
  return useMemo<RunsTarget | null>(() => (settings ? { serverUrl: settings.serverUrl, tenant: settings.tenant, user: settings.user, authorization: sync.authorization() } : null), [settings, sync]);
}
