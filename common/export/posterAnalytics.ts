/**
 * The funnel strip and heat row of the journey poster (issue 14 item 6), printed under the stage
 * headers when the journey has an event log chosen: per stage the customers who reached it in order
 * as a bar with the share of the previous stage, and the drop-off rate as heat (white to deep orange,
 * relative to the worst stage), the same figures and colours as the map on screen.
 *
 * No text is ever cut: each piece is set at its preferred size when it fits, smaller (down to half)
 * when it does not, and wraps onto more lines after that; the rows are as tall as their text needs,
 * and the poster's plan measures them with the same function that draws them.
 */
import type { jsPDF } from 'jspdf';
import type { JourneyFigures } from '../journeyAnalytics/types';
import { formatRate } from '../journeyAnalytics/report';
import { setFont, textWidth, wrap } from './pdfText';
import { drawRuns } from './pdfRuns';
import { fillRounded } from './pdfShapes';

/** The words the rows print, in the user's language (the app passes its translations). */
export interface PosterWords {
  funnel: string;
  dropOff: string;
  /** What the heat means, under "Drop-off". */
  heatNote: string;
  /** The first stage's note (it has no previous stage). */
  started: string;
  /** A later stage's note, given the formatted share of the previous stage. */
  ofPrevious: (rate: string) => string;
  /** A touchpoint card's share of its stage's reach, given the formatted share. */
  ofStage: (rate: string) => string;
}

/** English words, for the command line and tests. */
export const englishPosterWords: PosterWords = {
  funnel: 'Funnel', dropOff: 'Drop-off', heatNote: 'darker = more of those reaching the stage lost',
  started: 'started', ofPrevious: (rate) => `${rate} of previous`, ofStage: (rate) => `${rate} of stage`,
};

/** What the poster prints of a journey's figures: small, plain data (it goes to the export worker). */
export interface PosterAnalytics {
  logName: string;
  funnelTitle: string;
  dropOffTitle: string;
  heatNote: string;
  stages: { reach: string; share: number; note: string; dropOff: string; dropOffRate: number | null }[];
  /**
   * What each touchpoint card with event rules prints under its text, by card id: the customers who
   * met it among those who reached its stage, and their share of the stage ("412 · 37.5% of stage"),
   * as the card shows on the map.
   */
  cards: Record<string, string>;
}

/** The poster rows of a journey's figures. */
export function posterAnalyticsOf(
  f: JourneyFigures, logName: string, words: PosterWords = englishPosterWords, formatCount = (n: number) => n.toLocaleString('en-US'), formatShare: (r: number | null) => string = formatRate,
): PosterAnalytics {
  const start = f.stages[0]?.reachStrict ?? 0;
  return {
    logName, funnelTitle: words.funnel, dropOffTitle: words.dropOff, heatNote: words.heatNote,
    stages: f.stages.map((s, i) => ({
      reach: formatCount(s.reachStrict), share: start > 0 ? s.reachStrict / start : 0,
      note: i === 0 ? words.started : words.ofPrevious(formatShare(s.conversionStrict)),
      dropOff: formatShare(s.dropOffRate), dropOffRate: s.dropOffRate,
    })),
    cards: Object.fromEntries((f.cards ?? []).map((c) => [c.cardId, c.share === null ? formatCount(c.reached) : `${formatCount(c.reached)} · ${words.ofStage(formatShare(c.share))}`])),
  };
}

/** White to a deep red-orange by intensity 0–1 (the map's heat colour). */
export function heatRgb(intensity: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, intensity));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return [mix(255, 204), mix(247, 76), mix(236, 2)];
}

/** Text set to fit a width: its size and lines. */
interface Fitted { size: number; lines: string[]; bold: boolean; leading: number }

const leading = 1.2;

/**
 * Sets `text` at `size` when its words fit `width` in at most `maxLines` lines; otherwise at the
 * largest size down to half that does; otherwise at half size on as many lines as it takes (a word
 * wider than the line is broken between characters, never dropped).
 */
export function fitText(doc: jsPDF, text: string, width: number, size: number, maxLines: number, bold = false): Fitted {
  const at = (s: number): Fitted => {
    setFont(doc, s, bold);
    return { size: s, lines: wrap(doc, text, width), bold, leading };
  };
  // Every word must fit whole: the wrapper would otherwise break a long word between characters.
  const words = text.split(/\s+/).filter((w) => w !== '');
  const fits = (fitted: Fitted) => fitted.lines.length <= maxLines && words.every((w) => textWidth(doc, w) <= width + 0.01);
  for (let s = size; s >= size / 2; s *= 0.9) {
    const fitted = at(s);
    if (fits(fitted)) return fitted;
  }
  return at(size / 2);
}

const heightOf = (t: Fitted) => t.lines.length * t.size * t.leading;

/** Geometry of the rows: the label column and the stage columns. */
/** Where the rows go: stage columns from `x0`, the title column at `labelX` (left of the stages by default, right of them right to left). */
export interface RowGeometry { x0: number; labelW: number; colW: number; f: number; gap: number; labelX?: number }

/** Everything the two rows print, fitted to the geometry, with the rows' heights. */
interface RowsLayout {
  funnelLabel: [Fitted, Fitted];
  heatLabel: [Fitted, Fitted];
  cells: { reach: Fitted; note: Fitted; dropOff: Fitted }[];
  funnelH: number;
  heatH: number;
}

function layoutRows(doc: jsPDF, a: PosterAnalytics, g: RowGeometry): RowsLayout {
  const { labelW, colW, f, gap } = g;
  const pad = f * 0.5;
  const labelInner = labelW - gap - 2 * pad;
  const cellInner = colW - gap - 2 * pad;
  const label = (title: string, note: string): [Fitted, Fitted] => [fitText(doc, title, labelInner, f * 0.9, 1, true), fitText(doc, note, labelInner, f * 0.7, 3)];
  const funnelLabel = label(a.funnelTitle, a.logName);
  const heatLabel = label(a.dropOffTitle, a.heatNote);
  const cells = a.stages.map((s) => ({
    reach: fitText(doc, s.reach, cellInner, f * 1.2, 1, true),
    note: fitText(doc, s.note, cellInner, f * 0.8, 2),
    dropOff: fitText(doc, s.dropOff, cellInner, f * 1.1, 1, true),
  }));
  const pair = (p: [Fitted, Fitted]) => heightOf(p[0]) + heightOf(p[1]);
  const funnelH = 2 * pad + Math.max(pair(funnelLabel), ...cells.map((c) => heightOf(c.reach) + heightOf(c.note)));
  const heatH = 2 * pad + Math.max(pair(heatLabel), ...cells.map((c) => heightOf(c.dropOff)));
  return { funnelLabel, heatLabel, cells, funnelH, heatH };
}

/** The height the two rows take at this geometry, gaps included. */
export function posterRowsHeight(doc: jsPDF, a: PosterAnalytics, g: RowGeometry): number {
  const l = layoutRows(doc, a, g);
  return l.funnelH + l.heatH + 2 * g.gap;
}

function drawFitted(doc: jsPDF, t: Fitted, x: number, top: number, color: string, align: 'left' | 'center' = 'left'): number {
  setFont(doc, t.size, t.bold, color);
  t.lines.forEach((line, i) => drawRuns(doc, line, x, top + t.size * 0.85 + i * t.size * t.leading, align));
  return heightOf(t);
}

/** Draws the two rows from `y`; returns the height used (as {@link posterRowsHeight}). */
export function drawPosterAnalytics(doc: jsPDF, a: PosterAnalytics, g: RowGeometry, y: number): number {
  const { x0, labelW, colW, f, gap } = g;
  const pad = f * 0.5;
  const l = layoutRows(doc, a, g);
  const worst = Math.max(0, ...a.stages.map((s) => s.dropOffRate ?? 0));
  const label = (p: [Fitted, Fitted], top: number, h: number) => {
    const lx = g.labelX ?? x0 - labelW;
    fillRounded(doc, { x: lx, y: top, w: labelW - gap, h }, 4, '#eef2f7');
    const used = drawFitted(doc, p[0], lx + pad, top + pad, '#374151');
    drawFitted(doc, p[1], lx + pad, top + pad + used, '#6b7280');
  };
  label(l.funnelLabel, y, l.funnelH);
  a.stages.forEach((s, i) => {
    const box = { x: x0 + i * colW + gap / 2, y, w: colW - gap, h: l.funnelH };
    fillRounded(doc, box, 3, '#f3f6fa');
    if (s.share > 0) fillRounded(doc, { x: box.x, y: box.y + pad / 2, w: Math.max(2, box.w * Math.min(1, s.share)), h: box.h - pad }, 2, '#dbe7f5');
    const cell = l.cells[i]!;
    const used = drawFitted(doc, cell.reach, box.x + pad, box.y + pad, '#111827');
    drawFitted(doc, cell.note, box.x + pad, box.y + pad + used, '#4b5563');
  });
  const y2 = y + l.funnelH + gap;
  label(l.heatLabel, y2, l.heatH);
  a.stages.forEach((s, i) => {
    const box = { x: x0 + i * colW + gap / 2, y: y2, w: colW - gap, h: l.heatH };
    const t = s.dropOffRate === null || worst === 0 ? 0 : s.dropOffRate / worst;
    const [r, gr, b] = heatRgb(t);
    doc.setFillColor(r, gr, b);
    doc.roundedRect(box.x, box.y, box.w, box.h, 3, 3, 'F');
    const text = l.cells[i]!.dropOff;
    drawFitted(doc, text, box.x + box.w / 2, box.y + (box.h - heightOf(text)) / 2, t > 0.6 ? '#ffffff' : '#111827', 'center');
  });
  return l.funnelH + l.heatH + 2 * gap;
}
