import { useState } from 'react';
import { useSync } from '../../sync/SyncContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

const describeState = { connecting: 'Connecting…', syncing: 'Syncing', idle: 'Up to date', error: 'Problem', stopped: 'Paused' } as const;

/** The connected server, the live status, and the controls: sync now, pause, sign out. */
export function SyncStatusPanel() {
  const { settings, status, syncNow, paused, pause, resume, signOut } = useSync();
  const [confirming, setConfirming] = useState(false);
  const [wipe, setWipe] = useState(false);
  if (!settings) return null;
  const state = paused ? 'Paused' : status ? describeState[status.state] : 'Connecting…';
  return (
    <section className="panel stack" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">Team server</h2>
      <dl className="form-grid">
        <dt>Server</dt><dd>{settings.serverUrl}</dd>
        <dt>Team</dt><dd>{settings.tenant}</dd>
        <dt>Signed in as</dt><dd>{settings.user}{settings.role ? ` (${settings.role})` : ''}</dd>
        <dt>Status</dt>
        <dd data-testid="sync-state">
          {state}
          {status?.state === 'syncing' && status.moved > 0 ? ` — ${status.moved} documents` : ''}
        </dd>
      </dl>
      {status?.message && status.state === 'error' && <p role="alert" className="field-error">{status.message}</p>}
      {status?.notice && <p role="status" className="banner banner-warning">{status.notice}</p>}
      {status && status.newer.length > 0 && (
        <p role="alert" className="banner banner-warning">
          {status.newer.length} item{status.newer.length === 1 ? ' was' : 's were'} saved by a newer version of CX Studio and kept aside.
          Update CX Studio to see {status.newer.length === 1 ? 'it' : 'them'}; nothing else is affected.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={syncNow} disabled={paused}>Sync now</button>
        {paused ? <button type="button" onClick={resume}>Resume</button> : <button type="button" onClick={pause}>Pause</button>}
        <button type="button" className="danger" onClick={() => setConfirming(true)}>Sign out…</button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Sign out of the team server?"
        confirmLabel={wipe ? 'Sign out and remove' : 'Sign out'}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void signOut(wipe);
        }}
      >
        <p>Syncing stops. Changes that have not reached the server yet stay on this computer.</p>
        <label className="row">
          <input type="checkbox" checked={wipe} onChange={(e) => setWipe(e.target.checked)} />
          Also remove this computer's copy of the workspace
        </label>
      </ConfirmDialog>
    </section>
  );
}
