import { useT } from '../i18n';
import { switchWorkspace, useWorkspaces } from './registry';
import { useWorkspaceName } from './useWorkspaceName';

/** Picks which workspace is open; each has its own local data and team server. */
export function WorkspaceSwitcher() {
  const { workspaces, active } = useWorkspaces();
  const t = useT();
  const nameOf = useWorkspaceName();
  if (workspaces.length < 2) return null;
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">{t('app.workspace.label')}</span>
      <select value={active} onChange={(e) => switchWorkspace(e.target.value)} aria-label={t('app.workspace.label')}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>{nameOf(w)}</option>
        ))}
      </select>
    </label>
  );
}
