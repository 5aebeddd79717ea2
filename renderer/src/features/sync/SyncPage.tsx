import { useSync } from '../../sync/SyncContext';
import { AuthorNamePanel } from './AuthorNamePanel';
import { ConflictsPanel } from './ConflictsPanel';
import { ConnectForm } from './ConnectForm';
import { PasswordPanel } from './PasswordPanel';
import { SyncStatusPanel } from './SyncStatusPanel';
import { TeamPanel } from './TeamPanel';
import { WorkspaceFilePanel } from '../exports/WorkspaceFilePanel';
import { WorkshopPanel } from './WorkshopPanel';
import { WorkspacesPanel } from './WorkspacesPanel';
import { useT } from '../../i18n';

/** Team sync: connect this workspace to a server, see its status, resolve conflicts, manage members. */
export default function SyncPage(_props: { path: string[] }) {
  const t = useT();
  const { settings, status } = useSync();
  const needsSignIn = !settings || status?.problem?.code === 'signIn' || status?.problem?.code === 'signedOut';
  return (
    <section className="stack">
      <header className="page-header"><h1>{t('settings.title')}</h1></header>
      {!settings && <p>{t('settings.localOnly')}</p>}
      <SyncStatusPanel />
      {needsSignIn && <ConnectForm />}
      <AuthorNamePanel />
      <ConflictsPanel />
      <TeamPanel />
      {!needsSignIn && <PasswordPanel />}
      <WorkshopPanel />
      <WorkspacesPanel />
      <WorkspaceFilePanel />
    </section>
  );
}
