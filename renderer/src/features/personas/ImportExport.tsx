import { useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import { usePlatform } from '../../platform';
import { showToast } from '../../ui/toast';
import type { ImportReport } from '../../../../common/persona';
import { exportPersonas, readImportFile, writeImport } from './personaFiles';
import { translate, useT } from '../../i18n';

type Pending = { text: string; report: ImportReport; existing: Set<string> };

/** Import and export of persona files, with a report of every problem before anything is written. */
export function ImportExport() {
  const db = useWorkspace();
  const platform = usePlatform();
  const t = useT();
  const [pending, setPending] = useState<Pending | null>(null);
  const collisions = pending ? pending.report.repairs.filter((r) => r.message.includes('already exists')).length : 0;

  const doExport = async () => {
    const r = await exportPersonas(db, platform);
    if (!r.ok) showToast(r.message, { tone: 'error' });
    else if (r.data.count > 0) showToast(translate('personas.files.exported', { count: r.data.count }));
  };
  const doImport = async () => {
    const read = await readImportFile(platform, db).catch((e: unknown) => {
      showToast(translate('personas.files.unreadable', { reason: String(e) }), { tone: 'error' });
      return null;
    });
    if (read) setPending(read);
  };
  const write = async (mode: 'copy' | 'replace') => {
    if (!pending) return;
    setPending(null);
    const n = await writeImport(db, pending.text, pending.existing, mode);
    showToast(translate('personas.files.imported', { count: n }));
  };

  return (
    <>
      <button type="button" onClick={() => void doImport()}>{t('personas.files.import')}</button>
      <button type="button" onClick={() => void doExport()}>{t('personas.files.exportAll')}</button>
      {pending && (
        <div className="import-report panel" role="dialog" aria-label={t('personas.files.reportLabel')}>
          <h2>{t('personas.files.confirmTitle', { count: pending.report.personas.length })}</h2>
          {pending.report.problems.length > 0 && (
            <>
              <p>{t('personas.files.problemsIntro')}</p>
              <ul className="problems">{pending.report.problems.slice(0, 50).map((p, i) => <li key={i}><code>{p.path || t('personas.files.wholeFile')}</code> {p.message}</li>)}</ul>
            </>
          )}
          {pending.report.repairs.length > 0 && (
            <details>
              <summary>{t('personas.files.repairs', { count: pending.report.repairs.length })}</summary>
              <ul>{pending.report.repairs.slice(0, 50).map((p, i) => <li key={i}><code>{p.path || t('personas.files.wholeFile')}</code> {p.message}</li>)}</ul>
            </details>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setPending(null)}>{t('app.dialog.cancel')}</button>
            {collisions > 0 && <button type="button" className="danger" onClick={() => void write('replace')}>{t('personas.files.replaceExisting', { count: collisions })}</button>}
            <button type="button" className="primary" disabled={pending.report.personas.length === 0} onClick={() => void write('copy')}>
              {t(collisions > 0 ? 'personas.files.importCopies' : 'personas.files.importAction')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
