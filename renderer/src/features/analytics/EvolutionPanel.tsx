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
import { mean, nps, pct } from './display';
import type { AnalyticsPersona } from './personaModel';
import { parseSnapshot } from './snapshotStore';

type Charted = MetricName | 'csat' | 'trustPercent' | 'averagePercent';

// Shares (CSAT %, trust %) are charted but not judged for anomalies: the control limit works on means.
const metrics: { id: Charted; label: string }[] = [
  { id: 'nps', label: 'NPS' }, { id: 'npsMean', label: 'NPS mean (0–10)' }, { id: 'csat', label: 'CSAT % (4–5 of 5)' },
  { id: 'satisfaction', label: 'Satisfaction mean' }, { id: 'trustPercent', label: 'Trust % (4–5 of 5)' }, { id: 'trust', label: 'Trust mean' },
  { id: 'effort', label: 'CES (mean effort)' }, { id: 'averagePercent', label: 'Average match %' },
];
const judged = (m: Charted): m is MetricName => m !== 'averagePercent' && m !== 'csat' && m !== 'trustPercent';

/** A persona's metrics day by day from its snapshots, over 7/30/90 days or a custom range, with anomaly flags. */
export function EvolutionPanel(props: { persona: AnalyticsPersona; digests: Record<string, string> | undefined; today: string; sigmas: number }) {
  const { persona, today, sigmas } = props;
  const db = useWorkspace();
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
  const label = metrics.find((m) => m.id === metric)?.label ?? metric;
  const turnOn = async () => {
    const res = await setSnapshotsEnabled(db, persona.id, true);
    showToast(res.ok ? `Daily snapshots are on for ${persona.name}.` : res.message, res.ok ? undefined : { tone: 'error' });
  };
  return (
    <section aria-labelledby="evolution-title" className="panel">
      <div className="panel-header">
        <h3 id="evolution-title">Evolution</h3>
        <label>Metric <select value={metric} onChange={(e) => setMetric(e.target.value as Charted)}>{metrics.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}</select></label>
        <label>Range <select value={span} onChange={(e) => setSpan(e.target.value as typeof span)}>
          <option value="7">Last 7 days</option><option value="30">Last 30 days</option><option value="90">Last 90 days</option><option value="custom">Custom</option>
        </select></label>
        {span === 'custom' && (
          <>
            <label>First day <input type="date" value={custom.from} max={custom.to} onChange={(e) => setCustom({ ...custom, from: e.target.value })} /></label>
            <label>Last day <input type="date" value={custom.to} min={custom.from} onChange={(e) => setCustom({ ...custom, to: e.target.value })} /></label>
          </>
        )}
      </div>
      {!persona.snapshotsEnabled ? (
        <p role="status" data-testid="evolution-empty">
          Evolution is empty because daily snapshots are off for this persona: its metrics are not recorded day by day.{' '}
          <button type="button" onClick={() => void turnOn()}>Turn on daily snapshots</button>
        </p>
      ) : evo.total.responses === 0 && (
        <p role="status" data-testid="evolution-empty">
          No snapshot in this range yet. Snapshots are taken each day from the day the persona was created; Backfill snapshots computes the days of older responses.
        </p>
      )}
      <p className="muted" data-testid="evolution-total">
        {evo.total.responses} responses in range · NPS {nps(evo.total.live.nps)} · CSAT {pct(evo.total.live.csat)}
      </p>
      <EvolutionLine data={values} metricLabel={label} anomalies={anomalies.map((a) => ({ day: a.day, value: a.value }))} />
      {anomalies.length > 0 ? (
        <ul className="anomalies" aria-label="Anomalies">
          {anomalies.map((a) => (
            <li key={`${a.day}-${a.against}`}>{a.day}: {label} {mean(a.value)} is {mean(Math.abs(a.deviation))} {a.deviation > 0 ? 'above' : 'below'} the {a.against === 'expected' ? 'expected value' : 'trailing mean'} ({mean(a.reference)})</li>
          ))}
        </ul>
      ) : <p className="muted">No day outside its control limit ({sigmas} standard errors of the day’s answers; days with fewer than 5 answers are not judged).</p>}
    </section>
  );
}
