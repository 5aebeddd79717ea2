import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { isEventDataset } from '../../../../common/journeyAnalytics/eventStore';
import { useLiveQuery } from '../../db/hooks';
import { useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { EmptyState, Loading } from '../../ui/States';
import { showToast } from '../../ui/toast';
import { EventLogSection } from '../journeyAnalytics/EventLogSection';
import { FindPersonasPage } from '../personasFromData/FindPersonasPage';
import { DatasetList } from './DatasetList';
import { ImportFlow } from './ImportFlow';
import { parseHeader } from './storedForm';
import type { ImportFile } from './useImportFlow';
import './data.css';

/**
 * The largest survey file the app imports. The import keeps every chunk in memory until it is saved
 * (all or nothing) and the screen holds the file's bytes; the command line has no such limit (it
 * reads the file in slices and keeps only the decoded table).
 */
const maxImportMb = 256;

const accept = ['.csv', '.tsv', '.txt', '.xlsx', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Imported survey datasets (header documents only, never the row chunks) and the import flow. */
export default function DataPage({ path }: { path: string[] }) {
  if (path.length === 2 && path[1] === 'personas') return <FindPersonasPage datasetId={path[0]!} />;
  return <DatasetsPage />;
}

function DatasetsPage() {
  const platform = usePlatform();
  const { items, loading } = useLiveQuery('datasets', { selector: { kind: 'header' }, sort: [{ id: 'asc' }] }, parseHeader);
  const [file, setFile] = useState<ImportFile | null>(null);
  const t = useT();

  const pick = async (append: DatasetHeaderDoc | null) => {
    const opened = await platform.openFile(accept);
    if (!opened) return;
    // Said before a byte is read: a file over the limit would otherwise fail late, or take the window down.
    if (opened.size > maxImportMb * 1024 * 1024) {
      showToast(t('data.import.tooLarge', { name: opened.name, size: Math.ceil(opened.size / 1024 / 1024), limit: maxImportMb }), { tone: 'error' });
      return;
    }
    try {
      setFile({ name: opened.name, bytes: await opened.bytes(), append });
    } catch (e) {
      showToast(t('data.page.unreadable', { name: opened.name, reason: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
    }
  };

  const datasets = items.filter((d) => !isEventDataset(d)).sort((a, b) => b.importedAt - a.importedAt);
  return (
    <section className="data-page">
      <header className="page-header">
        <h1>{t('data.page.title')}</h1>
        <button type="button" className="primary" disabled={file !== null} onClick={() => void pick(null)}>{t('data.page.import')}</button>
      </header>
      {file && <ImportFlow key={`${file.name}:${file.append?.id ?? ''}`} file={file} onClose={() => setFile(null)} />}
      {loading ? <Loading /> : datasets.length === 0 ? (
        !file && <EmptyState title={t('data.page.emptyTitle')}>{t('data.page.emptyBody')}</EmptyState>
      ) : (
        <DatasetList datasets={datasets} busy={file !== null} onAddWave={(d) => void pick(d)} />
      )}
      <EventLogSection />
    </section>
  );
}
