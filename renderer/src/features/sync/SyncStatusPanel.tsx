import { useState } from 'react';
import { useSync } from '../../sync/SyncContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useT } from '../../i18n';
import { useSyncProblemWords } from '../../sync/statusWords';


/** The connected server, the live status, and the controls: sync now, pause, sign out. */
export function SyncStatusPanel() {
  const t = useT();
  const words = useSyncProblemWords();
  const { settings, status, syncNow, paused, pause, resume, signOut } = useSync();
  const [confirming, setConfirming] = useState(false);
  const [wipe, setWipe] = useState(false);
  if (!settings) return null;
  const state = t('settings.status.state', { state: paused ? 'stopped' : status?.state ?? 'connecting' });
  return (
    <section className="panel stack" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">{t('settings.status.title')}</h2>
      <dl className="form-grid">
        <dt>{t('settings.status.server')}</dt><dd>{settings.serverUrl}</dd>
        <dt>{t('settings.status.team')}</dt><dd>{settings.tenant}</dd>
        <dt>{t('settings.status.signedInAs')}</dt><dd>{settings.role ? t('settings.status.userWithRole', { user: settings.user, role: t('settings.team.roleName', { role: settings.role }) }) : settings.user}</dd>
        <dt>{t('settings.status.status')}</dt>
        <dd data-testid="sync-state">
          {state}
          {status?.state === 'syncing' && status.moved > 0 ? t('settings.status.moved', { count: status.moved }) : ''}
        </dd>
      </dl>
      {status?.problem && status.state === 'error' && <p role="alert" className="field-error">{words(status.problem)}</p>}
      {status?.restored !== undefined && <p role="status" className="banner banner-warning">{t('sync.restored', { count: status.restored })}</p>}
      {status && status.newer.length > 0 && (
        <p role="alert" className="banner banner-warning">
          {t('settings.status.newer', { count: status.newer.length })}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={syncNow} disabled={paused}>{t('settings.status.syncNow')}</button>
        {paused ? <button type="button" onClick={resume}>{t('settings.status.resume')}</button> : <button type="button" onClick={pause}>{t('settings.status.pause')}</button>}
        <button type="button" className="danger" onClick={() => setConfirming(true)}>{t('settings.status.signOutEllipsis')}</button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('settings.signOut.title')}
        confirmLabel={wipe ? t('settings.signOut.andRemove') : t('settings.signOut.confirm')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void signOut(wipe);
        }}
      >
        <p>{t('settings.signOut.explain')}</p>
        <label className="row">
          <input type="checkbox" checked={wipe} onChange={(e) => setWipe(e.target.checked)} />
          {t('settings.signOut.wipe')}
        </label>
      </ConfirmDialog>
    </section>
  );
}
