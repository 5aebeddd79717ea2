import type { jsPDF } from 'jspdf';
import type { ExpectedMetrics } from '../persona/document';
import type { LiveMetrics } from '../analytics/metrics';
import { formatLiveValue, liveMetricRow, liveMetricRows, liveTarget } from '../analytics/liveFigures';
import { drawLabel, setFont, type Box } from './pdfText';
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

/** The days the figures span, as the canvas block words them: `first to last`, or the one day. */
export function liveDays(input: LiveMetricsInput, text: ExportText = englishText): string | null {
  if (!input.day) return null;
  return input.firstDay && input.firstDay !== input.day ? text.t('report.metric.days', { first: input.firstDay, last: input.day }) : input.day;
}

/**
 * Metric cards (value and target) under the line the canvas block opens with: how many matched
 * responses and the days they span.
 */
export function drawLiveMetrics(doc: jsPDF, s: number, accent: string, input: LiveMetricsInput, show: string[], box: Box): void {
  const keys = show.length > 0 ? show : liveMetricRows.map((r) => r.key);
  const gap = 8 * s;
  const w = (box.w - gap * (keys.length - 1)) / Math.max(1, keys.length);
  const days = liveDays(input);
  const caption = input.live ? `${input.live.responses} matched responses${days ? `, ${days}` : ''}` : 'No data yet';
  const captionH = box.h >= 78 * s ? 14 * s : 0;
  if (captionH > 0) {
    setFont(doc, 8 * s, false, '#6b7280');
    drawLabel(doc, caption, box.x, box.y + 9 * s, box.w);
  }
  const h = Math.min(box.h - captionH, 64 * s);
  keys.forEach((key, i) => {
    const card = { x: box.x + i * (w + gap), y: box.y + captionH, w, h };
    fillRounded(doc, card, 6 * s, tint(accent, 0.9));
    const row = liveMetricRow(key);
    const target = liveTarget(input.targets, key);
    setFont(doc, 9 * s, false, '#4b5563');
    drawLabel(doc, row?.label ?? key, card.x + 6 * s, card.y + 14 * s, w - 12 * s);
    setFont(doc, 20 * s, true, '#111827');
    drawLabel(doc, formatLiveValue(liveValue(input.live, key), row?.unit), card.x + 6 * s, card.y + 38 * s, w - 12 * s);
    setFont(doc, 8 * s, false, '#6b7280');
    const sub = target !== undefined ? `target ${target}` : captionH > 0 ? '' : (days ?? 'no data yet');
    if (sub) drawLabel(doc, sub, card.x + 6 * s, card.y + 54 * s, w - 12 * s);
  });
}
