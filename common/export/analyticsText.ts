/**
 * The analytics report's words and figures in one language: percentages, counts, NPS, days and rule
 * descriptions formatted for the export's locale (Intl), so the PDF and the workbook read the same
 * figure the same way in German ("83,3 %") as in English ("83.3%").
 */
import type { Bucket } from '../analytics/fraction';
import { liveMetricRow, type LiveTargets } from '../analytics/liveFigures';
import type { Rule } from '../analytics/rules';
import { englishText, type ExportText } from '../i18n/exportText';

const oneDecimal = new Map<string, Intl.NumberFormat>();
const signed = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = map.get(locale);
  if (!f) map.set(locale, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** Formatting of the analytics report for one language. */
export interface AnalyticsWords {
  text: ExportText;
  /** A percentage given 0–100, one decimal always ("83.3%", "100.0%"); "—" for none. */
  pct(value: number | null): string;
  /** A count with the locale's grouping ("1,020", "1.020"). */
  num(value: number): string;
  /** A mean with at most one decimal ("4.2", "4"); "—" for none. */
  metric(value: number | null): string;
  /** NPS with the screen's rounding: one decimal, signed ("+33.3", "0"); "—" for none. */
  nps(value: number | null): string;
  /** A `YYYY-MM-DD` day as the locale writes a date ("Nov 2, 2026", "02.11.2026"). */
  day(day: string): string;
  /** The chosen date range, open ends named. */
  range(range: { from: string | null; to: string | null }): string;
  /** A match bucket's word. */
  bucket(bucket: Bucket): string;
  /** A mapping rule in words (its own label when it has one), without its weight. */
  rule(rule: Rule): string;
  /** A metric's target in its figure's unit ("85%", "2.5"); undefined when none is set. */
  target(targets: LiveTargets, key: string): string | undefined;
  /** A share given 0–1 as a percentage with one decimal; "—" for none. */
  rate(value: number | null): string;
  /** A duration in the largest unit under which it stays above one ("45s", "12m", "2.5h", "3.2d"); "—" for none. */
  duration(ms: number | null): string;
}

const units = new Map<string, Intl.NumberFormat>();
function unit(locale: string, name: 'second' | 'minute' | 'hour' | 'day', digits: number): Intl.NumberFormat {
  const key = `${locale}|${name}|${digits}`;
  let f = units.get(key);
  if (!f) units.set(key, (f = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow', maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f;
}

const made = new Map<string, AnalyticsWords>();

/** The report's formatting for `text`'s language (English by default). */
export function analyticsWords(text: ExportText = englishText): AnalyticsWords {
  const hit = made.get(text.locale);
  if (hit) return hit;
  const l = text.locale;
  const percent = cached(oneDecimal, l, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const npsFormat = cached(signed, l, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  const day = (d: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    // A local midnight, formatted in the local zone: the calendar day stays the day written.
    return m ? text.fmt.date(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : d;
  };
  const words: AnalyticsWords = {
    rate: () => '',
    duration: () => '',
    text,
    pct: (v) => (v === null || Number.isNaN(v) ? '—' : percent.format(v / 100)),
    num: (v) => text.fmt.integer(v),
    metric: (v) => (v === null || Number.isNaN(v) ? '—' : text.fmt.number(Math.round(v * 10) / 10, 1)),
    nps: (v) => {
      if (v === null || Number.isNaN(v)) return '—';
      const r = Math.round(v * 10) / 10;
      return npsFormat.format(Object.is(r, -0) ? 0 : r);
    },
    day,
    range: (r) => (!r.from && !r.to ? text.t('report.analytics.range.all') : text.t('report.analytics.range.span', {
      from: r.from ? day(r.from) : text.t('report.analytics.range.first'),
      to: r.to ? day(r.to) : text.t('report.analytics.range.last'),
    })),
    bucket: (b) => text.t('report.analytics.bucket', { bucket: b }),
    rule: (rule) => {
      if (rule.label) return rule.label;
      if (rule.kind === 'range') {
        const n = (v: number) => text.fmt.number(v, 6);
        if (rule.min !== undefined && rule.max !== undefined) return `${rule.column} ${n(rule.min)}–${n(rule.max)}`;
        return rule.min !== undefined ? `${rule.column} ≥ ${n(rule.min)}` : `${rule.column} ≤ ${rule.max === undefined ? '' : n(rule.max)}`;
      }
      const key = rule.kind === 'oneOf' ? 'report.analytics.rule.oneOf' : 'report.analytics.rule.overlap';
      return text.t(key, { column: rule.column, values: rule.values.join(', ') });
    },
    target: (targets, key) => {
      const row = liveMetricRow(key);
      const t = row?.target(targets);
      if (!row || t === undefined) return undefined;
      return row.unit === '%' ? text.fmt.percent(t / 100, 2) : text.fmt.number(t, 2);
    },
  };
  words.rate = (r) => (r === null || Number.isNaN(r) ? '—' : words.pct(r * 100));
  // The same steps as the screen's formatDuration (journeyAnalytics/report.ts), in the locale's units.
  words.duration = (ms) => {
    if (ms === null || Number.isNaN(ms)) return '—';
    const sec = ms / 1000;
    if (sec < 60) return unit(l, 'second', 0).format(Math.round(sec));
    if (sec < 3600) return unit(l, 'minute', 0).format(Math.round(sec / 60));
    if (sec < 86400) return unit(l, 'hour', 1).format(sec / 3600);
    return unit(l, 'day', 1).format(sec / 86400);
  };
  made.set(text.locale, words);
  return words;
}
