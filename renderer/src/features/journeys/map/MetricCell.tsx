import { memo } from 'react';
import type { JourneyChange, MetricLane, MetricValue, Stage } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { useT, type MessageId } from '../../../i18n';

const trendKey: Record<NonNullable<MetricValue['trend']>, MessageId> = {
  up: 'journeyMap.metric.trendUp', flat: 'journeyMap.metric.trendFlat', down: 'journeyMap.metric.trendDown',
};

/** One stage's metric: value, target and trend, with the value coloured against the target. */
export const MetricCell = memo(function MetricCell({ lane, stage, dispatch }: {
  lane: MetricLane; stage: Stage; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  const current = lane.values[stage.id] ?? {};
  const set = (patch: Partial<MetricValue>) => {
    const next: MetricValue = { ...current, ...patch };
    for (const k of Object.keys(next) as Array<keyof MetricValue>) if (next[k] === undefined) delete next[k];
    dispatch({ type: 'setMetricValue', laneId: lane.id, stageId: stage.id, value: Object.keys(next).length ? next : null });
  };
  const num = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));
  const { value, target, trend } = current;
  // Effort (CES) is better when lower; every other metric is better when higher.
  const meets = value === undefined || target === undefined ? null : lane.metric === 'ces' ? value <= target : value >= target;
  const where = { lane: lane.name, stage: stage.name };
  return (
    <div className="map-cell metric-cell" data-lane={lane.id} data-stage={stage.id}>
      <label className={`metric-value${meets === null ? '' : meets ? ' meets' : ' misses'}`}>
        <span className="muted">{t('journeyMap.metric.value')}</span>
        <CommitInput aria-label={t('journeyMap.metric.valueOf', where)} inputMode="decimal" value={value === undefined ? '' : String(value)}
          onCommit={(t) => set({ value: num(t) })} />
        {lane.unit && <span className="muted">{lane.unit}</span>}
      </label>
      <label>
        <span className="muted">{t('journeyMap.metric.target')}</span>
        <CommitInput aria-label={t('journeyMap.metric.targetOf', where)} inputMode="decimal" value={target === undefined ? '' : String(target)}
          onCommit={(t) => set({ target: num(t) })} />
      </label>
      <select aria-label={t('journeyMap.metric.trendOf', where)} value={trend ?? ''} onChange={(e) => set({ trend: (e.target.value || undefined) as MetricValue['trend'] })}>
        <option value="">{t('journeyMap.metric.noTrend')}</option>
        {(['up', 'flat', 'down'] as const).map((k) => <option key={k} value={k}>{t(trendKey[k])}</option>)}
      </select>
    </div>
  );
});
