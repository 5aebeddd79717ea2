import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { routeHash } from '../../app/route';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useFormat, useT } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast';
import { deleteDataset } from './datasetStore';

/** The imported datasets with their size, source and date; add a wave or delete. */
export function DatasetList({ datasets, onAddWave, busy }: { datasets: DatasetHeaderDoc[]; onAddWave: (d: DatasetHeaderDoc) => void; busy: boolean }) {
  const t = useT();
  const f = useFormat();
  const db = useWorkspace();
  const [deleting, setDeleting] = useState<DatasetHeaderDoc | null>(null);
  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    try {
      await deleteDataset(db, target.datasetId);
      showToast(translate('data.list.deleted', { name: target.name, count: target.rowCount }));
    } catch (e) {
      showToast(translate('data.list.deleteFailed', { name: target.name, reason: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
    }
  };
  return (
    <>
      <table className="data-table dataset-list" aria-label={t('data.list.label')}>
        <thead>
          <tr><th scope="col">{t('data.list.dataset')}</th><th scope="col">{t('data.list.responses')}</th><th scope="col">{t('data.list.sourceFile')}</th><th scope="col">{t('data.list.imported')}</th><th scope="col">{t('data.list.waves')}</th><th scope="col"><span className="visually-hidden">{t('data.list.actions')}</span></th></tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} data-testid={`dataset-${d.datasetId}`}>
              <th scope="row">{d.name}</th>
              <td className="num">{f.integer(d.rowCount)}</td>
              <td>{d.sourceFile}</td>
              <td>{f.dateTime(d.importedAt)}</td>
              <td className="num">{f.integer(d.waves.length)}</td>
              <td className="row-actions">
                <a className="button" href={routeHash('data', d.datasetId, 'personas')} aria-label={t('data.list.findPersonasIn', { name: d.name })}>{t('data.list.findPersonas')}</a>
                <button type="button" disabled={busy} onClick={() => onAddWave(d)} aria-label={t('data.list.addWaveTo', { name: d.name })}>{t('data.list.addWave')}</button>
                <button type="button" className="danger" disabled={busy} onClick={() => setDeleting(d)} aria-label={t('data.list.deleteNamed', { name: d.name })}>{t('data.list.delete')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog open={deleting !== null} title={t('data.list.confirmTitle', { name: deleting?.name ?? '' })} confirmLabel={t('data.list.confirmButton')} danger
        onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        {t('data.list.confirmBody', { count: deleting?.rowCount ?? 0 })}
      </ConfirmDialog>
    </>
  );
}
