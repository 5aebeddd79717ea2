import { jsPDF } from 'jspdf';
import { cellCards, isCardLane, type Card, type JourneyMap, type Lane, type MetricLane, type Stage } from '../journey/mapModel';
import { drawEmotion, emotionLegendHeight, type CurveWords, type DrawnEmotion } from './journeyEmotionPdf';
import { englishText, type ExportText } from '../i18n/exportText';
import { registerFonts, type PdfFonts } from './fonts';
import { drawLabel, drawText, setFont, wrap } from './pdfText';
import { fillRounded, tint } from './pdfShapes';
import { pageSize, type PageOrientation } from './paper';
import { drawPosterAnalytics, posterRowsHeight, type PosterAnalytics } from './posterAnalytics';

/** Paper for a journey map: A3 to A0 posters, and office paper for a small map or a flow. */
export type PosterPaper = 'a4' | 'letter' | 'a3' | 'a2' | 'a1' | 'a0';

/** How to print a journey poster. */
export interface JourneyPdfOptions {
  paper: PosterPaper;
  /** Landscape by default: maps are wide. */
  orientation?: PageOrientation;
  fonts: PdfFonts;
  /** The language of the words the poster adds (curve legends) and of its numbers; English by default. */
  text?: ExportText;
}

/** The parts of a journey a poster shows. */
export interface JourneyPdfInput {
  name: string;
  description: string;
  map: JourneyMap;
  /** Names of the personas the emotion curves speak for, by persona id (the legend prints them). */
  personas?: Readonly<Record<string, string>>;
  /** The funnel strip and heat row, when the journey has an event log chosen (journey analytics). */
  analytics?: PosterAnalytics;
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
  drawPoster(doc, journey, size, planPoster(doc, journey, size, options.text));
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
  /** Height of the stage headers: every stage name wraps to show whole. */
  stageH: number;
  /** Each lane's height, in `map.lanes` order, stretched so the map fills the page. */
  laneHeights: number[];
  /** How far down the poster's drawing reaches (the bottom of the last lane), at most the page's bottom margin. */
  height: number;
  /** The words it was measured with (legends in the export's language), drawn the same. */
  words: CurveWords;
}

/**
 * Measures the poster. The text size is the largest (up to `maxPosterText`) at which every lane fits
 * the page: a big map shrinks rather than being cut (to 3 pt). A small map whose text has reached
 * the cap leaves height over: the lanes share it (emotion curves three shares, as a taller chart
 * reads better), so the drawing fills the paper rather than its top half.
 */
export function planPoster(doc: jsPDF, journey: JourneyPdfInput, size: { w: number; h: number }, text: ExportText = englishText): PosterPlan {
  const { map } = journey;
  const words: CurveWords = { personas: journey.personas ?? {}, text };
  const titleSize = Math.min(48, Math.max(22, size.w / 60));
  setFont(doc, titleSize * 0.45);
  const descLines = journey.description ? Math.min(2, wrap(doc, journey.description, size.w - 2 * margin).length) : 0;
  const top = margin + titleSize * 1.5 + descLines * titleSize * 0.45 * 1.25;
  const avail = size.h - top - margin;
  // The label column fits the longest word of any lane name (and of the analytics rows' titles), so names wrap between words.
  setFont(doc, 10, true);
  const rowTitles = journey.analytics ? [journey.analytics.funnelTitle, journey.analytics.dropOffTitle] : [];
  const longestWord = Math.max(0, ...[...map.lanes.map((l) => l.name), ...rowTitles].flatMap((name) => name.split(/\s+/)).map((word) => doc.getTextWidth(word) / 10));
  const geometry = (fs: number) => {
    const labelW = Math.min(size.w * 0.2, Math.max(160, longestWord * fs + gap + fs * 1.6));
    return { labelW, colW: (size.w - 2 * margin - labelW) / Math.max(1, map.stages.length) };
  };
  // The funnel strip and the heat row sit between the stage headers and the first lane.
  const rows = journey.analytics && journey.analytics.stages.length === map.stages.length ? journey.analytics : null;
  const figures = rows?.cards ?? {};
  const heights = (fs: number) => {
    const g = geometry(fs);
    return { stageH: stageHeight(doc, map, g.colW, fs), lanes: map.lanes.map((l) => laneHeight(doc, map, l, g, fs, words, figures)) };
  };
  const analyticsH = (fs: number) => (rows ? posterRowsHeight(doc, rows, { x0: margin + geometry(fs).labelW, ...geometry(fs), f: fs, gap }) : 0);
  const needed = (fs: number) => {
    const h = heights(fs);
    return h.stageH + gap + analyticsH(fs) + h.lanes.reduce((t, l) => t + l + gap, 0);
  };
  const f = fitTextSize(needed, avail, Math.max(5, Math.min(maxPosterText, geometry(maxPosterText).colW / 8)));
  const { stageH, lanes } = heights(f);
  const spare = avail - needed(f);
  const weights = map.lanes.map((l) => (l.type === 'emotion' ? 3 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const laneHeights = spare > 0 && total > 0 ? lanes.map((h, i) => h + (spare * (weights[i] ?? 1)) / total) : lanes;
  const drawn = stageH + gap + analyticsH(f) + laneHeights.reduce((t, l) => t + l + gap, 0) - gap;
  return { titleSize, top, f, ...geometry(f), stageH, laneHeights, height: Math.min(size.h - margin, top + drawn), words };
}

/**
 * Draws the whole poster with its top-left corner at the page origin; returns what its emotion lanes
 * drew. Right to left (an Arabic export), the map reads as on screen: the first stage at the right,
 * the lane names in a column on the right, the title from the right margin.
 */
export function drawPoster(doc: jsPDF, journey: JourneyPdfInput, size: { w: number; h: number }, plan = planPoster(doc, journey, size)): DrawnEmotion[] {
  const rtl = plan.words.text.rtl;
  const map = rtl ? { ...journey.map, stages: [...journey.map.stages].reverse() } : journey.map;
  const analytics = journey.analytics && rtl ? { ...journey.analytics, stages: [...journey.analytics.stages].reverse() } : journey.analytics;
  const { titleSize, top, f, labelW, colW } = plan;
  const align = rtl ? 'right' as const : 'left' as const;
  setFont(doc, titleSize, true, '#111827');
  drawLabel(doc, journey.name, rtl ? size.w - margin : margin, margin + titleSize * 0.9, size.w - 2 * margin, align);
  if (journey.description) {
    drawText(doc, journey.description, { x: margin, y: margin + titleSize * 1.3, w: size.w - 2 * margin, h: top - margin - titleSize * 1.3 }, { size: titleSize * 0.45, color: '#4b5563', maxLines: 2, align });
  }
  const x0 = rtl ? margin : margin + labelW;
  const labelX = rtl ? size.w - margin - labelW + gap : margin;
  const figures = analytics && analytics.stages.length === map.stages.length ? analytics.cards : {};
  const ctx: Ctx = { doc, map, f, colW, labelW, x0, labelX, words: plan.words, figures };
  drawStages(ctx, top, plan.stageH);
  const drawn: DrawnEmotion[] = [];
  let y = top + plan.stageH + gap;
  if (analytics && analytics.stages.length === map.stages.length) y += drawPosterAnalytics(doc, analytics, { x0, labelX, labelW, colW, f, gap }, y);
  map.lanes.forEach((lane, i) => {
    const h = Math.min(plan.laneHeights[i] ?? 0, size.h - margin - y);
    if (h <= 0) return;
    const emotion = drawLane(ctx, lane, y, h);
    if (emotion) drawn.push(emotion);
    y += h + gap;
  });
  return drawn;
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

// x0: where the stage columns start; labelX: where the lane-name column starts (right of the stages, right to left).
// figures: what a touchpoint card with event rules prints under its text, by card id (journey analytics).
interface Ctx { doc: jsPDF; map: JourneyMap; f: number; colW: number; labelW: number; x0: number; labelX: number; words: CurveWords; figures: Readonly<Record<string, string>> }

function laneHeight(doc: jsPDF, map: JourneyMap, lane: Lane, { labelW, colW }: { labelW: number; colW: number }, f: number, words: CurveWords, figures: Readonly<Record<string, string>>): number {
  // The lane's name wraps in the label column; the row is at least as tall as the name.
  setFont(doc, f, true);
  const nameH = wrap(doc, lane.name, labelW - gap - f * 1.2).length * f * 1.25 + f;
  if (lane.type === 'emotion') return Math.max(nameH, f * 10 + emotionLegendHeight(doc, lane, words, colW * map.stages.length - f, f));
  if (lane.type === 'metric') return Math.max(nameH, f * 4.2);
  let max = 1;
  for (const s of map.stages) {
    const lines = cellCards(map, lane.id, s.id).reduce((t, c) => t + cardLines(doc, c, colW - f * 1.6, f, figures).total + 0.8, 0);
    max = Math.max(max, lines);
  }
  return Math.max(nameH, max * f * 1.25 + f);
}

/**
 * A card's lines: of its text, and in all, in lines of the map's text (its figure, smaller, counts
 * at its scale) when it has one.
 */
function cardLines(doc: jsPDF, card: Card, width: number, f: number, figures: Readonly<Record<string, string>>): { text: number; total: number } {
  setFont(doc, f);
  const text = Math.max(1, wrap(doc, card.text || card.channel || '', width).length);
  const figure = figures[card.id];
  if (figure === undefined) return { text, total: text };
  setFont(doc, f * figureScale, true);
  return { text, total: text + wrap(doc, figure, width).length * figureScale };
}

/** A card's figure prints at this share of the map's text size. */
const figureScale = 0.85;

const stageText = (s: Stage) => `${s.momentOfTruth ? '★ ' : ''}${s.name}`;

/**
 * A stage name's text size: the map's, or smaller when its longest word would not fit the column,
 * so a long word is never broken inside.
 */
function stageFont(doc: jsPDF, s: Stage, width: number, f: number): number {
  setFont(doc, f * 1.1, true);
  const longest = Math.max(1, ...stageText(s).split(/\s+/).map((w) => doc.getTextWidth(w)));
  return Math.min(f * 1.1, (f * 1.1 * width) / longest);
}

/** Stage headers are as tall as the longest stage name wrapped in its column: a name is never cut. */
function stageHeight(doc: jsPDF, map: JourneyMap, colW: number, f: number): number {
  const width = colW - gap - f;
  const heights = map.stages.map((s) => {
    const size = stageFont(doc, s, width, f);
    setFont(doc, size, true);
    return wrap(doc, stageText(s), width).length * size * 1.25;
  });
  return Math.max(f * 3.2, ...heights.map((h) => h + f * 1.4));
}

function drawStages(ctx: Ctx, y: number, h: number): void {
  const { doc, map, f, colW, x0 } = ctx;
  map.stages.forEach((s, i) => {
    const box = { x: x0 + i * colW + gap / 2, y, w: colW - gap, h };
    fillRounded(doc, box, 4, s.colour);
    const size = stageFont(doc, s, box.w - f, f);
    setFont(doc, size, true);
    const textH = Math.max(1, wrap(doc, stageText(s), box.w - f).length) * size * 1.25;
    drawText(doc, stageText(s), { x: box.x + f / 2, y: box.y + (h - textH) / 2, w: box.w - f, h: textH + f }, { size, bold: true, color: '#ffffff', align: 'center' });
  });
}

function drawLane(ctx: Ctx, lane: Lane, y: number, h: number): DrawnEmotion | undefined {
  const { doc, map, f, colW, x0, labelW, labelX } = ctx;
  fillRounded(doc, { x: labelX, y, w: labelW - gap, h }, 4, '#f3f4f6');
  drawText(doc, lane.name, { x: labelX + f * 0.6, y: y + f * 0.5, w: labelW - gap - f * 1.2, h: h - f }, { size: f, bold: true, color: '#374151', ...(ctx.words.text.rtl ? { align: 'right' as const } : {}) });
  if (lane.type === 'emotion') return drawEmotion(doc, lane, map, ctx.words, { x: x0, y, w: colW * map.stages.length, h }, f, colW);
  if (lane.type === 'metric') return void drawMetric(ctx, lane, y, h);
  if (!isCardLane(lane)) return undefined;
  map.stages.forEach((s, i) => {
    // A faint cell behind the cards keeps the grid readable when lanes are stretched to fill the page.
    fillRounded(doc, { x: x0 + i * colW + gap / 2, y, w: colW - gap, h }, 3, '#f9fafb');
    let cy = y;
    for (const card of cellCards(map, lane.id, s.id)) {
      const text = card.text || card.channel || '';
      const figure = ctx.figures[card.id];
      const lines = cardLines(doc, card, colW - gap - f * 1.6, f, ctx.figures);
      const textLines = lines.text;
      const ch = Math.min(lines.total * f * 1.25 + f * 0.6, y + h - cy);
      if (ch < f) break;
      const box = { x: x0 + i * colW + gap / 2, y: cy, w: colW - gap, h: ch };
      fillRounded(doc, box, 3, tint(s.colour, 0.85));
      const align = ctx.words.text.rtl ? { align: 'right' as const } : {};
      drawText(doc, text, { x: box.x + f * 0.8, y: box.y + f * 0.3, w: box.w - f * 1.6, h: textLines * f * 1.25 + f * 0.3 }, { size: f, color: '#111827', ...align });
      if (figure !== undefined) {
        const fy = box.y + f * 0.3 + textLines * f * 1.25;
        drawText(doc, figure, { x: box.x + f * 0.8, y: fy, w: box.w - f * 1.6, h: box.y + box.h - fy }, { size: f * figureScale, bold: true, color: '#1e40af', ...align });
      }
      cy += ch + f * 0.2;
    }
  });
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
    const { text } = ctx.words;
    // In the language's digits; a percentage as the language writes one ("75 %" in German).
    const figure = (v: number) => (lane.unit === '%' ? text.fmt.percent(v / 100, 2) : `${text.fmt.number(v)}${lane.unit ?? ''}`);
    drawLabel(doc, `${m.value === undefined ? '—' : figure(m.value)}${arrow}`, box.x + box.w / 2, box.y + f * 1.9, box.w - f, 'center');
    setFont(doc, f * 0.85, false, '#4b5563');
    if (m.target !== undefined) drawLabel(doc, text.t('report.metric.targetShort', { target: figure(m.target) }), box.x + box.w / 2, box.y + f * 3.3, box.w - f, 'center');
  });
}
