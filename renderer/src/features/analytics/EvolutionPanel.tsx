import { useState } from 'react';
import { parseDayName, dayName } from '../../../../common/analytics/days';
import { detectAnomalies, evolution, type EvolutionRange } from '../../../../common/analytics/evolution';
import type { MetricName } from '../../../../common/analytics/metrics';
import { latestPerDay } from '../../../../common/analytics/snapshots';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { setSnapshotsEnabled } from './personaRules';
import { EvolutionLine } from './charts';
import { useT, type MessageId } from '../../i18n';
import { useAnalyticsFormat } from './display';
import type { AnalyticsPersona } from './personaModel';
import { parseSnapshot } from './snapshotStore';

type Charted = MetricName | 'csat' | 'trustPercent' | 'averagePercent';

// Shares (CSAT %, trust %) are charted but not judged for anomalies: the control limit works on means.
const metrics: Charted[] = ['nps', 'npsMean', 'csat', 'satisfaction', 'trustPercent', 'trust', 'effort', 'averagePercent'];
const metricLabel = (m: Charted): MessageId => `analytics.metric.${m}`;
const judged = (m: Charted): m is MetricName => m !== 'averagePercent' && m !== 'csat' && m !== 'trustPercent';

/** A persona's metrics day by day from its snapshots, over 7/30/90 days or a custom range, with anomaly flags. */
export function EvolutionPanel(props: { persona: AnalyticsPersona; digests: Record<string, string> | undefined; today: string; sigmas: number }) {
  const { persona, today, sigmas } = props;
  const db = useWorkspace();
  const t = useT();
  const { mean, nps, pct } = useAnalyticsFormat();
  const [span, setSpan] = useState<'7' | '30' | '90' | 'custom'>('30');
  const [metric, setMetric] = useState<Charted>('nps');
  const [custom, setCustom] = useState({ from: dayName((parseDayName(today) ?? 0) - 29), to: today });
  const { items } = useLiveQuery('snapshots', { selector: { entityId: persona.id } }, parseSnapshot);
  const current = latestPerDay(items, props.digests ? new Map(Object.entries(props.digests)) : undefined);
  const range: EvolutionRange = span === 'custom' ? custom : { lastDays: Number(span), today };
  const evo = evolution(current, range);
  const values = evo.points.map((p) => ({ day: p.day, responses: p.responses, value: metric === 'averagePercent' ? p.averagePercent : p.live[metric] }));
  // Expected values exist for loyalty (NPS); the others are stored in percent and survey scales vary, so they use the trailing mean only.
  const anomalies = !judged(metric) ? [] : detectAnomalies(evo.points, {
    metric, sigmas, ...(metric === 'nps' && persona.expectedMetrics.loyalty !== undefined ? { expected: persona.expectedMetrics.loyalty } : {}),
  });
  const label = t(metricLabel(metric));
  const turnOn = async () => {
    const res = await setSnapshotsEnabled(db, persona.id, true);
    showToast(res.ok ? t('analytics.evolution.turnedOn', { name: persona.name }) : res.message, res.ok ? undefined : { tone: 'error' });
  };
  return (
    <section aria-labelledby="evolution-title" className="panel">
      <div className="panel-header">
        <h3 id="evolution-title">{t('analytics.evolution.title')}</h3>
        <label>{t('analytics.evolution.metric')} <select value={metric} onChange={(e) => setMetric(e.target.value as Charted)}>{metrics.map((m) => <option key={m} value={m}>{t(metricLabel(m))}</option>)}</select></label>
        <label>{t('analytics.evolution.range')} <select value={span} onChange={(e) => setSpan(e.target.value as typeof span)}>
          <option value="7">{t('analytics.evolution.last7')}</option><option value="30">{t('analytics.evolution.last30')}</option><option value="90">{t('analytics.evolution.last90')}</option><option value="custom">{t('analytics.evolution.custom')}</option>
        </select></label>
        {span === 'custom' && (
          <>
            <label>{t('analytics.evolution.firstDay')} <input type="date" value={custom.from} max={custom.to} onChange={(e) => setCustom({ ...custom, from: e.target.value })} /></label>
            <label>{t('analytics.evolution.lastDay')} <input type="date" value={custom.to} min={custom.from} onChange={(e) => setCustom({ ...custom, to: e.target.value })} /></label>
          </>
        )}
      </div>
      {!persona.snapshotsEnabled ? (
        <p role="status" data-testid="evolution-empty">
          {t('analytics.evolution.off')}{' '}
          <button type="button" onClick={() => void turnOn()}>{t('analytics.evolution.turnOn')}</button>
        </p>
      ) : evo.total.responses === 0 && (
        <p role="status" data-testid="evolution-empty">
          {t('analytics.evolution.empty')}
        </p>
      )}
      <p className="muted" data-testid="evolution-total">
        {t('analytics.evolution.total', { count: evo.total.responses, nps: nps(evo.total.live.nps), csat: pct(evo.total.live.csat) })}
      </p>
      <EvolutionLine data={values} metricLabel={label} anomalies={anomalies.map((a) => ({ day: a.day, value: a.value }))} />
      {anomalies.length > 0 ? (
        <ul className="anomalies" aria-label={t('analytics.evolution.anomalies')}>
          {anomalies.map((a) => (
            <li key={`${a.day}-${a.against}`}>{t('analytics.evolution.anomaly', { day: a.day, metric: label, value: mean(a.value), deviation: mean(Math.abs(a.deviation)), direction: a.deviation > 0 ? 'above' : 'below', against: a.against, reference: mean(a.reference) })}</li>
          ))}
        </ul>
      ) : <p className="muted">{t('analytics.evolution.noAnomaly', { sigmas })}</p>}
    </section>
  );
}
