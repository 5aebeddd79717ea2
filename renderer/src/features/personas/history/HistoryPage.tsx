import { useMemo, useState } from 'react';
import { navigate } from '../../../app/route';
import { useLiveDocument, useLiveQuery } from '../../../db/hooks';
import { useWorkspace } from '../../../db/WorkspaceContext';
import { EmptyState, Loading } from '../../../ui/States';
import { showToast } from '../../../ui/toast';
import { parsePersona, parseVersion, restoreVersion } from '../store';
import { DiffView } from './DiffView';

/** The versions of a persona, a side-by-side diff of any two, and restore as a new version. */
export default function HistoryPage({ id }: { id: string }) {
  const db = useWorkspace();
  const persona = useLiveDocument('personas', id, parsePersona);
  const { items, loading } = useLiveQuery('history', { selector: { entityId: id } }, parseVersion, `persona-history:${id}`);
  const versions = useMemo(() => [...items].sort((a, b) => b.number - a.number), [items]);
  const [pick, setPick] = useState<{ left: string | null; right: string | null }>({ left: null, right: null });
  const right = versions.find((v) => v.id === pick.right) ?? versions[0];
  const left = versions.find((v) => v.id === pick.left) ?? versions.find((v) => right && v.number < right.number) ?? right;

  const restore = async (versionId: string) => {
    const version = versions.find((v) => v.id === versionId);
    // A persona that cannot be read any more is restored over, from the version's own identity.
    const current = persona.item ?? version?.snapshot;
    if (!version || !current) return;
    const saved = await restoreVersion(db, current, version, versions[0] ?? null);
    if (!saved.ok) return showToast(saved.message, { tone: 'error' });
    showToast(`Restored version ${version.number} as a new version.`);
    setPick({ left: null, right: null });
  };

  if (loading || persona.loading) return <Loading />;
  if (!persona.item && versions.length === 0) return <EmptyState title="This persona does not exist" />;
  const name = persona.item?.name ?? versions[0]?.snapshot.name ?? '';
  return (
    <section className="persona-history">
      <header className="page-header">
        <h1>History of {name}</h1>
        <button type="button" onClick={() => navigate('personas', id)}>Back to editor</button>
      </header>
      {versions.length === 0 ? <EmptyState title="No versions yet">A version is recorded when you pause editing or leave the editor.</EmptyState> : (
        <div className="history-layout">
          <ol className="version-list" aria-label="Versions">
            {versions.map((v) => (
              <li key={v.id} className={v.id === right?.id || v.id === left?.id ? 'picked' : undefined} aria-label={`Version ${v.number}`}>
                <div><strong>Version {v.number}</strong> <span className="muted">{new Date(v.createdAt).toLocaleString()} · {v.author}</span></div>
                <div className="version-summary">{v.summary}</div>
                <div className="version-actions">
                  <button type="button" className="link" onClick={() => setPick((p) => ({ ...p, left: v.id }))}>Compare as older</button>
                  <button type="button" className="link" onClick={() => setPick((p) => ({ ...p, right: v.id }))}>Compare as newer</button>
                  {(v.number !== versions[0]?.number || !persona.item) && <button type="button" onClick={() => void restore(v.id)} aria-label={`Restore version ${v.number}`}>Restore</button>}
                </div>
              </li>
            ))}
          </ol>
          {left && right && <DiffView left={left} right={right} />}
        </div>
      )}
    </section>
  );
}
