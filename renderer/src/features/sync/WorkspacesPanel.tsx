import { useState } from 'react';
import type { FormEvent } from 'react';
import { addWorkspace, switchWorkspace, useWorkspaces } from '../../workspaces/registry';
import { useT } from '../../i18n';
import { useWorkspaceName } from '../../workspaces/useWorkspaceName';

/** Several workspaces on one laptop (a client each, say), each with its own data and server. */
export function WorkspacesPanel() {
  const t = useT();
  const nameOf = useWorkspaceName();
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
      <h2 id="workspaces-title">{t('settings.workspaces.title')}</h2>
      <ul className="plain-list">
        {workspaces.map((w) => (
          <li key={w.id} className="row">
            <strong>{nameOf(w)}</strong>
            <span className="muted">{w.sync ? t('settings.workspaces.syncedTo', { team: w.sync.tenant, server: w.sync.serverUrl }) : t('settings.workspaces.localOnly')}</span>
            {w.id === active ? <span className="muted">{t('settings.workspaces.isOpen')}</span> : <button type="button" onClick={() => switchWorkspace(w.id)}>{t('settings.workspaces.open')}</button>}
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <input dir="auto" aria-label={t('settings.workspaces.newName')} placeholder={t('settings.workspaces.namePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        <button type="submit">{t('settings.workspaces.add')}</button>
      </form>
    </section>
  );
}
