import { durationBuckets, type DurationSummary, type JourneyFigures } from '../../../../common/journeyAnalytics';
import { useT } from '../../i18n';
import { useJourneyFormat, type JourneyFormat } from './journeyFormat';

/** Column labels of the duration buckets: "< 1 min", "1 min–5 min", …, "≥ 30 d", in the app's language. */
export function bucketLabels(f: JourneyFormat): string[] {
  const unit = (ms: number) => (ms < 3_600_000 ? f.t('journeyAnalytics.times.minutes', { n: ms / 60_000 })
    : ms < 86_400_000 ? f.t('journeyAnalytics.times.hours', { n: ms / 3_600_000 }) : f.t('journeyAnalytics.times.days', { n: ms / 86_400_000 }));
  return durationBuckets.map((upper, i) => (i === 0 ? f.t('journeyAnalytics.times.under', { upper: unit(upper) })
    : upper === Infinity ? f.t('journeyAnalytics.times.over', { lower: unit(durationBuckets[i - 1]!) })
      : f.t('journeyAnalytics.times.range', { lower: unit(durationBuckets[i - 1]!), upper: unit(upper) })));
}

/**
 * How long customers take, as a distribution: per stage the time in it and the time to the next
 * stage, and the whole journey's time to complete, counted per duration bucket (the kernels'
 * histogram), beside the median. Shading is relative to the row's largest bucket.
 */
export function TimeDistribution({ figures }: { figures: JourneyFigures }) {
  const t = useT();
  const fmt = useJourneyFormat();
  const rows: { key: string; name: string; what: string; d: DurationSummary }[] = [
    ...figures.stages.flatMap((s) => [
      { key: `${s.stageId}:in`, name: s.name, what: t('journeyAnalytics.times.inStage'), d: s.timeInStage },
      ...(s.timeToNext ? [{ key: `${s.stageId}:next`, name: s.name, what: t('journeyAnalytics.times.toNext'), d: s.timeToNext }] : []),
    ]),
    { key: 'complete', name: t('journeyAnalytics.times.journey'), what: t('journeyAnalytics.times.toComplete'), d: figures.timeToComplete },
  ];
  return (
    <section aria-label={t('journeyAnalytics.times.title')} className="time-distribution">
      <h3>{t('journeyAnalytics.times.title')}</h3>
      <div className="table-scroll">
        <table className="data-table" data-testid="time-distribution">
          <thead>
            <tr>
              <th scope="col">{t('journeyAnalytics.compare.stage')}</th><th scope="col">{t('journeyAnalytics.times.measure')}</th>
              <th scope="col" className="num">{t('journeyAnalytics.times.median')}</th>
              {bucketLabels(fmt).map((l) => <th key={l} scope="col" className="num">{l}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const max = Math.max(1, ...r.d.buckets);
              return (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th><td>{r.what}</td><td className="num">{fmt.duration(r.d.median)}</td>
                  {r.d.buckets.map((n, i) => (
                    <td key={i} className="num" style={n > 0 ? { background: `rgba(79, 124, 172, ${(0.1 + (0.45 * n) / max).toFixed(2)})` } : undefined}>{fmt.count(n)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('journeyAnalytics.times.note')}</p>
    </section>
  );
}
