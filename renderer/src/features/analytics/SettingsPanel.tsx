import { useState } from 'react';
import { isTimeZone } from '../../../../common/analytics/days';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import { isAnomalySigmas, saveSetting, settingIds } from './workspaceSettings';

const zones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The workspace time zone (days of snapshots and charts) and the anomaly control limit. */
export function SettingsPanel({ timeZone, sigmas }: { timeZone: string; sigmas: number }) {
  const db = useWorkspace();
  const t = useT();
  const [zone, setZone] = useState(timeZone);
  const [limit, setLimit] = useState(String(sigmas));
  const zoneOk = isTimeZone(zone.trim());
  const limitValue = Number(limit);
  const limitOk = isAnomalySigmas(limitValue);
  const save = async () => {
    if (!zoneOk || !limitOk) return;
    await saveSetting(db, settingIds.timeZone, zone.trim());
    await saveSetting(db, settingIds.anomalySigmas, limitValue);
    showToast(translate('analytics.settings.saved'));
  };
  return (
    <details className="panel settings-panel">
      <summary>{t('analytics.settings.summary', { zone: timeZone, sigmas })}</summary>
      <div className="settings-fields">
        <label>{t('analytics.settings.zone')}
          <input dir="auto" list="zones" value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={!zoneOk || undefined} aria-describedby="zone-help" />
        </label>
        <datalist id="zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
        <label>{t('analytics.settings.limit')}
          <input dir="auto" inputMode="decimal" size={6} value={limit} onChange={(e) => setLimit(e.target.value)} aria-invalid={!limitOk || undefined} aria-describedby="zone-help" />
        </label>
        <button type="button" onClick={() => void save()} disabled={!zoneOk || !limitOk}>{t('analytics.settings.save')}</button>
      </div>
      <p id="zone-help" className={zoneOk && limitOk ? 'muted' : 'error-text'}>
        {!zoneOk ? t('analytics.settings.badZone', { zone }) : !limitOk ? t('analytics.settings.badLimit') : t('analytics.settings.help')}
      </p>
    </details>
  );
}
