import { useState } from 'react';
import type { FormEvent } from 'react';
import { addWorkspace, switchWorkspace, useWorkspaces } from '../../workspaces/registry';

/** Several workspaces on one laptop (a client each, say), each with its own data and server. */
export function WorkspacesPanel() {
  const { workspaces, active } = useWorkspaces();
  const [name, setName] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const entry = addWorkspace(name);
    setName('');
    switchWorkspace(entry.id);
  };
  return (
    <section className="panel stack" aria-labelledby="workspaces-title">
      <h2 id="workspaces-title">Workspaces on this computer</h2>
      <ul className="plain-list">
        {workspaces.map((w) => (
          <li key={w.id} className="row">
            <strong>{w.name}</strong>
            <span className="muted">{w.sync ? `${w.sync.tenant} on ${w.sync.serverUrl}` : 'local only'}</span>
            {w.id === active ? <span className="muted">(open)</span> : <button type="button" onClick={() => switchWorkspace(w.id)}>Open</button>}
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <input dir="auto" aria-label="New workspace name" placeholder="Workspace name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        <button type="submit">Add workspace</button>
      </form>
    </section>
  );
}
