import { useState } from 'react';
import { isTimeZone } from '../../../../common/analytics/days';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { saveSetting, settingIds } from './workspaceSettings';

const zones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The workspace time zone (days of snapshots and charts) and the anomaly threshold. */
export function SettingsPanel({ timeZone, threshold }: { timeZone: string; threshold: number }) {
  const db = useWorkspace();
  const [zone, setZone] = useState(timeZone);
  const [limit, setLimit] = useState(String(threshold));
  const zoneOk = isTimeZone(zone.trim());
  const limitValue = Number(limit);
  const limitOk = Number.isFinite(limitValue) && limitValue > 0;
  const save = async () => {
    if (!zoneOk || !limitOk) return;
    await saveSetting(db, settingIds.timeZone, zone.trim());
    await saveSetting(db, settingIds.anomalyThreshold, limitValue);
    showToast('Analytics settings saved.');
  };
  return (
    <details className="panel settings-panel">
      <summary>Settings: time zone {timeZone}, anomaly threshold {threshold}</summary>
      <div className="settings-fields">
        <label>Workspace time zone
          <input dir="auto" list="zones" value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={!zoneOk || undefined} aria-describedby="zone-help" />
        </label>
        <datalist id="zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
        <label>Anomaly threshold
          <input dir="auto" inputMode="decimal" size={6} value={limit} onChange={(e) => setLimit(e.target.value)} aria-invalid={!limitOk || undefined} aria-describedby="zone-help" />
        </label>
        <button type="button" onClick={() => void save()} disabled={!zoneOk || !limitOk}>Save settings</button>
      </div>
      <p id="zone-help" className={zoneOk && limitOk ? 'muted' : 'error-text'}>
        {!zoneOk ? `"${zone}" is not a time zone; pick one such as Europe/London.` : !limitOk ? 'The threshold must be a number above 0.'
          : 'Days of snapshots and charts are counted in this zone. A day is flagged when a metric departs from the expected value or its 7-day trailing mean by more than the threshold (in the metric’s units).'}
      </p>
    </details>
  );
}
