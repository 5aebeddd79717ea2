import type { jsPDF } from 'jspdf';
import type { ExpectedMetrics } from '../persona/document';
import type { LiveMetrics } from '../analytics/metrics';
import { drawLabel, setFont, type Box } from './pdfText';
import { fillRounded, tint } from './pdfShapes';

/** The latest live metrics of a persona (from its newest snapshot) and its targets. */
export interface LiveMetricsInput {
  live: LiveMetrics | null;
  /** Day of the snapshot the figures come from, `YYYY-MM-DD`. */
  day: string | null;
  targets: ExpectedMetrics;
}

const names: Record<string, string> = { satisfaction: 'Satisfaction', loyalty: 'Loyalty (NPS)', trust: 'Trust', effort: 'Effort' };

/** The value of one live metric, `null` when there is no data. */
export function liveValue(live: LiveMetrics | null, key: string): number | null {
  if (!live) return null;
  if (key === 'loyalty') return live.nps;
  const v = (live as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
}

/** Metric cards: value, target and the day the figures are from. */
export function drawLiveMetrics(doc: jsPDF, s: number, accent: string, input: LiveMetricsInput, show: string[], box: Box): void {
  const keys = show.length > 0 ? show : Object.keys(names);
  const gap = 8 * s;
  const w = (box.w - gap * (keys.length - 1)) / Math.max(1, keys.length);
  const h = Math.min(box.h, 64 * s);
  keys.forEach((key, i) => {
    const card = { x: box.x + i * (w + gap), y: box.y, w, h };
    fillRounded(doc, card, 6 * s, tint(accent, 0.9));
    const v = liveValue(input.live, key);
    const target = input.targets[key as keyof ExpectedMetrics];
    setFont(doc, 9 * s, false, '#4b5563');
    drawLabel(doc, names[key] ?? key, card.x + 6 * s, card.y + 14 * s, w - 12 * s);
    setFont(doc, 20 * s, true, '#111827');
    drawLabel(doc, v === null ? '—' : `${Math.round(v)}${key === 'loyalty' ? '' : '%'}`, card.x + 6 * s, card.y + 38 * s, w - 12 * s);
    setFont(doc, 8 * s, false, '#6b7280');
    const sub = target !== undefined ? `target ${target}` : (input.day ?? 'no data yet');
    drawLabel(doc, sub, card.x + 6 * s, card.y + 54 * s, w - 12 * s);
  });
}
