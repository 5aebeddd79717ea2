import { useCallback } from 'react';
import { useT } from '../i18n';
import type { SyncProblem } from './syncMessages';

/**
 * Words a sync problem in the app's language (catalogue `sync.problem`); the collection is named
 * as the user knows it (`sync.collection`). The server's own reason stays as the server wrote it.
 */
export function useSyncProblemWords(): (problem: SyncProblem) => string {
  const t = useT();
  return useCallback((problem: SyncProblem) => {
    const what = 'collection' in problem ? t('sync.collection', { collection: problem.collection }) : '';
    return t('sync.problem', { ...problem, what });
  }, [t]);
}
