import { useEffect, useState } from 'react';
import { servedAppServer } from '../../sync/signIn';

/**
 * The sync server this page was loaded from (web mode served by the team's own server), undefined
 * when it was not, and null while still asking.
 */
export function useServedAppServer(): string | undefined | null {
  const [server, setServer] = useState<string | undefined | null>(null);
  useEffect(() => {
    let cancelled = false;
    void servedAppServer().then((origin) => {
      if (!cancelled) setServer(origin);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return server;
}
