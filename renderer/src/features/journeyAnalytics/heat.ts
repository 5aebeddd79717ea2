/**
 * The map's heat overlay as data: per stage a value of the chosen measure, its share of the largest
 * (0–1, for the colour), the label printed in the cell and the exact numbers shown on hover.
 */
import type { JourneyFigures, StageFigures } from '../../../../common/journeyAnalytics';
import type { MessageId } from '../../i18n';
import type { JourneyFormat } from './journeyFormat';

/** What the heat overlay shows. */
export type HeatMeasure = 'reach' | 'dropOff' | 'time';

/** Measures offered, with the keys of their name and legend. */
export const heatMeasures: { key: HeatMeasure; label: MessageId; legend: MessageId }[] = [
  { key: 'reach', label: 'journeyAnalytics.heat.reach', legend: 'journeyAnalytics.heat.reachLegend' },
  { key: 'dropOff', label: 'journeyAnalytics.heat.dropOff', legend: 'journeyAnalytics.heat.dropOffLegend' },
  { key: 'time', label: 'journeyAnalytics.heat.time', legend: 'journeyAnalytics.heat.timeLegend' },
];

/** One stage's heat cell. */
export interface HeatCell { value: number | null; intensity: number; label: string; detail: string }

function valueOf(s: StageFigures, m: HeatMeasure): number | null {
  if (m === 'reach') return s.reachStrict;
  if (m === 'dropOff') return s.dropOffRate;
  return s.timeInStage.median;
}

/** Exact figures of a stage, one per line, for the hover text. */
export function stageDetail(s: StageFigures, f: JourneyFormat): string {
  const { t } = f;
  return [
    s.name,
    t('journeyAnalytics.detail.reached', { strict: f.count(s.reachStrict), any: f.count(s.reachAny) }),
    t('journeyAnalytics.detail.conversion', { rate: f.rate(s.conversionStrict) }),
    t('journeyAnalytics.detail.dropOff', { count: f.count(s.dropOff), rate: f.rate(s.dropOffRate) }),
    t('journeyAnalytics.detail.timeInStage', {
      median: f.duration(s.timeInStage.median), p90: f.duration(s.timeInStage.p90), customers: s.timeInStage.count,
    }),
    ...(s.timeToNext ? [t('journeyAnalytics.detail.toNext', { median: f.duration(s.timeToNext.median), p90: f.duration(s.timeToNext.p90) })] : []),
    t('journeyAnalytics.detail.current', { count: f.count(s.current) }),
  ].join('\n');
}

/** Heat cells of every stage for a measure; intensity is relative to the largest value. */
export function heatCells(figures: JourneyFigures, m: HeatMeasure, f: JourneyFormat): HeatCell[] {
  const values = figures.stages.map((s) => valueOf(s, m));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return figures.stages.map((s, i) => {
    const value = values[i]!;
    const label = value === null ? f.rate(null) : m === 'reach' ? f.count(value) : m === 'dropOff' ? f.rate(value) : f.duration(value);
    return { value, intensity: value === null || max === 0 ? 0 : value / max, label, detail: stageDetail(s, f) };
  });
}

/** Background colour of a heat cell: white to a deep red-orange by intensity. */
export function heatColour(intensity: number): string {
  const t = Math.max(0, Math.min(1, intensity));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 204)}, ${mix(247, 76)}, ${mix(236, 2)})`;
}
