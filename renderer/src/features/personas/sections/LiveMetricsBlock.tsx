import { useLiveQuery } from '../../../db/hooks';
import { latestPerDay, type PersonaSnapshotDoc } from '../../../../../common/analytics/snapshots';
import { emptyMetrics, mergeMetrics, summariseMetrics } from '../../../../../common/analytics/metrics';
import type { Result } from '../../../../../common/result';
import type { SectionProps } from './SectionBody';

function parseSnapshot(doc: unknown): Result<PersonaSnapshotDoc> {
  const d = doc as Partial<PersonaSnapshotDoc> | null;
  if (!d || d.entity !== 'persona' || typeof d.day !== 'string' || !d.metrics?.sums) return { ok: false, code: 'invalid-document', message: 'Not a persona snapshot.' };
  return { ok: true, data: d as PersonaSnapshotDoc };
}

const rows = [
  { key: 'satisfaction', label: 'Satisfaction', target: 'satisfaction' },
  { key: 'nps', label: 'Loyalty (NPS)', target: 'loyalty' },
  { key: 'trust', label: 'Trust', target: 'trust' },
  { key: 'effort', label: 'Effort', target: 'effort' },
] as const;

/**
 * Live metrics read from the daily snapshots analytics writes (never stored in the persona). With no
 * snapshot yet it says so instead of showing made-up numbers.
 */
export function LiveMetricsBlock({ doc }: SectionProps) {
  const { items, loading } = useLiveQuery('snapshots', { selector: { entityId: doc.id } }, parseSnapshot, `snapshots:${doc.id}`);
  if (loading) return null;
  const days = latestPerDay(items);
  if (days.length === 0) {
    return <p className="muted no-data">No data yet. Map a dataset to this persona's rules and run analytics; the figures appear here.</p>;
  }
  const live = summariseMetrics(days.reduce((acc, s) => mergeMetrics(acc, s.metrics.sums), emptyMetrics()));
  return (
    <div className="live-metrics">
      <p className="muted">{live.responses} matched responses, {days[0]!.day} to {days.at(-1)!.day}</p>
      <dl>
        {rows.map((r) => {
          const value = live[r.key];
          const target = doc.expectedMetrics[r.target];
          return (
            <div key={r.key}>
              <dt>{r.label}</dt>
              <dd>{value === null ? '—' : value.toFixed(1)}{target !== undefined && <span className="muted"> (target {target})</span>}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
