import { useEffect, useState } from 'react';
import type { Member } from '../../sync/account';
import { readableCouchMembers } from '../../sync/account';
import { useSync } from '../../sync/SyncContext';

/**
 * Team members on an Apache CouchDB server. Only its server admin may create accounts and give
 * roles there (a tenant admin who could would also be able to open the team to others), so this
 * says who manages members and how, and lists what this account may read.
 */
export function CouchTeamPanel() {
  const { settings, authorization } = useSync();
  const [read, setRead] = useState<{ members: Member[]; complete: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const header = authorization();
  useEffect(() => {
    if (!settings) return;
    let cancelled = false;
    void readableCouchMembers({ serverUrl: settings.serverUrl, tenant: settings.tenant, user: settings.user, authorization: header }).then((answer) => {
      if (cancelled) return;
      if (answer.ok) setRead(answer.data);
      setError(answer.ok ? null : answer.message);
    });
    return () => {
      cancelled = true;
    };
  }, [settings, header]);
  if (!settings) return null;
  const command = `npm run sync-server -- couchdb-user add NAME --url ${settings.serverUrl} --tenant ${settings.tenant} --role viewer|editor|admin`;
  return (
    <section className="panel stack" aria-labelledby="team-title" data-testid="couch-team">
      <h2 id="team-title">Team members</h2>
      <p>
        This team syncs through an Apache CouchDB server. Its members and their roles are managed by the
        CouchDB server admin, on the command line:
      </p>
      <p><code>{command}</code></p>
      <p className="muted">The same command has <code>role</code>, <code>passwd</code>, <code>remove</code> and <code>list</code>. Each member can change their own password below.</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      {read && (
        <>
          <table className="plain">
            <thead><tr><th>User</th><th>Role</th></tr></thead>
            <tbody>
              {read.members.map((m) => <tr key={m.name}><td>{m.name}</td><td>{m.role}</td></tr>)}
            </tbody>
          </table>
          {!read.complete && <p className="muted">Only the server admin can list every member; this is your own account.</p>}
        </>
      )}
    </section>
  );
}
