import { useEffect, useState } from 'react';
import type { Member } from '../../sync/account';
import { readableCouchMembers } from '../../sync/account';
import { useSync } from '../../sync/SyncContext';
import { FormattedMessage, useT } from '../../i18n';

/**
 * Team members on an Apache CouchDB server. Only its server admin may create accounts and give
 * roles there (a tenant admin who could would also be able to open the team to others), so this
 * says who manages members and how, and lists what this account may read.
 */
export function CouchTeamPanel() {
  const t = useT();
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
      <h2 id="team-title">{t('settings.team.title')}</h2>
      <p>{t('settings.couch.explain')}</p>
      <p><code>{command}</code></p>
      <p className="muted"><FormattedMessage id="settings.couch.subcommands" values={{ code: (chunks) => <code>{chunks}</code> }} /></p>
      {error && <p role="alert" className="field-error">{error}</p>}
      {read && (
        <>
          <table className="plain">
            <thead><tr><th>{t('settings.team.user')}</th><th>{t('settings.team.role')}</th></tr></thead>
            <tbody>
              {read.members.map((m) => <tr key={m.name}><td>{m.name}</td><td>{t('settings.team.roleName', { role: m.role })}</td></tr>)}
            </tbody>
          </table>
          {!read.complete && <p className="muted">{t('settings.couch.ownOnly')}</p>}
        </>
      )}
    </section>
  );
}
