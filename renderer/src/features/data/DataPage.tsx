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
import { maxWorkbookBytes } from '../../../../common/import/source';
import { ImportFlow } from './ImportFlow';
import { parseHeader } from './storedForm';
import type { ImportFile } from './useImportFlow';
import './data.css';

/**
 * The largest CSV file the app imports. A CSV is read in slices and each chunk saved as it fills,
 * so memory does not grow with the file; the limit keeps a mistaken pick (a disk image, a video)
 * from filling the browser's storage. The command line has no limit.
 */
const maxCsvMb = 4096;

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
    // Said before a byte is read. A workbook is read whole (the worker refuses a large one whatever
    // its name too); a CSV in slices.
    const size = Math.ceil(opened.size / 1024 / 1024);
    const workbookMb = maxWorkbookBytes / 1024 / 1024;
    if (/\.(xlsx|xlsm)$/i.test(opened.name) && size > workbookMb) {
      showToast(t('data.import.workbookTooLarge', { name: opened.name, size, limit: workbookMb }), { tone: 'error' });
      return;
    }
    if (size > maxCsvMb) {
      showToast(t('data.import.tooLarge', { name: opened.name, size, limit: maxCsvMb }), { tone: 'error' });
      return;
    }
    setFile({ name: opened.name, file: opened.blob, append });
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
