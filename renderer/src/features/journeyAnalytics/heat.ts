/**
 * The map's heat overlay as data: per stage a value of the chosen measure, its share of the largest
 * (0–1, for the colour), the label printed in the cell and the exact numbers shown on hover.
 */
import { formatDuration, formatRate } from '../../../../common/journeyAnalytics/report';
import type { JourneyFigures, StageFigures } from '../../../../common/journeyAnalytics';

/** What the heat overlay shows. */
export type HeatMeasure = 'reach' | 'dropOff' | 'time';

/** Measures offered, with their legend text. */
export const heatMeasures: { key: HeatMeasure; label: string; legend: string }[] = [
  { key: 'reach', label: 'Reach', legend: 'customers who reached the stage in order (darker = more)' },
  { key: 'dropOff', label: 'Drop-off', legend: 'share of those reaching the stage who went no further (darker = more lost)' },
  { key: 'time', label: 'Time in stage', legend: 'median time from entering the stage to its last event (darker = longer)' },
];

/** One stage's heat cell. */
export interface HeatCell { value: number | null; intensity: number; label: string; detail: string }

function valueOf(s: StageFigures, m: HeatMeasure): number | null {
  if (m === 'reach') return s.reachStrict;
  if (m === 'dropOff') return s.dropOffRate;
  return s.timeInStage.median;
}

/** Exact figures of a stage, one per line, for the hover text. */
export function stageDetail(s: StageFigures): string {
  return [
    `${s.name}`,
    `Reached in order: ${s.reachStrict.toLocaleString('en')} (any order: ${s.reachAny.toLocaleString('en')})`,
    `Conversion from previous: ${formatRate(s.conversionStrict)}`,
    `Drop-off: ${s.dropOff.toLocaleString('en')} (${formatRate(s.dropOffRate)})`,
    `Time in stage: median ${formatDuration(s.timeInStage.median)}, p90 ${formatDuration(s.timeInStage.p90)} (${s.timeInStage.count.toLocaleString('en')} customers)`,
    ...(s.timeToNext ? [`To next stage: median ${formatDuration(s.timeToNext.median)}, p90 ${formatDuration(s.timeToNext.p90)}`] : []),
    `In this stage now: ${s.current.toLocaleString('en')}`,
  ].join('\n');
}

/** Heat cells of every stage for a measure; intensity is relative to the largest value. */
export function heatCells(f: JourneyFigures, m: HeatMeasure): HeatCell[] {
  const values = f.stages.map((s) => valueOf(s, m));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return f.stages.map((s, i) => {
    const value = values[i]!;
    const label = value === null ? '–' : m === 'reach' ? value.toLocaleString('en') : m === 'dropOff' ? formatRate(value) : formatDuration(value);
    return { value, intensity: value === null || max === 0 ? 0 : value / max, label, detail: stageDetail(s) };
  });
}

/** Background colour of a heat cell: white to a deep red-orange by intensity. */
export function heatColour(intensity: number): string {
  const t = Math.max(0, Math.min(1, intensity));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 204)}, ${mix(247, 76)}, ${mix(236, 2)})`;
}
