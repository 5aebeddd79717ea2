/** A labelled progress bar with an optional Cancel button; announced to screen readers. */
export function ProgressBar({ label, fraction, onCancel }: { label: string; fraction: number; onCancel?: () => void }) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="progress-row" role="status" aria-live="polite">
      <span className="progress-label">{label}</span>
      <progress max={100} value={percent} aria-label={label}>{percent}%</progress>
      <span className="progress-value">{percent}%</span>
      {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
    </div>
  );
}
