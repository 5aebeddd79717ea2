/** Display formatting for analytics: rounding happens here only, never in the engine's comparisons. */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';

const dash = '–';
const missing = (value: number | null | undefined): value is null | undefined => value === null || value === undefined || Number.isNaN(value);

/** Analytics figures written the way a locale writes numbers (Intl), each rounded as the PDF rounds it. */
export interface AnalyticsFormat {
  /** A percentage value (42.5, not 0.425) with `decimals` decimals (default 1), or an en dash. */
  pct(value: number | null | undefined, decimals?: number): string;
  /** A mean with up to two decimals, or an en dash. */
  mean(value: number | null | undefined): string;
  /** A signed NPS with one decimal (as the PDF prints it), or an en dash. */
  nps(value: number | null | undefined): string;
  /** A count with grouping. */
  count(value: number): string;
  /** A figure with a fixed number of decimals. */
  fixed(value: number, decimals: number): string;
  /** A date with the time of day, medium date. */
  dateTime(value: number): string;
}

/** The analytics formatters of a locale (en-US keeps the figures the app always showed: "42.0%", "+12.5"). */
export function analyticsFormat(locale: string): AnalyticsFormat {
  const percents = new Map<number, Intl.NumberFormat>();
  const fixeds = new Map<number, Intl.NumberFormat>();
  const percent = (d: number) => percents.get(d) ?? percents.set(d, new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d })).get(d)!;
  const fixed = (d: number) => fixeds.get(d) ?? fixeds.set(d, new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })).get(d)!;
  const mean = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const nps = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    pct: (value, decimals = 1) => (missing(value) ? dash : percent(Math.min(6, Math.max(0, decimals))).format(value / 100)),
    mean: (value) => (missing(value) ? dash : mean.format(Math.round(value * 100) / 100)),
    nps: (value) => (missing(value) ? dash : nps.format(Math.round(value * 10) / 10 || 0)),
    count: (value) => count.format(value),
    fixed: (value, decimals) => fixed(Math.min(6, Math.max(0, decimals))).format(value),
    dateTime: (value) => dateTime.format(value),
  };
}

/** `analyticsFormat` for the language on screen (re-made only when it changes). */
export function useAnalyticsFormat(): AnalyticsFormat {
  const { locale } = useIntl();
  return useMemo(() => analyticsFormat(locale), [locale]);
}

/** Bucket colours shared by the pie, the bars and the table badges. */
export const bucketColors = { strong: '#2e7d32', moderate: '#f9a825', weak: '#b0bec5' } as const;

/** A cell value of an explanation as text (`missing` is the word for no value, in the screen's language). */
export function cellText(value: string | number | string[] | null, column: string, missingWord: string): string {
  if (value === null) return missingWord;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && /date|submitted/i.test(column)) return new Date(value).toISOString().slice(0, 16).replace('T', ' ');
  return String(value);
}
