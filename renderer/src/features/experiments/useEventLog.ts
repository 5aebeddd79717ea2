import { useEffect, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { decodeEvents } from '../../../../common/journeyAnalytics/eventStore';
import type { EventLog } from '../../../../common/journeyAnalytics/types';
import { useWorkspace } from '../../db/WorkspaceContext';
import { readChunks } from '../data/datasetStore';

/**
 * The decoded event log of one dataset, read when the header changes (a new wave). Decoding runs on
 * the main thread: experiment logs are small next to journey logs, and the decode is one pass.
 */
export function useEventLog(header: DatasetHeaderDoc | null): { log: EventLog | null; loading: boolean; error: string | null } {
  const db = useWorkspace();
  const [state, setState] = useState<{ header: DatasetHeaderDoc | null; log: EventLog | null; error: string | null }>({ header: null, log: null, error: null });
  useEffect(() => {
    if (!header) return;
    let live = true;
    readChunks(db, header)
      .then((chunks) => { if (live) setState({ header, log: decodeEvents([{ header, chunks }]), error: null }); })
      .catch((e: unknown) => { if (live) setState({ header, log: null, error: `The event log could not be read: ${e instanceof Error ? e.message : String(e)}` }); });
    return () => { live = false; };
  }, [db, header]);
  if (!header) return { log: null, loading: false, error: null };
  // Until the read for this header lands, an older log must not show as this one's.
  if (state.header !== header) return { log: null, loading: true, error: null };
  return { log: state.log, loading: false, error: state.error };
}
