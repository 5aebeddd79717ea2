import { useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import { usePlatform } from '../../platform';
import { showToast } from '../../ui/toast';
import type { ImportReport } from '../../../../common/persona';
import { exportPersonas, readImportFile, writeImport } from './personaFiles';

type Pending = { text: string; report: ImportReport; existing: Set<string> };

/** Import and export of persona files, with a report of every problem before anything is written. */
export function ImportExport() {
  const db = useWorkspace();
  const platform = usePlatform();
  const [pending, setPending] = useState<Pending | null>(null);
  const collisions = pending ? pending.report.repairs.filter((r) => r.message.includes('already exists')).length : 0;

  const doExport = async () => {
    const r = await exportPersonas(db, platform);
    if (!r.ok) showToast(r.message, { tone: 'error' });
    else if (r.data.count > 0) showToast(`Exported ${r.data.count} persona${r.data.count === 1 ? '' : 's'}.`);
  };
  const doImport = async () => {
    const read = await readImportFile(platform, db).catch((e: unknown) => {
      showToast(`The file could not be read: ${String(e)}`, { tone: 'error' });
      return null;
    });
    if (read) setPending(read);
  };
  const write = async (mode: 'copy' | 'replace') => {
    if (!pending) return;
    setPending(null);
    const n = await writeImport(db, pending.text, pending.existing, mode);
    showToast(`Imported ${n} persona${n === 1 ? '' : 's'}.`);
  };

  return (
    <>
      <button type="button" onClick={() => void doImport()}>Import…</button>
      <button type="button" onClick={() => void doExport()}>Export all</button>
      {pending && (
        <div className="import-report panel" role="dialog" aria-label="Import report">
          <h2>Import {pending.report.personas.length} persona{pending.report.personas.length === 1 ? '' : 's'}?</h2>
          {pending.report.problems.length > 0 && (
            <>
              <p>These problems keep some of the file out:</p>
              <ul className="problems">{pending.report.problems.slice(0, 50).map((p, i) => <li key={i}><code>{p.path || '(file)'}</code> {p.message}</li>)}</ul>
            </>
          )}
          {pending.report.repairs.length > 0 && (
            <details>
              <summary>{pending.report.repairs.length} repair{pending.report.repairs.length === 1 ? '' : 's'} made on the way in</summary>
              <ul>{pending.report.repairs.slice(0, 50).map((p, i) => <li key={i}><code>{p.path || '(file)'}</code> {p.message}</li>)}</ul>
            </details>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setPending(null)}>Cancel</button>
            {collisions > 0 && <button type="button" className="danger" onClick={() => void write('replace')}>Replace {collisions} existing</button>}
            <button type="button" className="primary" disabled={pending.report.personas.length === 0} onClick={() => void write('copy')}>
              {collisions > 0 ? 'Import as copies' : 'Import'}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
