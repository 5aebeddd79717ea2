import { useT } from '../../i18n';
import { usePersonaDrift } from './driftStore';
import { useDriftWords } from './driftWords';

/** A badge on a persona card when its newest snapshot day raised drift alerts. */
export function DriftBadge({ personaId }: { personaId: string }) {
  const drift = usePersonaDrift(personaId);
  const t = useT();
  const alerts = useDriftWords().alerts;
  const n = drift?.alerts.length ?? 0;
  if (n === 0) return null;
  return (
    <span className="badge badge-alert" data-testid="drift-badge" title={alerts(drift!.report).join('\n')}
      style={{ background: '#fee2e2', color: '#991b1b', borderRadius: 999, padding: '0 0.5rem', fontSize: '0.8em' }}>
      {t('analytics.drift.badge', { count: n })}
    </span>
  );
}
