import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useSync } from '../../sync/SyncContext';
import { useServedAppServer } from './useServedApp';
import { useT } from '../../i18n';

const defaultServer = 'http://127.0.0.1:5984';

/** Server address, team, user and password; signs in and starts syncing this workspace. */
export function ConnectForm() {
  const t = useT();
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
      <h2 id={`${id}-title`}>{settings ? t('settings.connect.signInAgain') : t('settings.connect.title')}</h2>
      <p className="muted">{t('settings.connect.explain')}</p>
      {byCookie && (
        <p className="muted" data-testid="cookie-sign-in-note">
          {t('settings.connect.cookieNote')}
        </p>
      )}
      <div className="form-grid">
        <label htmlFor={`${id}-url`}>{t('settings.connect.server')}</label>
        <input dir="auto" id={`${id}-url`} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required maxLength={300} inputMode="url" />
        <label htmlFor={`${id}-tenant`}>{t('settings.connect.team')}</label>
        <input dir="auto" id={`${id}-tenant`} value={tenant} onChange={(e) => setTenant(e.target.value)} required maxLength={40} placeholder={t('settings.connect.teamExample')} autoCapitalize="off" />
        <label htmlFor={`${id}-user`}>{t('settings.connect.user')}</label>
        <input dir="auto" id={`${id}-user`} value={user} onChange={(e) => setUser(e.target.value)} required maxLength={100} autoComplete="username" />
        <label htmlFor={`${id}-password`}>{t('settings.connect.password')}</label>
        <input dir="auto" id={`${id}-password`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={500} autoComplete="current-password" />
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('settings.connect.connecting') : t('settings.connect.connect')}</button>
      </div>
    </form>
  );
}
