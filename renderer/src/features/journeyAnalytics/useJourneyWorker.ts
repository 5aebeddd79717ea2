import { useCallback, useEffect, useRef } from 'react';
import { createJourneyClient, type JourneyClient } from '../../workers/journeyClient';
import { acquireJourneyClient, type SharedJourneyClient } from '../../workers/sharedJourneyClient';

/**
 * A journey worker owned by the calling component: started on first use, terminated when the
 * component goes. Returns a stable getter. For imports, which should not hold up the analyses.
 */
export function useJourneyWorker(): () => JourneyClient {
  const ref = useRef<JourneyClient | null>(null);
  useEffect(() => () => { ref.current?.dispose(); ref.current = null; }, []);
  return useCallback(() => (ref.current ??= createJourneyClient()), []);
}

/**
 * The journey worker the journey screens share (map analytics, flow counts), taken on first use and
 * given back when the component goes: the log the map decoded is there when the Flow tab opens.
 */
export function useSharedJourneyWorker(): () => SharedJourneyClient {
  const ref = useRef<{ client: SharedJourneyClient; release(): void } | null>(null);
  useEffect(() => () => { ref.current?.release(); ref.current = null; }, []);
  return useCallback(() => (ref.current ??= acquireJourneyClient()).client, []);
}
