import { useEffect, useState } from 'react';
import type { ServerKind } from '../../sync/account';
import { serverKind } from '../../sync/account';
import { useSync } from '../../sync/SyncContext';

/**
 * Which kind of server the open workspace syncs with (ours or a stock CouchDB), asked once per
 * server and sign-in; null while asking, when signed out, or when the server cannot be asked.
 */
export function useServerKind(): ServerKind | null {
  const { settings, authorization, status } = useSync();
  const signedIn = !!settings && !status?.message?.startsWith('Sign in');
  const header = authorization();
  const [kind, setKind] = useState<{ key: string; kind: ServerKind } | null>(null);
  const key = settings ? `${settings.serverUrl}|${settings.tenant}|${settings.user}|${header ?? 'cookie'}` : '';
  useEffect(() => {
    if (!settings || !signedIn) return;
    let cancelled = false;
    void serverKind({ serverUrl: settings.serverUrl, tenant: settings.tenant, user: settings.user, authorization: header }).then((answer) => {
      if (!cancelled && answer.ok) setKind({ key, kind: answer.data });
    });
    return () => {
      cancelled = true;
    };
  }, [key, settings, signedIn, header]);
  return kind?.key === key ? kind.kind : null;
}
