import type { jsPDF } from 'jspdf';
import { emotionScales, type Curve, type EmotionLane, type JourneyMap } from '../journey/mapModel';
import { placeValueLabels, type Pt, type Rect } from './curveLabels';
import { drawLabel, drawText, setFont, textWidth, type Box } from './pdfText';
import { englishText, type ExportText } from '../i18n/exportText';

/** A marker drawn on the poster: where, in which colour, for which curve and stage. */
export interface DrawnMarker extends Pt {
  curveId: string;
  stageId: string;
  value: number;
  colour: string;
}

/** What an emotion lane put on the page, for tests that read the PDF back. */
export interface DrawnEmotion {
  markers: DrawnMarker[];
  /** The value labels' rectangles, in marker order. */
  labels: Rect[];
  /** The chart area (above the legend). */
  chart: Box;
}

/** What an emotion lane prints besides the map's own words: the personas' names, and the export's language. */
export interface CurveWords {
  personas: Readonly<Record<string, string>>;
  text: ExportText;
}

/** A curve's legend text in the export's language: its name, as-is or to-be, and the persona it speaks for. */
export function curveLegendText(curve: Curve, { personas, text }: CurveWords): string {
  const persona = curve.personaId ? (personas[curve.personaId] ?? text.t('report.journey.curve.removedPersona')) : '';
  // A leading RLM keeps a right-to-left legend right to left when the curve's own name is Latin.
  return (text.rtl ? '\u200f' : '') + text.t('report.journey.curve.meaning', {
    label: curve.label || text.t('report.journey.curve.unnamed'), variant: curve.variant === 'as-is' ? 'asIs' : 'toBe',
    who: curve.personaId ? 'persona' : 'any', persona,
  });
}

/** A curve value as printed: one decimal at most in the language's digits, a true minus sign, a plus on the bipolar scale's positive side. */
export function formatCurveValue(v: number, bipolar: boolean, text: ExportText = englishText): string {
  const s = text.fmt.number(Math.round(Math.abs(v) * 10) / 10, 1);
  return v < 0 ? `−${s}` : bipolar && v > 0 ? `+${s}` : s;
}

const swatchW = (f: number) => f * 2.4;
const entryGap = (f: number) => f * 1.4;

/** Lays the legend's entries out in rows across `width`; returns each row's entries. */
function legendRows(doc: jsPDF, lane: EmotionLane, words: CurveWords, width: number, f: number): { curve: Curve; text: string; w: number }[][] {
  setFont(doc, f * 0.85);
  const rows: { curve: Curve; text: string; w: number }[][] = [[]];
  let used = 0;
  for (const curve of lane.curves) {
    const text = curveLegendText(curve, words);
    // A little slack: the line splitter rounds widths differently from the measure.
    const w = Math.min(width, swatchW(f) + f * 0.8 + textWidth(doc, text));
    const row = rows[rows.length - 1] ?? [];
    if (row.length > 0 && used + entryGap(f) + w > width) {
      rows.push([{ curve, text, w }]);
      used = w;
    } else {
      row.push({ curve, text, w });
      used += (row.length > 1 ? entryGap(f) : 0) + w;
    }
  }
  return rows.filter((r) => r.length > 0);
}

/** The legend's height under the chart, so a lane can be sized before it is drawn. */
export function emotionLegendHeight(doc: jsPDF, lane: EmotionLane, words: CurveWords, width: number, f: number): number {
  const rows = legendRows(doc, lane, words, width, f).length;
  return rows === 0 ? 0 : rows * f * 1.5 + f * 0.4;
}

/**
 * An emotion lane: a y-axis with the scale's values, a line per curve (to-be dashed) with markers in
 * the curve's own colour, each value printed beside its marker where no line, marker or other label
 * lies, and a legend naming each curve, as-is or to-be, and its persona.
 */
export function drawEmotion(
  doc: jsPDF, lane: EmotionLane, map: JourneyMap, words: CurveWords, box: Box, f: number, colW: number,
): DrawnEmotion {
  const { min, max } = emotionScales[lane.scale];
  const bipolar = min < 0;
  const legendH = emotionLegendHeight(doc, lane, words, box.w - f, f);
  const chart = { x: box.x, y: box.y, w: box.w, h: box.h - legendH };
  const pad = f * 1.7;
  const yOf = (v: number) => chart.y + pad + (chart.h - 2 * pad) * (1 - (v - min) / (max - min));
  drawAxis(doc, chart, yOf, min, max, bipolar, f, words.text);

  const r = Math.max(1.5, f / 3);
  const markers: DrawnMarker[] = [];
  const segments: [Pt, Pt][] = [];
  for (const curve of lane.curves) {
    doc.setDrawColor(curve.colour);
    doc.setLineWidth(Math.max(1, f / 5));
    if (curve.variant === 'to-be') doc.setLineDashPattern([f / 2, f / 3], 0);
    let prev: Pt | null = null;
    map.stages.forEach((s, i) => {
      const v = curve.points[s.id];
      if (v === undefined) return void (prev = null);
      const pt = { x: box.x + i * colW + colW / 2, y: yOf(v) };
      if (prev) {
        doc.line(prev.x, prev.y, pt.x, pt.y);
        segments.push([prev, pt]);
      }
      markers.push({ ...pt, curveId: curve.id, stageId: s.id, value: v, colour: curve.colour });
      prev = pt;
    });
    doc.setLineDashPattern([], 0);
  }
  spreadCoincident(markers, r);
  for (const m of markers) {
    // Set the fill for every marker: printing text changes the PDF's fill colour too.
    doc.setFillColor(m.colour);
    doc.setDrawColor('#ffffff');
    doc.setLineWidth(Math.max(0.5, f / 12));
    doc.circle(m.x, m.y, r, 'FD');
  }

  const size = f * 0.8;
  setFont(doc, size, true, '#374151');
  const texts = markers.map((m) => formatCurveValue(m.value, bipolar, words.text));
  const labels = placeValueLabels(
    texts.map((t, i) => ({ at: markers[i] ?? { x: 0, y: 0 }, w: textWidth(doc, t) + size * 0.2, h: size * 0.8 })),
    { segments, markers, r, pad: Math.max(1, f / 5), bounds: chart },
  );
  texts.forEach((t, i) => {
    const l = labels[i];
    if (l) doc.text(t, l.x + size * 0.1, l.y + size * 0.77);
  });
  drawLegend(doc, lane, words, { x: box.x + f * 0.5, y: chart.y + chart.h, w: box.w - f, h: legendH }, f);
  return { markers, labels, chart };
}

/** Markers of different curves on the same spot sit side by side, so each one shows. */
function spreadCoincident(markers: DrawnMarker[], r: number): void {
  const byStage = new Map<string, DrawnMarker[]>();
  for (const m of markers) byStage.set(m.stageId, [...(byStage.get(m.stageId) ?? []), m]);
  for (const group of byStage.values()) {
    const clusters: DrawnMarker[][] = [];
    for (const m of group) {
      const near = clusters.find((c) => c.some((o) => Math.abs(o.y - m.y) < r * 1.5));
      if (near) near.push(m);
      else clusters.push([m]);
    }
    for (const c of clusters) if (c.length > 1) c.forEach((m, i) => { m.x += (i - (c.length - 1) / 2) * r * 2.1; });
  }
}

function drawAxis(doc: jsPDF, chart: Box, yOf: (v: number) => number, min: number, max: number, bipolar: boolean, f: number, text: ExportText): void {
  const size = f * 0.75;
  // Every whole value when they are far enough apart to read, else every other one.
  const spacing = Math.abs(yOf(min) - yOf(min + 1));
  const step = spacing >= size * 1.3 ? 1 : 2;
  setFont(doc, size, false, '#6b7280');
  const gutter = textWidth(doc, bipolar ? '+2' : '10') + size * 0.6;
  // Right to left (a mirrored poster) the scale stands at the chart's right edge, where the map starts.
  const rtl = text.rtl;
  for (let v = max; v >= min; v -= step) {
    const y = yOf(v);
    doc.setDrawColor(v === 0 ? '#9ca3af' : '#e5e7eb');
    doc.setLineWidth(v === 0 ? 0.8 : 0.4);
    doc.line(rtl ? chart.x : chart.x + gutter, y, rtl ? chart.x + chart.w - gutter : chart.x + chart.w, y);
    setFont(doc, size, false, '#6b7280');
    const label = formatCurveValue(v, bipolar, text);
    if (rtl) drawLabel(doc, label, chart.x + chart.w - gutter + size * 0.3, y + size * 0.35, gutter, 'left');
    else drawLabel(doc, label, chart.x + gutter - size * 0.3, y + size * 0.35, gutter, 'right');
  }
}

function drawLegend(doc: jsPDF, lane: EmotionLane, words: CurveWords, box: Box, f: number): void {
  const rows = legendRows(doc, lane, words, box.w, f);
  // Right to left the entries run from the right edge, each swatch to the right of its words.
  const rtl = words.text.rtl;
  rows.forEach((row, ri) => {
    let x = rtl ? box.x + box.w : box.x;
    const mid = box.y + f * 0.4 + ri * f * 1.5 + f * 0.75;
    for (const { curve, text, w } of row) {
      const left = rtl ? x - w : x;
      const sx = rtl ? left + w - swatchW(f) : left;
      doc.setDrawColor(curve.colour);
      doc.setLineWidth(Math.max(1, f / 5));
      if (curve.variant === 'to-be') doc.setLineDashPattern([f / 2, f / 3], 0);
      doc.line(sx, mid, sx + swatchW(f), mid);
      doc.setLineDashPattern([], 0);
      doc.setFillColor(curve.colour);
      doc.circle(sx + swatchW(f) / 2, mid, Math.max(1.5, f / 3), 'F');
      const tw = w - swatchW(f) - f * 0.5;
      const tx = rtl ? left : left + swatchW(f) + f * 0.5;
      drawText(doc, text, { x: tx, y: mid - f * 0.47, w: tw, h: f * 1.2 }, { size: f * 0.85, color: '#374151', maxLines: 1, ...(rtl ? { align: 'right' as const } : {}) });
      x = rtl ? left - entryGap(f) : x + w + entryGap(f);
    }
  });
}
