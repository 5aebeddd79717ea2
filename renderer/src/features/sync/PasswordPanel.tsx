import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { changeOwnPassword, checkNewPassword, passwordLimits } from '../../sync/account';
import { signIn } from '../../sync/signIn';
import { useSync } from '../../sync/SyncContext';
import { showToast } from '../../ui/toast';
import { useServerKind } from './useServerKind';
import { useT } from '../../i18n';

/**
 * Changing one's own password, on our server and on Apache CouchDB alike. The current password is
 * checked first (a laptop left signed in is not enough to take the account over); afterwards the
 * app signs in again with the new one, since sessions signed with the old one end.
 */
export function PasswordPanel() {
  const t = useT();
  const { settings, authorization, connect } = useSync();
  const kind = useServerKind();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!settings || !kind) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = checkNewPassword(next, repeated);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    try {
      const verified = await signIn(settings.serverUrl, settings.tenant, settings.user, current);
      if (!verified.ok) return setError(verified.code === 'forbidden-sender' ? t('settings.password.wrongCurrent') : verified.message);
      const changed = await changeOwnPassword({ ...settings, authorization: authorization() }, kind, checked.data);
      if (!changed.ok) return setError(changed.message);
      const problem = await connect(settings, checked.data);
      if (problem) return setError(t('settings.password.changedSignInFailed', { problem }));
      setCurrent('');
      setNext('');
      setRepeated('');
      showToast(t('settings.password.changed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.password.title')}</h2>
      <div className="form-grid">
        <label htmlFor={`${id}-current`}>{t('settings.password.current')}</label>
        <input id={`${id}-current`} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required maxLength={passwordLimits.max} autoComplete="current-password" />
        <label htmlFor={`${id}-new`}>{t('settings.password.new')}</label>
        <input id={`${id}-new`} type="password" value={next} onChange={(e) => setNext(e.target.value)} required minLength={passwordLimits.min} maxLength={passwordLimits.max} autoComplete="new-password" />
        <label htmlFor={`${id}-repeat`}>{t('settings.password.repeat')}</label>
        <input id={`${id}-repeat`} type="password" value={repeated} onChange={(e) => setRepeated(e.target.value)} required maxLength={passwordLimits.max} autoComplete="new-password" />
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? t('settings.password.changing') : t('settings.password.change')}</button>
      </div>
    </form>
  );
}
