import { routeHash } from '../app/route';
import { useT } from '../i18n';
import { useSync } from './SyncContext';
import { useSyncProblemWords } from './statusWords';

/** The sync state, shown in the sidebar on every screen; a link to the Sync section. */
export function SyncBadge() {
  const t = useT();
  const words = useSyncProblemWords();
  const { settings, status, paused } = useSync();
  const online = typeof navigator === 'undefined' || navigator.onLine;
  let state: string;
  let tone: string;
  if (!settings) [state, tone] = ['local', 'muted'];
  else if (paused) [state, tone] = ['paused', 'muted'];
  else if (!online) [state, tone] = ['offline', 'muted'];
  else if (!status) [state, tone] = ['connecting', 'muted'];
  else if (status.state === 'syncing') [state, tone] = ['syncing', 'busy'];
  else [state, tone] = [status.state === 'stopped' ? 'paused' : status.state, status.state === 'error' ? 'error' : status.state === 'idle' ? 'ok' : 'muted'];
  const text = state === 'syncing' && status && status.moved > 0 ? t('sync.badge.moved', { count: status.moved }) : t('sync.badge.state', { state });
  return (
    <a className={`sync-badge sync-${tone}`} href={routeHash('sync')} title={status?.problem ? words(status.problem) : text} aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
    </a>
  );
}
