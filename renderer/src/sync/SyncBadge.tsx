import { routeHash } from '../app/route';
import { useSync } from './SyncContext';

const labels = { connecting: 'Connecting…', syncing: 'Syncing', idle: 'Up to date', error: 'Sync problem', stopped: 'Paused' } as const;

/** The sync state, shown in the sidebar on every screen; a link to the Sync section. */
export function SyncBadge() {
  const { settings, status, paused } = useSync();
  const online = typeof navigator === 'undefined' || navigator.onLine;
  let text: string;
  let tone: string;
  if (!settings) [text, tone] = ['Local only', 'muted'];
  else if (paused) [text, tone] = ['Paused', 'muted'];
  else if (!online) [text, tone] = ['Offline — changes are kept', 'muted'];
  else if (!status) [text, tone] = ['Connecting…', 'muted'];
  else if (status.state === 'syncing') [text, tone] = [status.moved > 0 ? `Syncing ${status.moved}` : 'Syncing', 'busy'];
  else [text, tone] = [labels[status.state], status.state === 'error' ? 'error' : status.state === 'idle' ? 'ok' : 'muted'];
  return (
    <a className={`sync-badge sync-${tone}`} href={routeHash('sync')} title={status?.message ?? text} aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
    </a>
  );
}
