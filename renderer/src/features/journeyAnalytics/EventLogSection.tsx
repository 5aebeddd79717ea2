import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { isEventDataset } from '../../../../common/journeyAnalytics';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useT, type MessageId } from '../../i18n';
import { usePlatform } from '../../platform';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast';
import { useTimeZone } from '../analytics/workspaceSettings';
import { deleteDataset, readChunks, writeImport } from '../data/datasetStore';
import { parseHeader } from '../data/storedForm';
import { useJourneyFormat } from './journeyFormat';
import { useJourneyWorker } from './useJourneyWorker';
import './journeyAnalytics.css';

const accept = ['.csv', '.tsv', '.txt', '.xlsx', '.jsonl', '.ndjson', '.json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const shapeLabel: Record<string, MessageId> = {
  'events:plain': 'journeyAnalytics.shape.plain', 'events:ga4': 'journeyAnalytics.shape.ga4', 'events:amplitude': 'journeyAnalytics.shape.amplitude',
  'events:mixpanel': 'journeyAnalytics.shape.mixpanel', 'events:crm-status': 'journeyAnalytics.shape.crmStatus',
};

/**
 * The Data screen's event logs (issue 14): import a log or a new wave of one, see what was kept and
 * what was not, delete. Parsing runs in the journey worker; chunks are written before the header,
 * so an interrupted import leaves nothing visible.
 */
export function EventLogSection() {
  const db = useWorkspace();
  const t = useT();
  const fmt = useJourneyFormat();
  const kind = (shape: string) => (shapeLabel[shape] ? t(shapeLabel[shape]) : shape);
  const platform = usePlatform();
  const timeZone = useTimeZone();
  const worker = useJourneyWorker();
  const { items } = useLiveQuery('datasets', { selector: { kind: 'header' }, sort: [{ id: 'asc' }] }, parseHeader);
  const logs = items.filter(isEventDataset).sort((a, b) => b.importedAt - a.importedAt);
  const [busy, setBusy] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DatasetHeaderDoc | null>(null);

  const pick = async (append: DatasetHeaderDoc | null) => {
    const opened = await platform.openFile(accept);
    if (!opened) return;
    setBusy(t('journeyAnalytics.import.reading', { file: opened.name }));
    setReport(null);
    try {
      const bytes = await opened.bytes();
      const base = append ? { header: append, chunks: await readChunks(db, append) } : undefined;
      const run = worker().importEvents(bytes, { fileName: opened.name, timeZone, ...(base ? { append: base } : {}) },
        (f) => setBusy(t('journeyAnalytics.import.readingShare', { file: opened.name, share: f })));
      const res = await run.result;
      if (!res.ok) { setReport(res.message); return; }
      const out = res.data;
      setBusy(t('journeyAnalytics.import.saving', { count: out.imported }));
      const saved = await writeImport(db, out, (w, total) => setBusy(t('journeyAnalytics.import.savingChunks', { written: w, total })), () => false);
      if (!saved.ok) { setReport(saved.message); return; }
      const parts = [t('journeyAnalytics.import.imported', { count: out.imported, file: opened.name, kind: kind(out.header.shape) })];
      if (out.duplicates > 0) parts.push(t('journeyAnalytics.import.duplicates', { count: out.duplicates }));
      if (out.rejectedCount > 0) parts.push(t('journeyAnalytics.import.rejected', { count: out.rejectedCount, row: out.rejected[0]!.row, reason: out.rejected[0]!.reason }));
      if (out.ignoredColumns.length > 0) parts.push(t('journeyAnalytics.import.ignored', { columns: out.ignoredColumns.join(', ') }));
      setReport(parts.join(' '));
      showToast(t('journeyAnalytics.import.done', { count: out.imported }));
    } catch (e) {
      setReport(t('journeyAnalytics.import.failed', { file: opened.name, reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    await deleteDataset(db, target.datasetId);
    showToast(t('journeyAnalytics.logs.deleted', { name: target.name, count: target.rowCount }));
  };

  return (
    <section className="event-logs" aria-label={t('journeyAnalytics.logs.title')}>
      <header className="section-header">
        <h2>{t('journeyAnalytics.logs.title')}</h2>
        <button type="button" disabled={busy !== null} onClick={() => void pick(null)}>{t('journeyAnalytics.logs.import')}</button>
      </header>
      <p className="muted">{t('journeyAnalytics.logs.intro')}</p>
      {busy && <p role="status">{busy}</p>}
      {report && <p role="status" className="event-import-report">{report}</p>}
      {logs.length > 0 && (
        <table className="data-table" aria-label={t('journeyAnalytics.logs.title')}>
          <thead><tr><th scope="col">{t('journeyAnalytics.logs.log')}</th><th scope="col">{t('journeyAnalytics.logs.events')}</th><th scope="col">{t('journeyAnalytics.logs.kind')}</th><th scope="col">{t('journeyAnalytics.logs.waves')}</th><th scope="col"><span className="visually-hidden">{t('journeyAnalytics.logs.actions')}</span></th></tr></thead>
          <tbody>
            {logs.map((d) => (
              <tr key={d.id} data-testid={`event-log-${d.datasetId}`}>
                <th scope="row">{d.name}</th>
                <td className="num">{fmt.count(d.rowCount)}</td>
                <td>{kind(d.shape)}</td>
                <td className="num">{fmt.count(d.waves.length)}</td>
                <td className="row-actions">
                  <button type="button" disabled={busy !== null} onClick={() => void pick(d)} aria-label={t('journeyAnalytics.logs.addWaveTo', { name: d.name })}>{t('journeyAnalytics.logs.addWave')}</button>
                  <button type="button" className="danger" disabled={busy !== null} onClick={() => setDeleting(d)} aria-label={t('journeyAnalytics.logs.deleteOf', { name: d.name })}>{t('journeyAnalytics.logs.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog open={deleting !== null} title={t('journeyAnalytics.logs.confirmTitle', { name: deleting?.name ?? '' })} confirmLabel={t('journeyAnalytics.logs.confirm')} danger
        onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        {t('journeyAnalytics.logs.confirmText', { count: deleting?.rowCount ?? 0 })}
      </ConfirmDialog>
    </section>
  );
}
