import { acceptStored, useLiveQuery } from '../../db/hooks';
import type { Workspace } from '../../db/database';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { translate, useFormat, useT } from '../../i18n';

/** Makes a version that lost a conflict current again, as a new edit. */
async function restoreVersion(db: Workspace, entry: Record<string, unknown>): Promise<void> {
  const snapshot = entry.snapshot as Record<string, unknown>;
  const collection = entry.entity === 'journey' ? db.journeys : db.personas;
  try {
    await collection.upsert({ ...snapshot, id: String(entry.entityId), updatedAt: Date.now() });
    showToast(translate('settings.conflicts.restored'));
  } catch (error) {
    showToast(translate('settings.conflicts.restoreFailed', { error: error instanceof Error ? error.message : String(error) }), { tone: 'error' });
  }
}

/**
 * Versions that lost a sync conflict. Nothing was thrown away: each can be brought back as the
 * current version (which is itself a new edit, so history is never rewritten).
 */
export function ConflictsPanel() {
  const db = useWorkspace();
  const t = useT();
  const f = useFormat();
  const { items } = useLiveQuery('history', { selector: { kind: 'conflict' }, sort: [{ createdAt: 'desc' }], limit: 50 }, acceptStored);
  if (items.length === 0) return null;

  return (
    <section className="panel stack" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('settings.conflicts.title')}</h2>
      <p className="muted">{t('settings.conflicts.explain')}</p>
      <table className="plain">
        <thead><tr><th>{t('settings.conflicts.what')}</th><th>{t('settings.conflicts.setAside')}</th><th>{t('settings.conflicts.when')}</th><th /></tr></thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <td>{String((h.snapshot as { name?: unknown } | undefined)?.name ?? h.entityId)} <span className="muted">{t('settings.conflicts.entity', { entity: String(h.entity) })}</span></td>
              <td>{String(h.summary).replace(/^Conflict while syncing: /, '')}</td>
              <td>{f.dateTime(Number(h.createdAt))}</td>
              <td><button type="button" onClick={() => void restoreVersion(db, h)}>{t('settings.conflicts.use')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
