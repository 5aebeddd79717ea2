import { useLiveQuery } from '../../../db/hooks';
import type { PersonaSnapshotDoc } from '../../../../../common/analytics/snapshots';
import { formatLiveValue, liveMetricRows, liveTarget, mergedLiveMetrics } from '../../../../../common/analytics/liveFigures';
import type { Result } from '../../../../../common/result';
import type { SectionProps } from './SectionBody';

function parseSnapshot(doc: unknown): Result<PersonaSnapshotDoc> {
  const d = doc as Partial<PersonaSnapshotDoc> | null;
  if (!d || d.entity !== 'persona' || typeof d.day !== 'string' || !d.metrics?.sums) return { ok: false, code: 'invalid-document', message: 'Not a persona snapshot.' };
  return { ok: true, data: d as PersonaSnapshotDoc };
}

/**
 * Live metrics read from the daily snapshots analytics writes (never stored in the persona). With no
 * snapshot yet it says so instead of showing made-up numbers.
 */
export function LiveMetricsBlock({ doc }: SectionProps) {
  const { items, loading } = useLiveQuery('snapshots', { selector: { entityId: doc.id } }, parseSnapshot, `snapshots:${doc.id}`);
  if (loading) return null;
  const merged = mergedLiveMetrics(items);
  if (!merged) {
    return <p className="muted no-data">No data yet. Map a dataset to this persona's rules and run analytics; the figures appear here.</p>;
  }
  const { live } = merged;
  return (
    <div className="live-metrics">
      <p className="muted">{live.responses} matched responses, {merged.firstDay} to {merged.lastDay}</p>
      <dl>
        {liveMetricRows.map((r) => {
          const target = liveTarget(doc.expectedMetrics, r.key);
          return (
            <div key={r.key}>
              <dt>{r.label}</dt>
              <dd>{formatLiveValue(r.value(live), r.unit)}{target !== undefined && <span className="muted"> (target {target})</span>}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
