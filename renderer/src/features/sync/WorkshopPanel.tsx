import { useState } from 'react';
import type { FormEvent } from 'react';
import { usePlatform } from '../../platform';
import { signIn } from '../../sync/signIn';
import { useSync } from '../../sync/SyncContext';
import { showToast } from '../../ui/toast';
import { addWorkspace, credentialKey, switchWorkspace } from '../../workspaces/registry';
import { useT } from '../../i18n';

/**
 * Workshops without Wi-Fi infrastructure: one laptop hosts the room (its own data goes into the
 * session it hosts), teammates join with the code shown here. Desktop app only.
 */
export function WorkshopPanel() {
  const t = useT();
  const platform = usePlatform();
  const sync = useSync();
  const [joinCode, setJoinCode] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const workshop = platform.workshop;

  if (!workshop) {
    return (
      <section className="panel stack" aria-labelledby="workshop-title">
        <h2 id="workshop-title">{t('settings.workshop.title')}</h2>
        <p className="muted">{t('settings.workshop.desktopOnly')}</p>
      </section>
    );
  }

  const host = async () => {
    setBusy(true);
    const started = await workshop.host();
    if (!started.ok) {
      setBusy(false);
      showToast(started.message, { tone: 'error' });
      return;
    }
    const { serverUrl, tenant, user, password } = started.data;
    const problem = await sync.connect({ serverUrl, tenant, user }, password);
    setBusy(false);
    if (problem) showToast(problem, { tone: 'error' });
    setJoinCode(started.data.joinCode);
  };
  const stop = async () => {
    await sync.signOut(false);
    await workshop.stop();
    setJoinCode(null);
    showToast(t('settings.workshop.ended'));
  };
  const join = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const joined = await workshop.join(code);
    if (!joined.ok) {
      setBusy(false);
      showToast(joined.message, { tone: 'error' });
      return;
    }
    const { serverUrl, tenant, user, password } = joined.data;
    const signedIn = await signIn(serverUrl, tenant, user, password);
    setBusy(false);
    if (!signedIn.ok) {
      showToast(signedIn.message, { tone: 'error' });
      return;
    }
    // A joined session is its own workspace, so the room's data never mixes into the laptop's own.
    const entry = addWorkspace(t('settings.workshop.workspaceName', { date: new Date() }), { serverUrl, tenant, user, ...(signedIn.data.role ? { role: signedIn.data.role } : {}) });
    await platform.secrets.set(credentialKey(entry.id), JSON.stringify(signedIn.data.credential));
    switchWorkspace(entry.id);
  };

  return (
    <section className="panel stack" aria-labelledby="workshop-title">
      <h2 id="workshop-title">{t('settings.workshop.title')}</h2>
      {joinCode ? (
        <>
          <p>{t('settings.workshop.hosting')}</p>
          <textarea dir="auto" readOnly value={joinCode} rows={3} aria-label={t('settings.workshop.joinCode')} onFocus={(e) => e.currentTarget.select()} />
          <div className="row">
            <button type="button" onClick={() => void navigator.clipboard.writeText(joinCode)}>{t('settings.workshop.copy')}</button>
            <button type="button" className="danger" onClick={() => void stop()}>{t('settings.workshop.stop')}</button>
          </div>
        </>
      ) : (
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void host()}>{t('settings.workshop.host')}</button>
          <span className="muted">{t('settings.workshop.hostExplain')}</span>
        </div>
      )}
      <form className="row" onSubmit={(e) => void join(e)}>
        <input dir="auto" aria-label={t('settings.workshop.joinCode')} placeholder={t('settings.workshop.pasteCode')} value={code} onChange={(e) => setCode(e.target.value)} required maxLength={2000} />
        <button type="submit" disabled={busy}>{t('settings.workshop.join')}</button>
      </form>
    </section>
  );
}
