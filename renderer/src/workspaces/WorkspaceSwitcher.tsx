import { switchWorkspace, useWorkspaces } from './registry';

/** Picks which workspace is open; each has its own local data and team server. */
export function WorkspaceSwitcher() {
  const { workspaces, active } = useWorkspaces();
  if (workspaces.length < 2) return null;
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">Workspace</span>
      <select value={active} onChange={(e) => switchWorkspace(e.target.value)} aria-label="Workspace">
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>{w.name}</option>
        ))}
      </select>
    </label>
  );
}
