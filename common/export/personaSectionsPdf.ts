import type { jsPDF } from 'jspdf';
import type { ListItem } from '../persona/fields';
import type { LevelItem } from '../persona/sections/profileSections';
import { demographicFields } from '../persona/sections/profileSections';
import type { ChartPoint, ChannelPreference, Scale } from '../persona/sections/chartSections';
import { channelLabels, preferenceLabels } from '../persona/sections/chartSections';
import type { ExportText } from '../i18n/exportText';
import { drawLabel, drawText, isRtl, setFont, type Box } from './pdfText';
import { drawBar, drawWedge, fillRounded, seriesColor, tint } from './pdfShapes';
import { drawPhoto, type PdfImages } from './pdfImages';
import { drawLiveMetrics, type LiveMetricsInput } from './liveMetricsPdf';
import { demographicRowHeight } from './personaGrowth';

/** What every section drawer needs besides its own data. */
export interface SectionContext {
  doc: jsPDF;
  /** Points per canvas pixel: every size on the canvas is multiplied by it. */
  s: number;
  accent: string;
  images: PdfImages;
  metrics: LiveMetricsInput;
  /** The export's language: the words the app prints (field names, channel levels) and its digits; right to left, rows hang from the right edge. */
  text: ExportText;
}

/** A bar filled from the reading side: from the right in a right-to-left export. */
function readingBar(ctx: SectionContext, box: Box, fraction: number): void {
  if (!ctx.text.rtl) return drawBar(ctx.doc, box, fraction, ctx.accent);
  fillRounded(ctx.doc, box, box.h / 2, '#e5e7eb');
  const f = Math.max(0, Math.min(1, fraction));
  const w = Math.max(box.h, box.w * f);
  if (f > 0) fillRounded(ctx.doc, { ...box, x: box.x + box.w - w, w }, box.h / 2, ctx.accent);
}

type Drawer = (ctx: SectionContext, data: Record<string, unknown>, box: Box) => void;

// Data reaches the printer already validated, but a PDF must never fail on a stray shape (an old file,
// a teammate's newer field): lists keep only objects, and every field is read through a typed getter.
const arr = <T>(v: unknown): Partial<T>[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Partial<T>[]) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

const bullets: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  let y = box.y;
  for (const item of arr<ListItem>(data.items)) {
    const text = str(item.text);
    if (text.trim() === '' || y + 12 * s > box.y + box.h) continue;
    // A right-to-left item hangs from the right edge, so its bullet goes on the right too.
    const rtl = isRtl(text);
    doc.setFillColor(ctx.accent);
    doc.circle(rtl ? box.x + box.w - 3 * s : box.x + 3 * s, y + 6 * s, 2 * s, 'F');
    y += drawText(doc, text, { x: rtl ? box.x : box.x + 10 * s, y, w: box.w - 10 * s, h: box.y + box.h - y }, { size: 11 * s }) + 3 * s;
  }
};

const paragraph: Drawer = (ctx, data, box) => {
  const rest = drawText(ctx.doc, str(data.text), box, { size: 11 * ctx.s, leading: 1.35 });
  bullets(ctx, data, { ...box, y: box.y + rest + 4 * ctx.s, h: box.h - rest - 4 * ctx.s });
};

const quote: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  // The opening mark is drawn, not typed: as a large glyph beside the text, PDF readers (pdftotext,
  // copy and paste, screen readers) took it and the first word for a line of their own.
  doc.setFillColor(tint(ctx.accent, 0.5));
  for (const dx of [0, 9]) {
    const cx = box.x + (dx + 4) * s;
    const cy = box.y + 9 * s;
    // A "6": the ball, and its tail rising from the ball's left to the upper right.
    doc.circle(cx, cy, 3.6 * s, 'F');
    doc.triangle(cx - 3.6 * s, cy, cx + 0.6 * s, cy - 3.4 * s, cx + 3.6 * s, cy - 9 * s, 'F');
  }
  const inner = { x: box.x + 22 * s, y: box.y, w: box.w - 22 * s, h: box.h - 16 * s };
  const used = drawText(doc, str(data.text), inner, { size: 14 * s, leading: 1.3, color: '#111827' });
  const who = str(data.attribution);
  if (who) drawText(doc, `— ${who}`, { ...inner, y: box.y + used + 4 * s, h: 16 * s }, { size: 10 * s, color: '#6b7280' });
};

// Values wrap in their column (an address or a job title is often longer than a line), each row as
// tall as its value; personaGrowth measures the same rows so the card is made tall enough for them.
const demographics: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  let y = box.y;
  for (const field of demographicFields) {
    const value = str(data[field]);
    if (!value) continue;
    const rowH = demographicRowHeight(doc, value, box.w / s) * s;
    if (y + 17 * s > box.y + box.h) break;
    setFont(doc, 9 * s, false, '#6b7280');
    const rtl = ctx.text.rtl;
    drawLabel(doc, ctx.text.t(`report.persona.demographic.${field}`), rtl ? box.x + box.w : box.x, y + 11 * s, box.w * 0.38, rtl ? 'right' : 'left');
    drawText(doc, value, { x: rtl ? box.x : box.x + box.w * 0.4, y: y + 2 * s, w: box.w * 0.6, h: box.y + box.h - y - 2 * s }, { size: 11 * s, color: '#111827' });
    y += rowH;
  }
};

const levels: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  let y = box.y;
  for (const item of arr<LevelItem>(data.items)) {
    if (y + 24 * s > box.y + box.h) break;
    const rtl = ctx.text.rtl;
    setFont(doc, 10 * s);
    drawLabel(doc, str(item.label), rtl ? box.x + box.w : box.x, y + 9 * s, box.w * 0.8, rtl ? 'right' : 'left');
    setFont(doc, 9 * s, false, '#6b7280');
    drawLabel(doc, ctx.text.fmt.number(num(item.level)), rtl ? box.x : box.x + box.w, y + 9 * s, box.w * 0.18, rtl ? 'left' : 'right');
    readingBar(ctx, { x: box.x, y: y + 13 * s, w: box.w, h: 6 * s }, num(item.level) / 100);
    y += 26 * s;
  }
};

const channels: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  const max = preferenceLabels.length - 1;
  let y = box.y;
  for (const c of arr<ChannelPreference>(data.channels)) {
    if (y + 18 * s > box.y + box.h) break;
    setFont(doc, 10 * s);
    const level = num(c.level);
    const kind = str(c.channel);
    const rtl = ctx.text.rtl;
    const name = kind in channelLabels ? ctx.text.t(`report.persona.channel.${kind as keyof typeof channelLabels}`) : kind;
    drawLabel(doc, name, rtl ? box.x + box.w : box.x, y + 11 * s, box.w * 0.3, rtl ? 'right' : 'left');
    readingBar(ctx, { x: box.x + box.w * (rtl ? 0.28 : 0.32), y: y + 5 * s, w: box.w * 0.4, h: 7 * s }, level / max);
    setFont(doc, 9 * s, false, '#6b7280');
    const word = Number.isInteger(level) && level >= 0 && level <= max ? ctx.text.t(`report.persona.level.${level as 0 | 1 | 2 | 3 | 4}`) : '';
    drawLabel(doc, word, rtl ? box.x : box.x + box.w, y + 11 * s, box.w * 0.26, rtl ? 'left' : 'right');
    y += 19 * s;
  }
};

const scales: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  let y = box.y;
  for (const sc of arr<Scale>(data.scales)) {
    if (y + 28 * s > box.y + box.h) break;
    setFont(doc, 10 * s);
    drawLabel(doc, str(sc.left), box.x, y + 9 * s, box.w * 0.48);
    drawLabel(doc, str(sc.right), box.x + box.w, y + 9 * s, box.w * 0.48, 'right');
    fillRounded(doc, { x: box.x, y: y + 15 * s, w: box.w, h: 5 * s }, 2.5 * s, '#e5e7eb');
    doc.setFillColor(ctx.accent);
    doc.circle(box.x + (box.w * Math.min(100, Math.max(0, num(sc.value)))) / 100, y + 17.5 * s, 5 * s, 'F');
    y += 30 * s;
  }
};

const legend = (ctx: SectionContext, points: Partial<ChartPoint>[], unit: string, box: Box) => {
  const { doc, s } = ctx;
  points.forEach((p, i) => {
    const y = box.y + i * 15 * s;
    if (y + 12 * s > box.y + box.h) return;
    const rtl = ctx.text.rtl;
    doc.setFillColor(seriesColor(i, ctx.accent));
    doc.rect(rtl ? box.x + box.w - 8 * s : box.x, y + 2 * s, 8 * s, 8 * s, 'F');
    setFont(doc, 9 * s);
    drawLabel(doc, `${str(p.label)} ${ctx.text.fmt.number(num(p.value))}${unit}`, rtl ? box.x + box.w - 12 * s : box.x + 12 * s, y + 10 * s, box.w - 12 * s, rtl ? 'right' : 'left');
  });
};

const pie: Drawer = (ctx, data, box) => {
  const points = arr<ChartPoint>(data.points).filter((p) => num(p.value) > 0);
  const total = points.reduce((t, p) => t + num(p.value), 0);
  const r = Math.min(box.h, box.w * 0.45) / 2;
  let a = 0;
  const cx = ctx.text.rtl ? box.x + box.w - r : box.x + r;
  points.forEach((p, i) => {
    const span = (num(p.value) / total) * Math.PI * 2;
    drawWedge(ctx.doc, cx, box.y + r, r, a, a + span, seriesColor(i, ctx.accent));
    a += span;
  });
  // Right to left the pie stands at the right and its legend to its left.
  const rtl = ctx.text.rtl;
  const lx = box.x + 2 * r + 10 * ctx.s;
  legend(ctx, arr<ChartPoint>(data.points), str(data.unit), rtl ? { x: box.x, y: box.y, w: box.w - 2 * r - 10 * ctx.s, h: box.h } : { x: lx, y: box.y, w: box.x + box.w - lx, h: box.h });
};

const bars: Drawer = (ctx, data, box) => {
  const { doc, s } = ctx;
  const points = arr<ChartPoint>(data.points);
  const max = Math.max(1, ...points.map((p) => num(p.value)));
  const rowH = Math.min(22 * s, box.h / Math.max(1, points.length));
  // Right to left the label stands at the right, the bar grows leftwards and the value ends the row at the left.
  const rtl = ctx.text.rtl;
  points.forEach((p, i) => {
    const y = box.y + i * rowH;
    setFont(doc, Math.min(9 * s, rowH * 0.5));
    drawLabel(doc, str(p.label), rtl ? box.x + box.w : box.x, y + rowH * 0.62, box.w * 0.3, rtl ? 'right' : 'left');
    doc.setFillColor(seriesColor(i, ctx.accent));
    const w = Math.max(0.5, box.w * 0.5 * (num(p.value) / max));
    doc.rect(rtl ? box.x + box.w * 0.68 - w : box.x + box.w * 0.32, y + rowH * 0.2, w, rowH * 0.6, 'F');
    drawLabel(doc, `${ctx.text.fmt.number(num(p.value))}${str(data.unit)}`, rtl ? box.x : box.x + box.w, y + rowH * 0.62, box.w * 0.17, rtl ? 'left' : 'right');
  });
};

const media: Drawer = (ctx, data, box) => {
  const caption = str(data.caption);
  const url = str(data.url);
  const captionH = caption ? 14 * ctx.s : 0;
  const area = { ...box, h: box.h - captionH };
  if (data.kind === 'image' && str(data.assetId)) drawPhoto(ctx.doc, ctx.images, str(data.assetId), area, 'contain');
  else if (url) drawText(ctx.doc, url, area, { size: 10 * ctx.s, color: ctx.accent });
  if (caption) drawText(ctx.doc, caption, { ...box, y: box.y + box.h - captionH, h: captionH }, { size: 9 * ctx.s, color: '#6b7280' });
};

const drawers: Record<string, Drawer> = {
  goals: bullets, frustrations: bullets, motivations: bullets, needs: bullets, brands: bullets,
  bio: paragraph, challenges: paragraph, context: paragraph, scenarios: paragraph, expectations: paragraph, custom: paragraph,
  quote, demographics, personality: levels, technology: levels, channels, scales,
  pieChart: pie, barChart: bars, media,
  liveMetrics: (ctx, data, box) => drawLiveMetrics(ctx.doc, ctx.s, ctx.accent, ctx.metrics, strs(data.show), box, ctx.text),
};

/** Draws the body of a section (everything below its title) inside `box`; unknown types draw nothing. */
export function drawSectionBody(ctx: SectionContext, type: string, data: Record<string, unknown>, box: Box): void {
  drawers[type]?.(ctx, data, box);
}
