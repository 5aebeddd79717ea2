import { useT } from '../../i18n';
import { ProgressBar } from '../data/ProgressBar';

/** A date range as two workspace-zone days, either end open. */
export interface DayRange { from: string; to: string }

/** Date-range filter, Recalculate with its progress, and the scheduler's backfill. */
export function Toolbar(props: {
  range: DayRange; onRange: (r: DayRange) => void; busy: { label: string; fraction: number } | null;
  onRecalculate: () => void; onBackfill: () => void; snapshotsRunning: boolean;
}) {
  const { range, onRange, busy } = props;
  const t = useT();
  return (
    <div className="analytics-toolbar">
      <fieldset className="date-range">
        <legend className="visually-hidden">{t('analytics.toolbar.dateRange')}</legend>
        <label>{t('analytics.toolbar.from')} <input type="date" value={range.from} max={range.to || undefined} onChange={(e) => onRange({ ...range, from: e.target.value })} /></label>
        <label>{t('analytics.toolbar.to')} <input type="date" value={range.to} min={range.from || undefined} onChange={(e) => onRange({ ...range, to: e.target.value })} /></label>
        {(range.from || range.to) && <button type="button" className="link" onClick={() => onRange({ from: '', to: '' })}>{t('analytics.toolbar.allDates')}</button>}
      </fieldset>
      <button type="button" className="primary" onClick={props.onRecalculate} disabled={busy !== null}>{t('analytics.toolbar.recalculate')}</button>
      <button type="button" onClick={props.onBackfill} disabled={props.snapshotsRunning || busy !== null}>{t('analytics.toolbar.backfill')}</button>
      {busy && <ProgressBar label={busy.label} fraction={busy.fraction} />}
    </div>
  );
}
