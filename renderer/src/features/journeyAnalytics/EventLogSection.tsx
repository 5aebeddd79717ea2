import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { isEventDataset } from '../../../../common/journeyAnalytics';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { usePlatform } from '../../platform';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast';
import { useTimeZone } from '../analytics/workspaceSettings';
import { deleteDataset, readChunks, writeImport } from '../data/datasetStore';
import { parseHeader } from '../data/storedForm';
import { useJourneyWorker } from './useJourneyWorker';
import './journeyAnalytics.css';

const accept = ['.csv', '.tsv', '.txt', '.xlsx', '.jsonl', '.ndjson', '.json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const shapeLabel: Record<string, string> = {
  'events:plain': 'Event log', 'events:ga4': 'GA4 export', 'events:amplitude': 'Amplitude export',
  'events:mixpanel': 'Mixpanel export', 'events:crm-status': 'Status history',
};

/**
 * The Data screen's event logs (issue 14): import a log or a new wave of one, see what was kept and
 * what was not, delete. Parsing runs in the journey worker; chunks are written before the header,
 * so an interrupted import leaves nothing visible.
 */
export function EventLogSection() {
  const db = useWorkspace();
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
    setBusy(`Reading ${opened.name}…`);
    setReport(null);
    try {
      const bytes = await opened.bytes();
      const base = append ? { header: append, chunks: await readChunks(db, append) } : undefined;
      const run = worker().importEvents(bytes, { fileName: opened.name, timeZone, ...(base ? { append: base } : {}) },
        (f) => setBusy(`Reading ${opened.name}… ${Math.round(f * 100)} %`));
      const res = await run.result;
      if (!res.ok) { setReport(res.message); return; }
      const out = res.data;
      setBusy(`Saving ${out.imported.toLocaleString()} events…`);
      const saved = await writeImport(db, out, (w, t) => setBusy(`Saving… ${w} of ${t} chunks`), () => false);
      if (!saved.ok) { setReport(saved.message); return; }
      const parts = [`Imported ${out.imported.toLocaleString()} events from ${opened.name} (${shapeLabel[out.header.shape] ?? out.header.shape})`];
      if (out.duplicates > 0) parts.push(`${out.duplicates.toLocaleString()} duplicates skipped`);
      if (out.rejectedCount > 0) parts.push(`${out.rejectedCount.toLocaleString()} rows rejected — first: row ${out.rejected[0]!.row}, ${out.rejected[0]!.reason}`);
      if (out.ignoredColumns.length > 0) parts.push(`columns not imported: ${out.ignoredColumns.join(', ')}`);
      setReport(`${parts.join('; ')}.`);
      showToast(`Imported ${out.imported.toLocaleString()} events.`);
    } catch (e) {
      setReport(`${opened.name} could not be imported: ${e instanceof Error ? e.message : String(e)}. Nothing was saved.`);
    } finally {
      setBusy(null);
    }
  };

  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    await deleteDataset(db, target.datasetId);
    showToast(`Deleted ${target.name} and its ${target.rowCount.toLocaleString()} events.`);
  };

  return (
    <section className="event-logs" aria-label="Event logs">
      <header className="section-header">
        <h2>Event logs</h2>
        <button type="button" disabled={busy !== null} onClick={() => void pick(null)}>Import event log…</button>
      </header>
      <p className="muted">One row per event: customer, event, time (CSV, Excel or JSON Lines; GA4, Amplitude, Mixpanel exports and CRM status histories are recognised). Map the events to stages on a journey map.</p>
      {busy && <p role="status">{busy}</p>}
      {report && <p role="status" className="event-import-report">{report}</p>}
      {logs.length > 0 && (
        <table className="data-table" aria-label="Event logs">
          <thead><tr><th scope="col">Event log</th><th scope="col">Events</th><th scope="col">Kind</th><th scope="col">Waves</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {logs.map((d) => (
              <tr key={d.id} data-testid={`event-log-${d.datasetId}`}>
                <th scope="row">{d.name}</th>
                <td className="num">{d.rowCount.toLocaleString()}</td>
                <td>{shapeLabel[d.shape] ?? d.shape}</td>
                <td className="num">{d.waves.length}</td>
                <td className="row-actions">
                  <button type="button" disabled={busy !== null} onClick={() => void pick(d)} aria-label={`Add a wave to ${d.name}`}>Add wave…</button>
                  <button type="button" className="danger" disabled={busy !== null} onClick={() => setDeleting(d)} aria-label={`Delete ${d.name}`}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog open={deleting !== null} title={`Delete ${deleting?.name ?? ''}?`} confirmLabel="Delete event log" danger
        onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        Its {deleting?.rowCount.toLocaleString()} events are removed from this computer and, after sync, from the team. Stage rules stay on the journeys.
      </ConfirmDialog>
    </section>
  );
}
