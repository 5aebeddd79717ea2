/**
 * The funnel strip and heat row of the journey poster (issue 14 item 6), printed under the stage
 * headers when the journey has an event log chosen: per stage the customers who reached it in order
 * as a bar with the share of the previous stage, and the drop-off rate as heat (white to deep orange,
 * relative to the worst stage), the same figures and colours as the map on screen.
 */
import type { jsPDF } from 'jspdf';
import type { JourneyFigures } from '../journeyAnalytics/types';
import { formatRate } from '../journeyAnalytics/report';
import { drawLabel, drawText, setFont } from './pdfText';
import { fillRounded } from './pdfShapes';

/** What the poster prints of a journey's figures: small, plain data. */
export interface PosterAnalytics {
  logName: string;
  customers: number;
  completionRate: number | null;
  stages: { reach: number; ofPrevious: string; dropOffRate: number | null }[];
}

/** The poster rows of a journey's figures. */
export function posterAnalyticsOf(f: JourneyFigures, logName: string): PosterAnalytics {
  return {
    logName, customers: f.customers, completionRate: f.completionRate,
    stages: f.stages.map((s, i) => ({ reach: s.reachStrict, ofPrevious: i === 0 ? 'started' : `${formatRate(s.conversionStrict)} of previous`, dropOffRate: s.dropOffRate })),
  };
}

/** Height of one analytics row at text size `f`. */
export const posterRowHeight = (f: number): number => f * 3.4;

/** White to a deep red-orange by intensity 0–1 (the map's heat colour). */
export function heatRgb(intensity: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, intensity));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return [mix(255, 204), mix(247, 76), mix(236, 2)];
}

/** Draws the two rows from `y`; returns the height used. */
export function drawPosterAnalytics(doc: jsPDF, a: PosterAnalytics, g: { x0: number; labelW: number; colW: number; f: number; gap: number }, y: number): number {
  const { x0, labelW, colW, f, gap } = g;
  const h = posterRowHeight(f);
  const start = a.stages[0]?.reach ?? 0;
  const worst = Math.max(0, ...a.stages.map((s) => s.dropOffRate ?? 0));
  // The label column can be narrow (it fits the lane names): title and note wrap rather than being cut.
  const label = (title: string, note: string, top: number) => {
    fillRounded(doc, { x: x0 - labelW, y: top, w: labelW - gap, h }, 4, '#eef2f7');
    const box = { x: x0 - labelW + f * 0.6, w: labelW - gap - f * 1.2 };
    const used = drawText(doc, title, { ...box, y: top + f * 0.3, h: h / 2 }, { size: f * 0.9, bold: true, color: '#374151', maxLines: 2 });
    drawText(doc, note, { ...box, y: top + f * 0.3 + used, h: h - used - f * 0.3 }, { size: f * 0.7, color: '#6b7280', maxLines: 3 });
  };
  label('Funnel', a.logName, y);
  a.stages.forEach((s, i) => {
    const box = { x: x0 + i * colW + gap / 2, y, w: colW - gap, h };
    fillRounded(doc, box, 3, '#f3f6fa');
    const share = start > 0 ? s.reach / start : 0;
    if (share > 0) fillRounded(doc, { x: box.x, y: box.y + f * 0.4, w: Math.max(2, box.w * share), h: box.h - f * 0.8 }, 2, '#dbe7f5');
    setFont(doc, f * 1.2, true, '#111827');
    drawLabel(doc, s.reach.toLocaleString('en-US'), box.x + f * 0.6, box.y + f * 1.5, box.w - f);
    setFont(doc, f * 0.8, false, '#4b5563');
    drawLabel(doc, s.ofPrevious, box.x + f * 0.6, box.y + f * 2.7, box.w - f);
  });
  const y2 = y + h + gap;
  label('Drop-off', 'heat: darker = more of those reaching the stage lost', y2);
  a.stages.forEach((s, i) => {
    const box = { x: x0 + i * colW + gap / 2, y: y2, w: colW - gap, h };
    const t = s.dropOffRate === null || worst === 0 ? 0 : s.dropOffRate / worst;
    const [r, gr, b] = heatRgb(t);
    doc.setFillColor(r, gr, b);
    doc.roundedRect(box.x, box.y, box.w, box.h, 3, 3, 'F');
    setFont(doc, f * 1.1, true, t > 0.6 ? '#ffffff' : '#111827');
    drawLabel(doc, formatRate(s.dropOffRate), box.x + box.w / 2, box.y + f * 2, box.w - f, 'center');
  });
  return 2 * h + 2 * gap;
}
