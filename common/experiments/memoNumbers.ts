/**
 * How the memo writes its figures in the export's language: effects in points or hours with a
 * sign, rates as percentages with two decimals, p-values to four places (scientific below 1e-4).
 * Intl does the digits and separators, so German reads "12,34 %" and English "12.34%".
 */
import type { ExportText } from '../i18n/exportText';
import type { Experiment } from './model';

const cache = new Map<string, Intl.NumberFormat>();
function format(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(`${locale}|${key}`);
  if (!f) cache.set(`${locale}|${key}`, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** `x` with exactly `digits` decimals. */
export function fixed(text: ExportText, x: number, digits: number, sign = false): string {
  return format(text.locale, `f${digits}${sign}`, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: sign ? 'exceptZero' : 'auto' }).format(x);
}

/** A fraction (0.1234) as a percentage with `digits` decimals ("12.34%"). */
export function percent(text: ExportText, x: number, digits = 2): string {
  return format(text.locale, `p${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A p-value as shown: four decimals, or scientific below 0.0001. */
export function pValue(text: ExportText, p: number): string {
  return p < 1e-4 ? format(text.locale, 'sci', { notation: 'scientific', maximumFractionDigits: 1 }).format(p) : fixed(text, p, 4);
}

/** A difference in the metric's units, signed: points for conversion, hours for time to convert. */
export function effect(text: ExportText, e: Experiment, x: number, sign = true): string {
  if (e.primaryMetric.kind === 'conversion') return text.t('report.memo.points', { value: fixed(text, 100 * x, 2, sign) });
  const value = fixed(text, x, e.primaryMetric.kind === 'timeToConvert' ? 1 : 2, sign);
  return e.primaryMetric.kind === 'timeToConvert' ? text.t('report.memo.hours', { value }) : value;
}
