import { acceptStored, useLiveQuery } from '../../db/hooks';
import type { Workspace } from '../../db/database';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';

/** Makes a version that lost a conflict current again, as a new edit. */
async function restoreVersion(db: Workspace, entry: Record<string, unknown>): Promise<void> {
  const snapshot = entry.snapshot as Record<string, unknown>;
  const collection = entry.entity === 'journey' ? db.journeys : db.personas;
  try {
    await collection.upsert({ ...snapshot, id: String(entry.entityId), updatedAt: Date.now() });
    showToast('That version is current again.');
  } catch (error) {
    showToast(`It could not be restored: ${error instanceof Error ? error.message : String(error)}`, { tone: 'error' });
  }
}

/**
 * Versions that lost a sync conflict. Nothing was thrown away: each can be brought back as the
 * current version (which is itself a new edit, so history is never rewritten).
 */
export function ConflictsPanel() {
  const db = useWorkspace();
  const { items } = useLiveQuery('history', { selector: { kind: 'conflict' }, sort: [{ createdAt: 'desc' }], limit: 50 }, acceptStored);
  if (items.length === 0) return null;

  return (
    <section className="panel stack" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">Conflicts kept from syncing</h2>
      <p className="muted">When two people changed the same thing, the later change was kept and the other one saved here.</p>
      <table className="plain">
        <thead><tr><th>What</th><th>Set aside</th><th>When</th><th /></tr></thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <td>{String((h.snapshot as { name?: unknown } | undefined)?.name ?? h.entityId)} <span className="muted">({String(h.entity)})</span></td>
              <td>{String(h.summary).replace(/^Conflict while syncing: /, '')}</td>
              <td>{new Date(Number(h.createdAt)).toLocaleString()}</td>
              <td><button type="button" onClick={() => void restoreVersion(db, h)}>Use this version</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
