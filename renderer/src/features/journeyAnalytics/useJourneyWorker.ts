import { useCallback, useEffect, useRef } from 'react';
import { createJourneyClient, type JourneyClient } from '../../workers/journeyClient';

/**
 * A journey worker owned by the calling component: started on first use, terminated when the
 * component goes. Returns a stable getter.
 */
export function useJourneyWorker(): () => JourneyClient {
  const ref = useRef<JourneyClient | null>(null);
  useEffect(() => () => { ref.current?.dispose(); ref.current = null; }, []);
  return useCallback(() => (ref.current ??= createJourneyClient()), []);
}
