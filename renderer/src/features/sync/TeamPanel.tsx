import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useSync } from '../../sync/SyncContext';
import { showToast } from '../../ui/toast';
import { CouchTeamPanel } from './CouchTeamPanel';
import { useServerKind } from './useServerKind';
import { translate, useT } from '../../i18n';

interface Member { name: string; role: string }

/**
 * Team members, for a tenant admin: add, change role, remove (the server enforces who may). On an
 * Apache CouchDB server, where only the server admin manages accounts, it says so instead.
 */
export function TeamPanel() {
  const kind = useServerKind();
  const { settings } = useSync();
  if (settings?.role !== 'admin' || kind === null) return null;
  return kind === 'couchdb' ? <CouchTeamPanel /> : <CxTeamPanel />;
}

/** Team members on our sync server, through its user route. */
function CxTeamPanel() {
  const t = useT();
  const { settings, authorization } = useSync();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('editor');
  const base = settings ? `${settings.serverUrl}/_cx/tenants/${encodeURIComponent(settings.tenant)}/users` : '';

  const call = useCallback(
    async (url: string, init: RequestInit = {}) => {
      const header = authorization();
      const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) } });
      const body = (await response.json().catch(() => ({}))) as { users?: Member[]; reason?: string };
      if (!response.ok) throw new Error(body.reason ?? `HTTP ${response.status}`);
      return body;
    },
    [authorization],
  );
  const load = useCallback(async () => {
    try {
      setMembers((await call(base)).users ?? []);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [base, call]);

  useEffect(() => {
    let cancelled = false;
    call(base)
      .then((body) => !cancelled && (setMembers(body.users ?? []), setError(null)))
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [base, call]);
  if (!settings) return null;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call(`${base}/${encodeURIComponent(name.trim())}`, { method: 'PUT', body: JSON.stringify({ password, role }) });
      showToast(translate('settings.team.added', { name: name.trim(), role: translate('settings.team.roleName', { role }) }));
      setName('');
      setPassword('');
      await load();
    } catch (e) {
      showToast(translate('settings.team.addFailed', { name, error: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
    }
  };
  const remove = async (member: Member) => {
    try {
      await call(`${base}/${encodeURIComponent(member.name)}`, { method: 'DELETE' });
      await load();
    } catch (e) {
      showToast(translate('settings.team.removeFailed', { name: member.name, error: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
    }
  };

  return (
    <section className="panel stack" aria-labelledby="team-title">
      <h2 id="team-title">{t('settings.team.title')}</h2>
      {error && <p role="alert" className="field-error">{error}</p>}
      {members && (
        <table className="plain">
          <thead><tr><th>{t('settings.team.user')}</th><th>{t('settings.team.role')}</th><th /></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.name}>
                <td>{m.name}</td><td>{t('settings.team.roleName', { role: m.role })}</td>
                <td>{m.name !== settings.user && <button type="button" onClick={() => void remove(m)}>{t('settings.team.remove')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row" onSubmit={(e) => void add(e)}>
        <input dir="auto" aria-label={t('settings.team.newUser')} placeholder={t('settings.connect.user')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        <input dir="auto" aria-label={t('settings.team.theirPassword')} placeholder={t('settings.connect.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={8} maxLength={500} autoComplete="new-password" />
        <select aria-label={t('settings.team.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          {(['viewer', 'editor', 'admin'] as const).map((r) => <option key={r} value={r}>{t('settings.team.roleChoice', { role: r })}</option>)}
        </select>
        <button type="submit">{t('settings.team.add')}</button>
      </form>
    </section>
  );
}
