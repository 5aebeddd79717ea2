import { useState } from 'react';
import type { FormEvent } from 'react';
import { usePlatform } from '../../platform';
import { signIn } from '../../sync/signIn';
import { useSync } from '../../sync/SyncContext';
import { showToast } from '../../ui/toast';
import { addWorkspace, credentialKey, switchWorkspace } from '../../workspaces/registry';

/**
 * Workshops without Wi-Fi infrastructure: one laptop hosts the room (its own data goes into the
 * session it hosts), teammates join with the code shown here. Desktop app only.
 */
export function WorkshopPanel() {
  const platform = usePlatform();
  const sync = useSync();
  const [joinCode, setJoinCode] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const workshop = platform.workshop;

  if (!workshop) {
    return (
      <section className="panel stack" aria-labelledby="workshop-title">
        <h2 id="workshop-title">Workshops</h2>
        <p className="muted">Hosting or joining a workshop session needs the desktop app: a browser tab cannot accept connections from other computers.</p>
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
    showToast('The session has ended. Everyone keeps the data they have.');
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
    const entry = addWorkspace(`Workshop ${new Date().toLocaleDateString()}`, { serverUrl, tenant, user, ...(signedIn.data.role ? { role: signedIn.data.role } : {}) });
    await platform.secrets.set(credentialKey(entry.id), JSON.stringify(signedIn.data.credential));
    switchWorkspace(entry.id);
  };

  return (
    <section className="panel stack" aria-labelledby="workshop-title">
      <h2 id="workshop-title">Workshops</h2>
      {joinCode ? (
        <>
          <p>Hosting this workspace. Teammates on the same network choose “Join a session” and paste this code:</p>
          <textarea dir="auto" readOnly value={joinCode} rows={3} aria-label="Join code" onFocus={(e) => e.currentTarget.select()} />
          <div className="row">
            <button type="button" onClick={() => void navigator.clipboard.writeText(joinCode)}>Copy code</button>
            <button type="button" className="danger" onClick={() => void stop()}>Stop hosting</button>
          </div>
        </>
      ) : (
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void host()}>Host a session</button>
          <span className="muted">Runs the team server on this laptop for the room; no internet needed.</span>
        </div>
      )}
      <form className="row" onSubmit={(e) => void join(e)}>
        <input dir="auto" aria-label="Join code" placeholder="Paste a join code (CXJ1-…)" value={code} onChange={(e) => setCode(e.target.value)} required maxLength={2000} />
        <button type="submit" disabled={busy}>Join a session</button>
      </form>
    </section>
  );
}
