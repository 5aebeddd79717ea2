import { useFormat, useT } from '../../i18n';

/** A labelled progress bar with an optional Cancel button; announced to screen readers. */
export function ProgressBar({ label, fraction, onCancel }: { label: string; fraction: number; onCancel?: () => void }) {
  const t = useT();
  const f = useFormat();
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  const shown = f.percent(percent / 100);
  return (
    <div className="progress-row" role="status" aria-live="polite">
      <span className="progress-label">{label}</span>
      <progress max={100} value={percent} aria-label={label}>{shown}</progress>
      <span className="progress-value">{shown}</span>
      {onCancel && <button type="button" onClick={onCancel}>{t('data.progress.cancel')}</button>}
    </div>
  );
}
