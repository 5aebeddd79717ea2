import { memo } from 'react';
import { metricKinds, type JourneyChange, type Lane, type MetricLane } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { ArrowDown, ArrowUp, Trash2 } from '../../../ui/icons';
import { laneTypeKey, metricKey } from './labels';
import { useT } from '../../../i18n';

/** A lane's row header: name, type, type settings (scale, metric), move and remove. */
export const LaneHeader = memo(function LaneHeader({ lane, index, count, dispatch }: {
  lane: Lane; index: number; count: number; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  const named = { lane: lane.name };
  return (
    <div className={`lane-header lane-${lane.type}`} data-lane-id={lane.id}>
      <CommitInput aria-label={t('journeyMap.lane.name', { n: index + 1 })} className="lane-name" value={lane.name} maxLength={120}
        onCommit={(name) => dispatch({ type: 'renameLane', laneId: lane.id, name })} />
      <span className="muted lane-type">{t(laneTypeKey[lane.type])}</span>
      {lane.type === 'emotion' && (
        <select aria-label={t('journeyMap.lane.scale', named)} value={lane.scale}
          onChange={(e) => dispatch({ type: 'setEmotionScale', laneId: lane.id, scale: e.target.value as 'bipolar' | 'ten' })}>
          {/* Isolated left to right so Arabic does not reorder the range into "2+ … −2". */}
          <option value="bipolar">{'\u2066−2 … +2\u2069'}</option>
          <option value="ten">{'\u20661 … 10\u2069'}</option>
        </select>
      )}
      {lane.type === 'metric' && (
        <span className="metric-kind">
          <select aria-label={t('journeyMap.lane.metric', named)} value={lane.metric}
            onChange={(e) => dispatch({ type: 'setMetricKind', laneId: lane.id, metric: e.target.value as MetricLane['metric'] })}>
            {metricKinds.map((m) => <option key={m} value={m}>{t(metricKey[m])}</option>)}
          </select>
          {lane.metric === 'custom' && (
            <CommitInput aria-label={t('journeyMap.lane.unit')} placeholder={t('journeyMap.lane.unitPlaceholder')} className="unit" value={lane.unit ?? ''} maxLength={40}
              onCommit={(unit) => dispatch({ type: 'setMetricKind', laneId: lane.id, metric: 'custom', unit })} />
          )}
        </span>
      )}
      <div className="lane-tools">
        <button type="button" className="ghost" disabled={index === 0} aria-label={t('journeyMap.lane.moveUp', named)}
          onClick={() => dispatch({ type: 'moveLane', laneId: lane.id, toIndex: index - 1 })}><ArrowUp size={16} /></button>
        <button type="button" className="ghost" disabled={index === count - 1} aria-label={t('journeyMap.lane.moveDown', named)}
          onClick={() => dispatch({ type: 'moveLane', laneId: lane.id, toIndex: index + 1 })}><ArrowDown size={16} /></button>
        <button type="button" className="ghost" aria-label={t('journeyMap.lane.remove', named)} title={t('journeyMap.lane.removeTitle')}
          onClick={() => dispatch({ type: 'removeLane', laneId: lane.id })}><Trash2 size={16} /></button>
      </div>
    </div>
  );
});
