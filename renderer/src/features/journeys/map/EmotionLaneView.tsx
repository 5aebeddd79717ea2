import { memo, useState } from 'react';
import { useLiveQuery } from '../../../db/hooks';
import { parsePersonaRef } from '../store';
import { CurveKey, curveMarkers } from './CurveKey';
import type { Curve, EmotionLane, JourneyChange, Stage } from '../../../../../common/journey';
import { CurveLegend } from './CurveLegend';
import { stageWidth } from './MapView';
import { useFormat, useRightToLeft, useT } from '../../../i18n';

const height = 170;
const pad = 14;
/** Width of the y-axis strip; markers sit at column centres, well right of it. */
const axisW = 30;
type Drag = { curveId: string; stageId: string; value: number };

/**
 * The emotion curves over the stages, drawn as SVG lines with a marker per point. A marker drags
 * vertically (the value is committed on release, so one drag is one undo step), moves with the arrow
 * keys, and the selected curve's values can be typed in the row below. A y-axis prints the scale's
 * values and a key names each curve, as-is or to-be, and its persona. Markers of different curves
 * on the same spot sit side by side, so each can be grabbed, and Tab visits a stage's markers one
 * after the other before the next stage's.
 */
export const EmotionLaneView = memo(function EmotionLaneView({ lane, stages, scale, dispatch }: {
  lane: EmotionLane; stages: Stage[]; scale: { min: number; max: number }; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  const f = useFormat();
  // In Arabic the stages run right to left, and so does the curve drawn over them.
  const rtl = useRightToLeft();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const personas = useLiveQuery('personas', { selector: {} }, parsePersonaRef).items;
  const curve = lane.curves.find((c) => c.id === selected) ?? lane.curves[0];
  const width = stages.length * stageWidth;
  const y = (v: number) => pad + ((scale.max - v) / (scale.max - scale.min)) * (height - 2 * pad);
  const valueAt = (py: number) => {
    const v = scale.max - ((py - pad) / (height - 2 * pad)) * (scale.max - scale.min);
    return Math.round(Math.min(scale.max, Math.max(scale.min, v)) * 10) / 10;
  };
  const x = (i: number) => (rtl ? width - i * stageWidth - stageWidth / 2 : i * stageWidth + stageWidth / 2);
  const setPoint = (curveId: string, stageId: string, value: number | null) =>
    dispatch({ type: 'setCurvePoint', laneId: lane.id, curveId, stageId, value });
  const step = (scale.max - scale.min) / 8;

  if (stages.length === 0) return <div className="map-cell muted">{t('journeyMap.emotion.noStages')}</div>;
  const svgY = (e: React.PointerEvent<SVGElement>) => {
    const box = (e.currentTarget.ownerSVGElement ?? (e.currentTarget as SVGSVGElement)).getBoundingClientRect();
    return ((e.clientY - box.top) / box.height) * height;
  };
  // Whole values on the axis: all five of the bipolar scale, every third of the ten-point scale.
  const tickStep = scale.max - scale.min > 5 ? 3 : 1;
  const ticks: number[] = [];
  for (let v = scale.max; v >= scale.min; v -= tickStep) ticks.push(v);
  if (ticks[ticks.length - 1] !== scale.min) ticks.push(scale.min);

  return (
    <div className="emotion-lane" style={{ gridColumn: `span ${stages.length}` }} data-lane={lane.id}>
      <div className="emotion-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('journeyMap.emotion.chart', { lane: lane.name })}
        onPointerDown={(e) => {
          // A click on empty chart space sets the selected curve's point for that stage.
          if (!curve || e.target !== e.currentTarget) return;
          const box = e.currentTarget.getBoundingClientRect();
          const across = (e.clientX - box.left) / box.width;
          const stage = stages[Math.floor((rtl ? 1 - across : across) * stages.length)];
          if (stage) setPoint(curve.id, stage.id, valueAt(((e.clientY - box.top) / box.height) * height));
        }}>
        {ticks.map((v) => <line key={v} x1={0} x2={width} y1={y(v)} y2={y(v)} className={v === 0 ? 'zero-line' : 'tick-line'} />)}
        {stages.map((s, i) => <line key={s.id} x1={x(i)} x2={x(i)} y1={pad} y2={height - pad} className="grid-line" />)}
        {lane.curves.map((c) => {
          const pts = stages.map((s, i) => {
            const v = drag && drag.curveId === c.id && drag.stageId === s.id ? drag.value : c.points[s.id];
            return v === undefined ? null : { i, v, stageId: s.id };
          });
          // Missing values break the line rather than drawing through a made-up zero.
          const segments: string[] = [];
          let current = '';
          for (const p of pts) {
            if (!p) { if (current) segments.push(current); current = ''; continue; }
            current += `${current ? 'L' : 'M'}${x(p.i)},${y(p.v)}`;
          }
          if (current) segments.push(current);
          const dashed = c.variant === 'to-be';
          return (
            <g key={c.id} className={`curve${c.id === curve?.id ? ' selected' : ''}`}>
              {segments.map((d, k) => <path key={k} d={d} stroke={c.colour} fill="none" strokeWidth={2.5} strokeDasharray={dashed ? '6 4' : undefined} />)}
            </g>
          );
        })}
        {curveMarkers(lane.curves, stages, drag, x, y).map((m) => {
          const c = m.curve;
          return (
            <circle key={`${c.id}-${m.stageId}`} cx={m.cx} cy={m.cy} r={7} fill={c.colour} className={`curve-marker${c.id === curve?.id ? ' selected' : ''}`} tabIndex={0}
              role="slider" aria-label={t('journeyMap.emotion.marker', { curve: c.label, stage: m.stageName })}
              aria-valuetext={t('journeyMap.emotion.markerValue', { value: f.number(m.value), variant: c.variant === 'as-is' ? 'asIs' : 'toBe' })} aria-valuemin={scale.min} aria-valuemax={scale.max} aria-valuenow={m.value}
              data-curve={c.id} data-stage={m.stageId}
              onFocus={() => setSelected(c.id)}
              onPointerDown={(e) => { e.stopPropagation(); e.preventDefault(); e.currentTarget.setPointerCapture(e.pointerId); setSelected(c.id); setDrag({ curveId: c.id, stageId: m.stageId, value: m.value }); }}
              onPointerMove={(e) => { if (drag && drag.curveId === c.id && drag.stageId === m.stageId) setDrag({ ...drag, value: valueAt(svgY(e)) }); }}
              onPointerUp={() => { if (drag) setPoint(drag.curveId, drag.stageId, drag.value); setDrag(null); }}
              onPointerCancel={() => setDrag(null)}
              onKeyDown={(e) => {
                const delta = e.key === 'ArrowUp' ? step : e.key === 'ArrowDown' ? -step : 0;
                if (delta) { e.preventDefault(); setPoint(c.id, m.stageId, Math.round(Math.min(scale.max, Math.max(scale.min, m.value + delta)) * 10) / 10); }
                if (e.key === 'Delete' || e.key === 'Backspace') setPoint(c.id, m.stageId, null);
              }} />
          );
        })}
      </svg>
      {/* The axis sticks beside the lane names, so the values stay in view when the map scrolls sideways. */}
      <svg className="emotion-axis" width={axisW} height={height} aria-label={t('journeyMap.emotion.scale', { lane: lane.name })} role="img">
        {ticks.map((v) => (
          <text key={v} x={rtl ? 6 : axisW - 6} y={y(v) + 4} textAnchor={rtl ? 'start' : 'end'} direction="ltr" className="axis-label">{v > 0 && scale.min < 0 ? `+${f.number(v)}` : v < 0 ? `−${f.number(-v)}` : f.number(v)}</text>
        ))}
      </svg>
      </div>
      <CurveKey curves={lane.curves} personas={personas} />
      {curve && <CurveValues curve={curve} stages={stages} scale={scale} laneId={lane.id} dispatch={dispatch} />}
      <CurveLegend lane={lane} personas={personas} selectedId={curve?.id ?? null} onSelect={setSelected} dispatch={dispatch} />
    </div>
  );
});

/**
 * The selected curve's values, typed. A separate memoised component so that dragging a marker
 * re-renders only the chart, not thirty inputs.
 */
const CurveValues = memo(function CurveValues({ curve, stages, scale, laneId, dispatch }: {
  curve: Curve; stages: Stage[]; scale: { min: number; max: number }; laneId: string; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  return (
    <div className="curve-values" style={{ gridTemplateColumns: `repeat(${stages.length}, ${stageWidth}px)` }}>
      {stages.map((s) => (
        <input key={`${curve.id}-${s.id}-${curve.points[s.id] ?? ''}`} type="number" step="0.5" min={scale.min} max={scale.max}
          aria-label={t('journeyMap.emotion.valueAt', { curve: curve.label, stage: s.name })} defaultValue={curve.points[s.id] ?? ''}
          onBlur={(e) => {
            const t = e.target.value.trim();
            const v = t === '' ? null : Number(t);
            if (v !== (curve.points[s.id] ?? null) && (v === null || Number.isFinite(v))) {
              dispatch({ type: 'setCurvePoint', laneId, curveId: curve.id, stageId: s.id, value: v });
            }
          }}
          onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
      ))}
    </div>
  );
});
