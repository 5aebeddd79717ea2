import { useLiveQuery } from '../../../db/hooks';
import type { PersonaSnapshotDoc } from '../../../../../common/analytics/snapshots';
import { liveMetricRows, mergedLiveMetrics } from '../../../../../common/analytics/liveFigures';
import type { Formatters } from '../../../../../common/i18n/format';
import { useFormat, useT, type MessageId } from '../../../i18n';
import type { Result } from '../../../../../common/result';
import type { SectionProps } from './SectionBody';

function parseSnapshot(doc: unknown): Result<PersonaSnapshotDoc> {
  const d = doc as Partial<PersonaSnapshotDoc> | null;
  if (!d || d.entity !== 'persona' || typeof d.day !== 'string' || !d.metrics?.sums) return { ok: false, code: 'invalid-document', message: 'Not a persona snapshot.' };
  return { ok: true, data: d as PersonaSnapshotDoc };
}

const metricNames: Record<string, MessageId> = {
  satisfaction: 'personas.metric.satisfaction', loyalty: 'personas.metric.loyalty', trust: 'personas.metric.trust', effort: 'personas.metric.ces',
};

// As common/analytics/liveFigures formats them (shares as whole percentages, scores with one
// decimal, "—" without data), in the reader's digits and separators.
function liveValue(f: Formatters, value: number | null | undefined, unit: '%' | ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return unit === '%' ? f.percent(Math.round(value) / 100) : f.number(Math.round(value * 10) / 10, 1);
}

// A snapshot day (YYYY-MM-DD) as the locale writes dates.
function day(f: Formatters, iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso : f.date(d);
}

/**
 * Live metrics read from the daily snapshots analytics writes (never stored in the persona). With no
 * snapshot yet it says so instead of showing made-up numbers.
 */
export function LiveMetricsBlock({ doc }: SectionProps) {
  const { items, loading } = useLiveQuery('snapshots', { selector: { entityId: doc.id } }, parseSnapshot, `snapshots:${doc.id}`);
  const t = useT();
  const f = useFormat();
  if (loading) return null;
  const merged = mergedLiveMetrics(items);
  if (!merged) {
    return <p className="muted no-data">{t('personas.live.noData')}</p>;
  }
  const { live } = merged;
  return (
    <div className="live-metrics">
      <p className="muted">{t('personas.live.responses', { count: live.responses, first: day(f, merged.firstDay), last: day(f, merged.lastDay) })}</p>
      <dl>
        {liveMetricRows.map((r) => {
          const target = r.target(doc.expectedMetrics);
          return (
            <div key={r.key}>
              <dt>{metricNames[r.key] ? t(metricNames[r.key]!) : r.label}</dt>
              <dd>{liveValue(f, r.value(live), r.unit)}{target !== undefined && <span className="muted"> {t('personas.live.target', { target: liveValue(f, target, r.unit) })}</span>}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
