import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { changeOwnPassword, checkNewPassword, passwordLimits } from '../../sync/account';
import { signIn } from '../../sync/signIn';
import { useSync } from '../../sync/SyncContext';
import { showToast } from '../../ui/toast';
import { useServerKind } from './useServerKind';

/**
 * Changing one's own password, on our server and on Apache CouchDB alike. The current password is
 * checked first (a laptop left signed in is not enough to take the account over); afterwards the
 * app signs in again with the new one, since sessions signed with the old one end.
 */
export function PasswordPanel() {
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
      if (!verified.ok) return setError(verified.code === 'forbidden-sender' ? 'Your current password is not right.' : verified.message);
      const changed = await changeOwnPassword({ ...settings, authorization: authorization() }, kind, checked.data);
      if (!changed.ok) return setError(changed.message);
      const problem = await connect(settings, checked.data);
      if (problem) return setError(`Your password was changed, but signing in again failed: ${problem}`);
      setCurrent('');
      setNext('');
      setRepeated('');
      showToast('Your password was changed. Use the new one on your other computers too.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your password</h2>
      <div className="form-grid">
        <label htmlFor={`${id}-current`}>Current password</label>
        <input id={`${id}-current`} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required maxLength={passwordLimits.max} autoComplete="current-password" />
        <label htmlFor={`${id}-new`}>New password</label>
        <input id={`${id}-new`} type="password" value={next} onChange={(e) => setNext(e.target.value)} required minLength={passwordLimits.min} maxLength={passwordLimits.max} autoComplete="new-password" />
        <label htmlFor={`${id}-repeat`}>New password again</label>
        <input id={`${id}-repeat`} type="password" value={repeated} onChange={(e) => setRepeated(e.target.value)} required maxLength={passwordLimits.max} autoComplete="new-password" />
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? 'Changing…' : 'Change password'}</button>
      </div>
    </form>
  );
}
