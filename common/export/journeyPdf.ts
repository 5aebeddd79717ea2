import { jsPDF } from 'jspdf';
import { cellCards, emotionScales, isCardLane, type EmotionLane, type JourneyMap, type Lane, type MetricLane } from '../journey/mapModel';
import { registerFonts, type PdfFonts } from './fonts';
import { drawLabel, drawText, setFont, wrap, type Box } from './pdfText';
import { fillRounded, tint } from './pdfShapes';
import { pageSize, type PageOrientation } from './paper';

/** Paper for a journey map: A3 to A0 posters, and office paper for a small map or a flow. */
export type PosterPaper = 'a4' | 'letter' | 'a3' | 'a2' | 'a1' | 'a0';

/** How to print a journey poster. */
export interface JourneyPdfOptions {
  paper: PosterPaper;
  /** Landscape by default: maps are wide. */
  orientation?: PageOrientation;
  fonts: PdfFonts;
}

/** The parts of a journey a poster shows. */
export interface JourneyPdfInput {
  name: string;
  description: string;
  map: JourneyMap;
}

/** The poster's margin on every side, in points. */
export const posterMargin = 36;
const margin = posterMargin;
const gap = 4;

/**
 * The journey map as one poster page: a header, stage columns, and one row per lane with cards as
 * real text, emotion curves as vector lines and metrics with their targets. The font size is chosen
 * so every row fits the page; a map too big for the paper prints smaller rather than being cut.
 */
export function buildJourneyPdf(journey: JourneyPdfInput, options: JourneyPdfOptions): Uint8Array {
  const orientation = options.orientation ?? 'landscape';
  const size = pageSize(options.paper, orientation);
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation, compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  doc.setProperties({ title: journey.name, creator: 'CX Studio' });
  drawPoster(doc, journey, size);
  return new Uint8Array(doc.output('arraybuffer'));
}

/** The largest text size a poster grows to, in points: a small map fills its paper up to this. */
export const maxPosterText = 28;

/** Where a poster's parts go: measured once, then drawn on the poster page or on every tiled sheet. */
export interface PosterPlan {
  titleSize: number;
  /** Top of the stage headers. */
  top: number;
  /** Text size of the map. */
  f: number;
  labelW: number;
  colW: number;
  /** How far down the poster's drawing reaches (the bottom of the last lane), at most the page's bottom margin. */
  height: number;
}

/**
 * Measures the poster. The text size is the largest (up to `maxPosterText`) at which every lane fits
 * the page: a small map grows to fill a big poster, a big map shrinks rather than being cut (to 3 pt).
 */
export function planPoster(doc: jsPDF, journey: JourneyPdfInput, size: { w: number; h: number }): PosterPlan {
  const { map } = journey;
  const titleSize = Math.min(48, Math.max(22, size.w / 60));
  setFont(doc, titleSize * 0.45);
  const descLines = journey.description ? Math.min(2, wrap(doc, journey.description, size.w - 2 * margin).length) : 0;
  const top = margin + titleSize * 1.5 + descLines * titleSize * 0.45 * 1.25;
  const avail = size.h - top - margin;
  // The label column fits the longest word of any lane name, so names wrap between words.
  setFont(doc, 10, true);
  const longestWord = Math.max(0, ...map.lanes.flatMap((l) => l.name.split(/\s+/)).map((word) => doc.getTextWidth(word) / 10));
  const geometry = (fs: number) => {
    const labelW = Math.min(size.w * 0.2, Math.max(160, longestWord * fs + gap + fs * 1.6));
    return { labelW, colW: (size.w - 2 * margin - labelW) / Math.max(1, map.stages.length) };
  };
  const needed = (fs: number) => {
    const g = geometry(fs);
    return fs * 3.2 + gap + map.lanes.reduce((t, l) => t + laneHeight(doc, map, l, g, fs) + gap, 0);
  };
  const f = fitTextSize(needed, avail, Math.max(5, Math.min(maxPosterText, geometry(maxPosterText).colW / 8)));
  return { titleSize, top, f, ...geometry(f), height: Math.min(size.h - margin, top + needed(f) - gap) };
}

/** Draws the whole poster with its top-left corner at the page origin. */
export function drawPoster(doc: jsPDF, journey: JourneyPdfInput, size: { w: number; h: number }, plan = planPoster(doc, journey, size)): void {
  const { map } = journey;
  const { titleSize, top, f, labelW, colW } = plan;
  setFont(doc, titleSize, true, '#111827');
  drawLabel(doc, journey.name, margin, margin + titleSize * 0.9, size.w - 2 * margin);
  if (journey.description) {
    drawText(doc, journey.description, { x: margin, y: margin + titleSize * 1.3, w: size.w - 2 * margin, h: top - margin - titleSize * 1.3 }, { size: titleSize * 0.45, color: '#4b5563', maxLines: 2 });
  }
  const ctx: Ctx = { doc, map, f, colW, labelW, x0: margin + labelW };
  drawStages(ctx, top);
  let y = top + f * 3.2 + gap;
  for (const lane of map.lanes) {
    const h = Math.min(laneHeight(doc, map, lane, { labelW, colW }, f), size.h - margin - y);
    if (h <= 0) break;
    drawLane(ctx, lane, y, h);
    y += h + gap;
  }
}

/**
 * The largest text size in [3, max] whose layout height fits `avail` (3 when none does). Heights grow
 * with the size, though not smoothly (lines wrap), so the size is found by bisection to 0.1 pt.
 */
export function fitTextSize(height: (f: number) => number, avail: number, max: number): number {
  if (height(max) <= avail) return max;
  let lo = 3;
  let hi = max;
  if (height(lo) > avail) return lo;
  while (hi - lo > 0.1) {
    const mid = (lo + hi) / 2;
    if (height(mid) <= avail) lo = mid;
    else hi = mid;
  }
  return lo;
}

interface Ctx { doc: jsPDF; map: JourneyMap; f: number; colW: number; labelW: number; x0: number }

function laneHeight(doc: jsPDF, map: JourneyMap, lane: Lane, { labelW, colW }: { labelW: number; colW: number }, f: number): number {
  // The lane's name wraps in the label column; the row is at least as tall as the name.
  setFont(doc, f, true);
  const nameH = wrap(doc, lane.name, labelW - gap - f * 1.2).length * f * 1.25 + f;
  if (lane.type === 'emotion') return Math.max(nameH, f * 10);
  if (lane.type === 'metric') return Math.max(nameH, f * 4.2);
  setFont(doc, f);
  let max = 1;
  for (const s of map.stages) {
    const lines = cellCards(map, lane.id, s.id).reduce((t, c) => t + Math.max(1, wrap(doc, c.text || c.channel || '', colW - f * 1.6).length) + 0.8, 0);
    max = Math.max(max, lines);
  }
  return Math.max(nameH, max * f * 1.25 + f);
}

function drawStages(ctx: Ctx, y: number): void {
  const { doc, map, f, colW, x0 } = ctx;
  map.stages.forEach((s, i) => {
    const box = { x: x0 + i * colW + gap / 2, y, w: colW - gap, h: f * 3.2 };
    fillRounded(doc, box, 4, s.colour);
    setFont(doc, f * 1.1, true, '#ffffff');
    drawLabel(doc, `${s.momentOfTruth ? '★ ' : ''}${s.name}`, box.x + box.w / 2, box.y + box.h * 0.62, box.w - f, 'center');
  });
}

function drawLane(ctx: Ctx, lane: Lane, y: number, h: number): void {
  const { doc, map, f, colW, x0, labelW } = ctx;
  fillRounded(doc, { x: x0 - labelW, y, w: labelW - gap, h }, 4, '#f3f4f6');
  drawText(doc, lane.name, { x: x0 - labelW + f * 0.6, y: y + f * 0.5, w: labelW - gap - f * 1.2, h: h - f }, { size: f, bold: true, color: '#374151' });
  if (lane.type === 'emotion') return drawEmotion(ctx, lane, { x: x0, y, w: colW * map.stages.length, h });
  if (lane.type === 'metric') return drawMetric(ctx, lane, y, h);
  if (!isCardLane(lane)) return;
  map.stages.forEach((s, i) => {
    let cy = y;
    for (const card of cellCards(map, lane.id, s.id)) {
      const text = card.text || card.channel || '';
      setFont(doc, f);
      const lines = Math.max(1, wrap(doc, text, colW - gap - f * 1.6).length);
      const ch = Math.min(lines * f * 1.25 + f * 0.6, y + h - cy);
      if (ch < f) break;
      const box = { x: x0 + i * colW + gap / 2, y: cy, w: colW - gap, h: ch };
      fillRounded(doc, box, 3, tint(s.colour, 0.85));
      drawText(doc, text, { x: box.x + f * 0.8, y: box.y + f * 0.3, w: box.w - f * 1.6, h: box.h - f * 0.3 }, { size: f, color: '#111827' });
      cy += ch + f * 0.2;
    }
  });
}

function drawEmotion(ctx: Ctx, lane: EmotionLane, box: Box): void {
  const { doc, map, f, colW } = ctx;
  const { min, max } = emotionScales[lane.scale];
  const yOf = (v: number) => box.y + f + (box.h - 2 * f) * (1 - (v - min) / (max - min));
  doc.setDrawColor('#d1d5db');
  doc.setLineWidth(0.5);
  doc.line(box.x, yOf((min + max) / 2), box.x + box.w, yOf((min + max) / 2));
  for (const curve of lane.curves) {
    doc.setDrawColor(curve.colour);
    doc.setFillColor(curve.colour);
    doc.setLineWidth(Math.max(1, f / 5));
    if (curve.variant === 'to-be') doc.setLineDashPattern([f / 2, f / 3], 0);
    let prev: [number, number] | null = null;
    map.stages.forEach((s, i) => {
      const v = curve.points[s.id];
      if (v === undefined) return void (prev = null);
      const pt: [number, number] = [box.x + i * colW + colW / 2, yOf(v)];
      if (prev) doc.line(prev[0], prev[1], pt[0], pt[1]);
      doc.circle(pt[0], pt[1], f / 3, 'F');
      setFont(doc, f * 0.8, false, '#374151');
      doc.text(String(v), pt[0] + f / 2, pt[1] - f / 3);
      prev = pt;
    });
    doc.setLineDashPattern([], 0);
  }
}

function drawMetric(ctx: Ctx, lane: MetricLane, y: number, h: number): void {
  const { doc, map, f, colW, x0 } = ctx;
  map.stages.forEach((s, i) => {
    const m = lane.values[s.id];
    if (!m || (m.value === undefined && m.target === undefined)) return;
    const box = { x: x0 + i * colW + gap / 2, y, w: colW - gap, h };
    const missed = m.value !== undefined && m.target !== undefined && (lane.metric === 'ces' ? m.value > m.target : m.value < m.target);
    fillRounded(doc, box, 3, missed ? '#fef2f2' : '#f0fdf4');
    setFont(doc, f * 1.5, true, missed ? '#b91c1c' : '#15803d');
    const arrow = m.trend === 'up' ? ' ↑' : m.trend === 'down' ? ' ↓' : '';
    drawLabel(doc, `${m.value ?? '—'}${lane.unit ?? ''}${arrow}`, box.x + box.w / 2, box.y + f * 1.9, box.w - f, 'center');
    setFont(doc, f * 0.85, false, '#4b5563');
    if (m.target !== undefined) drawLabel(doc, `target ${m.target}`, box.x + box.w / 2, box.y + f * 3.3, box.w - f, 'center');
  });
}
