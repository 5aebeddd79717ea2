import type { FlowNodeEventCount } from '../../../../common/journeyAnalytics';
import { useT } from '../../i18n';
import './journeyAnalytics.css';

/**
 * A flow step's counts from the event log (its stage's funnel figures), kept apart from the
 * simulator's and the engine's counts: these say what customers did, not what was sent.
 */
export function FlowEventCounts({ counts, logName }: { counts: FlowNodeEventCount; logName: string }) {
  const t = useT();
  return (
    <div className="flow-event-counts" data-testid="flow-event-counts" title={t('journeyAnalytics.flow.nodeTitle', { log: logName, stage: counts.stageName })}>
      <strong>{t('journeyAnalytics.flow.reached', { count: counts.reach })}</strong>
      {counts.share !== null && <span>{t('journeyAnalytics.flow.share', { share: counts.share })}</span>}
      {counts.current > 0 && <span>{t('journeyAnalytics.flow.now', { count: counts.current })}</span>}
    </div>
  );
}

/** The line above the canvas saying where the step counts come from. */
export function FlowEventNote({ logName, ready }: { logName: string; ready: boolean }) {
  const t = useT();
  return <span className="flow-event-note muted" data-testid="flow-event-note" role="status">{t(ready ? 'journeyAnalytics.flow.note' : 'journeyAnalytics.flow.loading', { log: logName })}</span>;
}
