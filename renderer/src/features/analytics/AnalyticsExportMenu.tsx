import { useRef, useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import { usePlatform } from '../../platform';
import { useT, translate } from '../../i18n';
import { showToast } from '../../ui/toast';
import { ProgressBar } from '../data/ProgressBar';
import { gatherAnalyticsExport, runAnalyticsExport, type AnalyticsExportScope, type RunningAnalyticsExport } from '../exports/analyticsExport';
import { exportStepLabel } from '../exports/analyticsExportSteps';
import '../exports/exports.css';

type Format = 'pdf' | 'xlsx';

/**
 * Export of the Analytics screen: a client-ready PDF report or an Excel workbook of every scored
 * response, over the date range on screen. Built in a worker with progress and Cancel; saved with
 * the native dialog in the desktop app (the workbook streamed to main) or as a download.
 */
export function AnalyticsExportMenu({ scope, disabled }: { scope: AnalyticsExportScope; disabled: boolean }) {
  const db = useWorkspace();
  const platform = usePlatform();
  const t = useT();
  const [busy, setBusy] = useState<{ format: Format; label: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<RunningAnalyticsExport | null>(null);
  const cancelled = useRef(false);

  const run = async (format: Format) => {
    setError(null);
    cancelled.current = false;
    setBusy({ format, label: translate('analytics.reading'), fraction: 0 });
    try {
      const body = await gatherAnalyticsExport(db, scope);
      if (cancelled.current) return;
      const exp = runAnalyticsExport(format, platform, body, (step, fraction) => setBusy({ format, label: exportStepLabel(step), fraction }));
      running.current = exp;
      const out = await exp.result;
      if (!out.ok) {
        if (out.code !== 'cancelled') setError(translate('analytics.export.notSaved', { format, message: out.message }));
      } else if (out.data.saved) showToast(translate('analytics.export.saved', { fileName: out.data.fileName }));
    } catch (e) {
      setError(translate('analytics.export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      running.current = null;
      setBusy(null);
    }
  };

  const cancel = () => {
    cancelled.current = true;
    running.current?.cancel();
  };

  const off = disabled || busy !== null;
  return (
    <details className="export-menu analytics-export" data-testid="analytics-export">
      <summary>{t('analytics.export.summary')}</summary>
      <div className="export-menu-body" role="group" aria-label={t('analytics.export.group')}>
        <div className="export-menu-actions">
          <button type="button" onClick={() => void run('pdf')} disabled={off}>{busy?.format === 'pdf' ? t('analytics.export.buildingPdf') : t('analytics.export.pdf')}</button>
          <button type="button" onClick={() => void run('xlsx')} disabled={off}>{busy?.format === 'xlsx' ? t('analytics.export.buildingXlsx') : t('analytics.export.xlsx')}</button>
        </div>
        {disabled && !busy && <p className="muted">{t('analytics.export.disabled')}</p>}
        {busy && <ProgressBar label={busy.label} fraction={busy.fraction} onCancel={cancel} />}
        {error && <p className="export-error" role="alert">{error}</p>}
      </div>
    </details>
  );
}
