/**
 * The labels of the time-distribution buckets (journeyAnalytics `durationBuckets`) in an export's
 * language: Intl's short units and ranges ("1–5 Min.", "1～5 分"), so a German or Japanese workbook
 * does not head its columns "1–5 min". English keeps the labels the screen and older reports use.
 */
import { durationBucketLabels } from './types';
import type { ExportText } from '../i18n/exportText';

type Unit = 'minute' | 'hour' | 'day';
// The same bounds as durationBuckets, as numbers in a unit a reader uses.
const spans: readonly ({ below: number; unit: Unit } | { from: number; to: number; unit: Unit } | { atLeast: number; unit: Unit })[] = [
  { below: 1, unit: 'minute' }, { from: 1, to: 5, unit: 'minute' }, { from: 5, to: 15, unit: 'minute' }, { from: 15, to: 60, unit: 'minute' },
  { from: 1, to: 6, unit: 'hour' }, { from: 6, to: 24, unit: 'hour' }, { from: 1, to: 3, unit: 'day' }, { from: 3, to: 7, unit: 'day' },
  { from: 7, to: 30, unit: 'day' }, { atLeast: 30, unit: 'day' },
];

/** The ten bucket labels in `text`'s language. */
export function durationBucketWords(text: ExportText): string[] {
  if (text.locale === 'en') return [...durationBucketLabels];
  const f = (unit: Unit) => new Intl.NumberFormat(text.locale, { style: 'unit', unit, unitDisplay: 'short' });
  return spans.map((s) => ('below' in s ? `< ${f(s.unit).format(s.below)}` : 'atLeast' in s ? `≥ ${f(s.unit).format(s.atLeast)}` : f(s.unit).formatRange(s.from, s.to)));
}
