import { useState } from 'react';
import type { Stage } from '../../../../common/journey';
import { useT } from '../../i18n';
import { useMapAnalytics } from './analyticsState';
import { heatCells, heatColour, heatMeasures } from './heat';
import { useJourneyFormat } from './journeyFormat';
import { ruleText } from './ruleText';
import { SentimentRow } from './SentimentRow';
import { StageRulesEditor } from './StageRulesEditor';

/**
 * Rows the map grid shows under its stage headers when an event log is chosen: the funnel strip
 * (reach in order as a bar, conversion from the previous stage), the heat overlay of the chosen
 * measure (exact numbers on hover) and each stage's event rules with an editor.
 */
export function MapAnalyticsRows({ stages }: { stages: readonly Stage[] }) {
  const a = useMapAnalytics();
  const t = useT();
  const fmt = useJourneyFormat();
  const [editing, setEditing] = useState<string | null>(null);
  if (!a) return null;
  const f = a.figures && a.figures.stages.length === stages.length ? a.figures : null;
  const start = f?.stages[0]?.reachStrict ?? 0;
  const heat = f ? heatCells(f, a.measure, fmt) : null;
  const measure = heatMeasures.find((m) => m.key === a.measure)!;
  return (
    <>
      <div className="lane-header analytics-row-header"><strong>{t('journeyAnalytics.funnel.title')}</strong><span className="muted">{t('journeyAnalytics.funnel.note')}</span></div>
      {stages.map((s, i) => {
        const st = f?.stages[i];
        return (
          <div key={s.id} className="map-cell funnel-cell" data-testid={`funnel-${s.id}`} title={st ? heat![i]!.detail : undefined}>
            {st ? (
              <>
                <div className="funnel-bar" style={{ width: `${start > 0 ? (100 * st.reachStrict) / start : 0}%` }} />
                <span className="funnel-count">{fmt.count(st.reachStrict)}</span>
                <span className="muted">{i === 0 ? t('journeyAnalytics.funnel.started') : t('journeyAnalytics.funnel.ofPrevious', { rate: fmt.rate(st.conversionStrict) })}</span>
              </>
            ) : <span className="muted">{a.figures ? '' : t('journeyAnalytics.funnel.computing')}</span>}
          </div>
        );
      })}
      <div />
      <div className="lane-header analytics-row-header">
        <strong>{t('journeyAnalytics.heat.title', { measure: t(measure.label) })}</strong>
        <span className="heat-legend" aria-label={t('journeyAnalytics.heat.legendLabel', { legend: t(measure.legend) })}>
          <span className="heat-swatch" style={{ background: heatColour(0) }} />{t('journeyAnalytics.heat.low')}
          <span className="heat-swatch" style={{ background: heatColour(1) }} />{t('journeyAnalytics.heat.high')}
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
      <div className="lane-header analytics-row-header" data-export="hide"><strong>{t('journeyAnalytics.rules.title')}</strong><span className="muted">{t('journeyAnalytics.rules.note')}</span></div>
      {stages.map((s) => (
        <div key={s.id} className="map-cell stage-rules" data-testid={`rules-${s.id}`} data-export="hide">
          {editing === s.id ? (
            <StageRulesEditor stage={s} log={a.log} dispatch={a.dispatch} onClose={() => setEditing(null)} />
          ) : (
            <>
              {(s.events ?? []).length === 0 ? <span className="muted">{t('journeyAnalytics.rules.none')}</span>
                : <ul className="rule-list">{(s.events ?? []).map((r, k) => <li key={k}>{ruleText(r, fmt)}</li>)}</ul>}
              <button type="button" onClick={() => setEditing(s.id)} aria-label={t('journeyAnalytics.rules.editOf', { stage: s.name })}>{t('journeyAnalytics.rules.edit')}</button>
            </>
          )}
        </div>
      ))}
      <div data-export="hide" />
    </>
  );
}
