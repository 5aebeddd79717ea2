import type { jsPDF } from 'jspdf';
import type { ExpectedMetrics } from '../persona/document';
import type { LiveMetrics } from '../analytics/metrics';
import { liveMetricRow, liveMetricRows } from '../analytics/liveFigures';
import { analyticsWords } from './analyticsText';
import { drawLabel, setFont, textWidth, type Box } from './pdfText';
import { fillRounded, tint } from './pdfShapes';
import { englishText, type ExportText } from '../i18n/exportText';

/**
 * A persona's live metrics as its canvas block shows them (all snapshot days merged, see
 * `mergedLiveMetrics`) and its targets.
 */
export interface LiveMetricsInput {
  live: LiveMetrics | null;
  /** Last snapshot day the figures include, `YYYY-MM-DD`. */
  day: string | null;
  /** First snapshot day the figures include; absent when they are one day's. */
  firstDay?: string | null;
  targets: ExpectedMetrics;
}

/** The value of one live metric in its row's unit (CSAT % for `satisfaction`), `null` when there is no data. */
export function liveValue(live: LiveMetrics | null, key: string): number | null {
  const row = liveMetricRow(key);
  return live && row ? row.value(live) : null;
}

/**
 * The days the figures span, as the canvas block words them: `first to last`, or the one day; with
 * `localDates` each day as the language writes a date (the PDF), otherwise `YYYY-MM-DD` (the workbook).
 */
export function liveDays(input: LiveMetricsInput, text: ExportText = englishText, localDates = false): string | null {
  if (!input.day) return null;
  const day = (d: string) => (localDates ? analyticsWords(text).day(d) : d);
  return input.firstDay && input.firstDay !== input.day ? text.t('report.metric.days', { first: day(input.firstDay), last: day(input.day) }) : day(input.day);
}

const oneDecimal = new Map<string, Intl.NumberFormat>();
/** A live figure in the language's digits: shares as whole percentages, scores with one decimal (as formatLiveValue). */
export function liveValueText(value: number | null | undefined, unit: '%' | '' | undefined, text: ExportText): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === '%') return text.fmt.percent(Math.round(value) / 100, 0);
  let f = oneDecimal.get(text.locale);
  if (!f) oneDecimal.set(text.locale, (f = new Intl.NumberFormat(text.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(value);
}

/**
 * Metric cards (value and target) under the line the canvas block opens with: how many matched
 * responses and the days they span, all in `text`'s language; right to left, the cards run from the
 * right edge and their words hang from it.
 */
export function drawLiveMetrics(doc: jsPDF, s: number, accent: string, input: LiveMetricsInput, show: string[], box: Box, text: ExportText = englishText): void {
  const { t, rtl } = text;
  const keys = show.length > 0 ? show : liveMetricRows.map((r) => r.key);
  const gap = 8 * s;
  const w = (box.w - gap * (keys.length - 1)) / Math.max(1, keys.length);
  const days = liveDays(input, text, true);
  const words = analyticsWords(text);
  // The canvas block's own line: "5 matched responses, Oct 31, 2026 to Nov 1, 2026".
  const caption = !input.live ? t('report.metric.noData') : input.day
    ? t('report.metric.matchedDays', { count: input.live.responses, first: words.day(input.firstDay ?? input.day), last: words.day(input.day) })
    : t('report.metric.responses', { count: input.live.responses });
  const captionH = box.h >= 78 * s ? 14 * s : 0;
  const align = rtl ? 'right' as const : 'left' as const;
  if (captionH > 0) {
    setFont(doc, 8 * s, false, '#6b7280');
    drawLabel(doc, caption, rtl ? box.x + box.w : box.x, box.y + 9 * s, box.w, align);
  }
  const h = Math.min(box.h - captionH, 64 * s);
  keys.forEach((key, i) => {
    const x = rtl ? box.x + box.w - (i + 1) * w - i * gap : box.x + i * (w + gap);
    const card = { x, y: box.y + captionH, w, h };
    fillRounded(doc, card, 6 * s, tint(accent, 0.9));
    const row = liveMetricRow(key);
    const target = words.target(input.targets, key);
    const tx = rtl ? card.x + w - 6 * s : card.x + 6 * s;
    fitted(doc, row ? t('report.metric.label', { key }) : key, 9 * s, '#4b5563', tx, card.y + 14 * s, w - 12 * s, align);
    setFont(doc, 20 * s, true, '#111827');
    drawLabel(doc, liveValueText(liveValue(input.live, key), row?.unit, text), tx, card.y + 38 * s, w - 12 * s, align);
    const sub = target !== undefined ? t('report.metric.targetShort', { target }) : captionH > 0 ? '' : (days ?? t('report.metric.noData'));
    if (sub) fitted(doc, sub, 8 * s, '#6b7280', tx, card.y + 54 * s, w - 12 * s, align);
  });
}

// A longer label ("Loyalität (NPS)", two dates) is set smaller, down to three fifths, before it would be cut.
function fitted(doc: jsPDF, label: string, size: number, color: string, x: number, baseline: number, width: number, align: 'left' | 'right'): void {
  setFont(doc, size, false, color);
  const natural = textWidth(doc, label);
  if (natural > width) setFont(doc, Math.max(size * 0.6, (size * width) / natural), false, color);
  drawLabel(doc, label, x, baseline, width, align);
}
