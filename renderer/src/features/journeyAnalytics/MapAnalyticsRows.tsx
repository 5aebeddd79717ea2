import { useState } from 'react';
import { describeRule, type Stage } from '../../../../common/journey';
import { formatRate } from '../../../../common/journeyAnalytics/report';
import { useMapAnalytics } from './analyticsState';
import { heatCells, heatColour, heatMeasures } from './heat';
import { SentimentRow } from './SentimentRow';
import { StageRulesEditor } from './StageRulesEditor';

/**
 * Rows the map grid shows under its stage headers when an event log is chosen: the funnel strip
 * (reach in order as a bar, conversion from the previous stage), the heat overlay of the chosen
 * measure (exact numbers on hover) and each stage's event rules with an editor.
 */
export function MapAnalyticsRows({ stages }: { stages: readonly Stage[] }) {
  const a = useMapAnalytics();
  const [editing, setEditing] = useState<string | null>(null);
  if (!a) return null;
  const f = a.figures && a.figures.stages.length === stages.length ? a.figures : null;
  const start = f?.stages[0]?.reachStrict ?? 0;
  const heat = f ? heatCells(f, a.measure) : null;
  const measure = heatMeasures.find((m) => m.key === a.measure)!;
  return (
    <>
      <div className="lane-header analytics-row-header"><strong>Funnel</strong><span className="muted">reached in order</span></div>
      {stages.map((s, i) => {
        const st = f?.stages[i];
        return (
          <div key={s.id} className="map-cell funnel-cell" data-testid={`funnel-${s.id}`} title={st ? heat![i]!.detail : undefined}>
            {st ? (
              <>
                <div className="funnel-bar" style={{ width: `${start > 0 ? (100 * st.reachStrict) / start : 0}%` }} />
                <span className="funnel-count">{st.reachStrict.toLocaleString()}</span>
                <span className="muted">{i === 0 ? 'started' : `${formatRate(st.conversionStrict)} of previous`}</span>
              </>
            ) : <span className="muted">{a.figures ? '' : 'Computing…'}</span>}
          </div>
        );
      })}
      <div />
      <div className="lane-header analytics-row-header">
        <strong>Heat: {measure.label}</strong>
        <span className="heat-legend" aria-label={`Heat legend: ${measure.legend}`}>
          <span className="heat-swatch" style={{ background: heatColour(0) }} />low
          <span className="heat-swatch" style={{ background: heatColour(1) }} />high
        </span>
      </div>
      {stages.map((s, i) => {
        const cell = heat?.[i];
        return (
          <div key={s.id} className="map-cell heat-cell" data-testid={`heat-${s.id}`} title={cell?.detail}
            style={cell ? { background: heatColour(cell.intensity), color: cell.intensity > 0.6 ? '#fff' : undefined } : undefined}>
            {cell?.label ?? ''}
          </div>
        );
      })}
      <div />
      {a.survey && <SentimentRow stages={stages} />}
      {/* The rules row is for editing: the PNG of the map leaves it out (the whole row, so the grid stays aligned). */}
      <div className="lane-header analytics-row-header" data-export="hide"><strong>Events</strong><span className="muted">which events mean “in this stage”</span></div>
      {stages.map((s) => (
        <div key={s.id} className="map-cell stage-rules" data-testid={`rules-${s.id}`} data-export="hide">
          {editing === s.id ? (
            <StageRulesEditor stage={s} log={a.log} dispatch={a.dispatch} onClose={() => setEditing(null)} />
          ) : (
            <>
              {(s.events ?? []).length === 0 ? <span className="muted">No events yet</span>
                : <ul className="rule-list">{(s.events ?? []).map((r, k) => <li key={k}>{describeRule(r)}</li>)}</ul>}
              <button type="button" onClick={() => setEditing(s.id)} aria-label={`Edit events of ${s.name}`}>Edit events</button>
            </>
          )}
        </div>
      ))}
      <div data-export="hide" />
    </>
  );
}
