import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { parseHeader } from '../data/storedForm';
import { useSurveyHeaders } from '../journeyAnalytics/surveyHeaders';
import { AnalyticsSession } from './analyticsSession';
import { parseAnalyticsPersona } from './personaModel';
import { useSnapshotScheduler } from './useSnapshotScheduler';
import { useTimeZone } from './workspaceSettings';

/**
 * The snapshot scheduler without a screen, for the app frame to mount once (lazily) so daily
 * snapshots are caught up when the app opens and each new day, whichever section is showing. It
 * renders nothing; the Analytics screen runs its own while it is open.
 */
export default function SnapshotScheduler() {
  const db = useWorkspace();
  const timeZone = useTimeZone();
  const allHeaders = useLiveQuery('datasets', { selector: { kind: 'header' } }, parseHeader);
  // Event logs (journey analytics) share the collection; survey scoring reads only survey datasets.
  const headers = useSurveyHeaders(allHeaders);
  const personas = useLiveQuery('personas', { selector: {} }, parseAnalyticsPersona);
  const [session] = useState(() => new AnalyticsSession(db));
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const ready = !headers.loading && !personas.loading;
  useEffect(() => {
    // No persona on screen: the load and a light scoring pass are all the scheduler needs.
    if (ready) session.setInputs({ headers: headers.items, personas: personas.items, timeZone, detail: null });
  }, [session, ready, headers.items, personas.items, timeZone]);
  useSnapshotScheduler(session, personas.items, timeZone, state.loadCount);
  return null;
}
