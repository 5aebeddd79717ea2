import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useSync } from '../../sync/SyncContext';
import { useServedAppServer } from './useServedApp';

const defaultServer = 'http://127.0.0.1:5984';

/** Server address, team, user and password; signs in and starts syncing this workspace. */
export function ConnectForm() {
  const { connect, settings } = useSync();
  const id = useId();
  // Null until the user types: opened from the team's server itself, that server is the default.
  const [typedUrl, setServerUrl] = useState<string | null>(null);
  const served = useServedAppServer();
  const serverUrl = typedUrl ?? settings?.serverUrl ?? served ?? defaultServer;
  const byCookie = !!served && serverUrl.trim().replace(/\/+$/, '') === served;
  const [tenant, setTenant] = useState(settings?.tenant ?? '');
  const [user, setUser] = useState(settings?.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await connect({ serverUrl, tenant: tenant.trim(), user: user.trim() }, password);
    setBusy(false);
    setPassword('');
    if (problem) setError(problem);
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{settings ? 'Sign in again' : 'Connect to a team server'}</h2>
      <p className="muted">Your work stays on this computer and keeps working offline; the server shares it with your team.</p>
      {byCookie && (
        <p className="muted" data-testid="cookie-sign-in-note">
          You opened CX Studio from this team server. Your password is sent once; the browser then keeps a session that page scripts cannot read, and signing out ends it.
        </p>
      )}
      <div className="form-grid">
        <label htmlFor={`${id}-url`}>Server address</label>
        <input dir="auto" id={`${id}-url`} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required maxLength={300} inputMode="url" />
        <label htmlFor={`${id}-tenant`}>Team</label>
        <input dir="auto" id={`${id}-tenant`} value={tenant} onChange={(e) => setTenant(e.target.value)} required maxLength={40} placeholder="acme" autoCapitalize="off" />
        <label htmlFor={`${id}-user`}>User name</label>
        <input dir="auto" id={`${id}-user`} value={user} onChange={(e) => setUser(e.target.value)} required maxLength={100} autoComplete="username" />
        <label htmlFor={`${id}-password`}>Password</label>
        <input dir="auto" id={`${id}-password`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={500} autoComplete="current-password" />
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Connecting…' : 'Connect'}</button>
      </div>
    </form>
  );
}
