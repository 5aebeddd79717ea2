import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { routeHash } from '../../app/route';
import { useWorkspace } from '../../db/WorkspaceContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast';
import { deleteDataset } from './datasetStore';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The imported datasets with their size, source and date; add a wave or delete. */
export function DatasetList({ datasets, onAddWave, busy }: { datasets: DatasetHeaderDoc[]; onAddWave: (d: DatasetHeaderDoc) => void; busy: boolean }) {
  const db = useWorkspace();
  const [deleting, setDeleting] = useState<DatasetHeaderDoc | null>(null);
  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    try {
      await deleteDataset(db, target.datasetId);
      showToast(`Deleted ${target.name} and its ${target.rowCount} responses.`);
    } catch (e) {
      showToast(`${target.name} could not be deleted: ${e instanceof Error ? e.message : String(e)}`, { tone: 'error' });
    }
  };
  return (
    <>
      <table className="data-table dataset-list" aria-label="Datasets">
        <thead>
          <tr><th scope="col">Dataset</th><th scope="col">Responses</th><th scope="col">Source file</th><th scope="col">Imported</th><th scope="col">Waves</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} data-testid={`dataset-${d.datasetId}`}>
              <th scope="row">{d.name}</th>
              <td className="num">{d.rowCount.toLocaleString()}</td>
              <td>{d.sourceFile}</td>
              <td>{dateFormat.format(d.importedAt)}</td>
              <td className="num">{d.waves.length}</td>
              <td className="row-actions">
                <a className="button" href={routeHash('data', d.datasetId, 'personas')} aria-label={`Find personas in ${d.name}`}>Find personas…</a>
                <button type="button" disabled={busy} onClick={() => onAddWave(d)} aria-label={`Add a wave to ${d.name}`}>Add wave…</button>
                <button type="button" className="danger" disabled={busy} onClick={() => setDeleting(d)} aria-label={`Delete ${d.name}`}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog open={deleting !== null} title={`Delete ${deleting?.name ?? ''}?`} confirmLabel="Delete dataset" danger
        onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        Its {deleting?.rowCount.toLocaleString()} responses are removed from this computer and, after sync, from the team. Persona rules stay.
      </ConfirmDialog>
    </>
  );
}
