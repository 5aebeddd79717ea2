import { useState } from 'react';
import { isTimeZone } from '../../../../common/analytics/days';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { isAnomalySigmas, saveSetting, settingIds } from './workspaceSettings';

const zones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The workspace time zone (days of snapshots and charts) and the anomaly control limit. */
export function SettingsPanel({ timeZone, sigmas }: { timeZone: string; sigmas: number }) {
  const db = useWorkspace();
  const [zone, setZone] = useState(timeZone);
  const [limit, setLimit] = useState(String(sigmas));
  const zoneOk = isTimeZone(zone.trim());
  const limitValue = Number(limit);
  const limitOk = isAnomalySigmas(limitValue);
  const save = async () => {
    if (!zoneOk || !limitOk) return;
    await saveSetting(db, settingIds.timeZone, zone.trim());
    await saveSetting(db, settingIds.anomalySigmas, limitValue);
    showToast('Analytics settings saved.');
  };
  return (
    <details className="panel settings-panel">
      <summary>Settings: time zone {timeZone}, anomaly limit {sigmas} standard errors</summary>
      <div className="settings-fields">
        <label>Workspace time zone
          <input dir="auto" list="zones" value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={!zoneOk || undefined} aria-describedby="zone-help" />
        </label>
        <datalist id="zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
        <label>Anomaly limit (standard errors)
          <input dir="auto" inputMode="decimal" size={6} value={limit} onChange={(e) => setLimit(e.target.value)} aria-invalid={!limitOk || undefined} aria-describedby="zone-help" />
        </label>
        <button type="button" onClick={() => void save()} disabled={!zoneOk || !limitOk}>Save settings</button>
      </div>
      <p id="zone-help" className={zoneOk && limitOk ? 'muted' : 'error-text'}>
        {!zoneOk ? `"${zone}" is not a time zone; pick one such as Europe/London.` : !limitOk ? 'The limit must be a number from 1 to 6.'
          : 'Days of snapshots and charts are counted in this zone. A day with at least 5 answers is flagged when a metric departs from the expected value, or from the mean of the 14 days before it, by more than this many standard errors of that day’s sample (3 flags a stable day about 3 times in 1,000).'}
      </p>
    </details>
  );
}
