/**
 * Drawing blocks of the analytics report: KPI cards, tables that flow onto new pages, stacked
 * distribution bars, coverage bars, a pie and a line. All vector shapes and real text, so the
 * report prints sharp and its numbers can be searched and copied.
 */
import type { jsPDF } from 'jspdf';
import { analyticsWords, type AnalyticsWords } from './analyticsText';
import { textWidth } from './pdfRuns';
import { drawLabel, setFont, wrap } from './pdfText';
import { drawWedge, fillRounded, tint } from './pdfShapes';

/**
 * A page being filled top-down; `need(h)` starts a new page when `h` points do not fit. In a
 * right-to-left language every block is laid out mirrored: pass left-to-right geometry to
 * {@link label} and {@link box} and they flip it about the page's middle.
 */
export interface Flow {
  doc: jsPDF;
  /** The report's language: its words, number formats and direction. */
  words: AnalyticsWords;
  rtl: boolean;
  x: number;
  w: number;
  y: number;
  /** Bottom of the printable area. */
  bottom: number;
  top: number;
  need(h: number): void;
}

/** Creates the page cursor for a document whose pages are `size`, with `margin` all round. */
export function createFlow(doc: jsPDF, size: { w: number; h: number }, margin: number, words: AnalyticsWords = analyticsWords()): Flow {
  const flow: Flow = {
    doc, words, rtl: words.text.rtl, x: margin, w: size.w - 2 * margin, y: margin, top: margin, bottom: size.h - margin,
    need(h) {
      if (flow.y + h <= flow.bottom) return;
      doc.addPage([size.w, size.h], size.w > size.h ? 'landscape' : 'portrait');
      flow.y = flow.top;
    },
  };
  return flow;
}

/**
 * Draws a one-line label given left-to-right geometry (anchor `x`, `align`); right to left, the
 * anchor is mirrored and the alignment swapped, so a left-aligned label hangs from the right.
 */
export function label(f: Flow, text: string, x: number, baseline: number, width: number, align: 'left' | 'right' | 'center' = 'left'): void {
  if (!f.rtl) return drawLabel(f.doc, text, x, baseline, width, align);
  drawLabel(f.doc, text, 2 * f.x + f.w - x, baseline, width, align === 'left' ? 'right' : align === 'right' ? 'left' : 'center');
}

/** A box given left-to-right, mirrored right to left. */
export function box(f: Flow, b: { x: number; y: number; w: number; h: number }): { x: number; y: number; w: number; h: number } {
  return f.rtl ? { ...b, x: 2 * f.x + f.w - b.x - b.w } : b;
}

/** Colours of the match buckets, the same as the dashboard's. */
export const bucketColors = { strong: '#16a34a', moderate: '#ca8a04', weak: '#9ca3af' } as const;

/**
 * The font size, at most `size` and at least `min`, at which every word of `text` fits `width`: a
 * long German compound in a narrow column shrinks a little rather than breaking mid-word.
 */
export function fitSize(doc: jsPDF, text: string, width: number, size: number, bold = false, min = size * 0.75): number {
  setFont(doc, size, bold);
  const widest = Math.max(0, ...text.split(/\s+/).map((word) => textWidth(doc, word)));
  return widest <= width ? size : Math.max(min, (size * width) / widest);
}

/** A section heading; one too long for the line (German, French) wraps onto a second. */
export function heading(f: Flow, text: string, size = 13): void {
  setFont(f.doc, size, true, '#111827');
  const lines = wrap(f.doc, text, f.w);
  const kept = lines.length > 2 ? [lines[0]!, lines.slice(1).join(' ')] : lines;
  f.need(size * 2.6 + (kept.length - 1) * size * 1.2);
  f.y += size * 0.6;
  setFont(f.doc, size, true, '#111827');
  kept.forEach((l, k) => label(f, l, f.x, f.y + size + k * size * 1.2, f.w));
  f.y += size * 1.7 + (kept.length - 1) * size * 1.2;
}

/**
 * A row of KPI cards: label, value, hint. A label or hint too long for its card (German and French
 * run a third longer than English) wraps onto a second line and the whole row grows with it, so no
 * card cuts its words; past two lines the rest ends in an ellipsis.
 */
export function kpiCards(f: Flow, items: { label: string; value: string; hint?: string | undefined }[], accent: string): void {
  const gap = 8;
  const w = (f.w - gap * (items.length - 1)) / Math.max(1, items.length);
  const lines = (text: string | undefined, size: number) => {
    if (!text) return { size, lines: [] };
    const fitted = fitSize(f.doc, text, w - 16, size);
    setFont(f.doc, fitted);
    const all = wrap(f.doc, text, w - 16);
    return { size: fitted, lines: all.length > 2 ? [all[0]!, `${all.slice(1).join(' ')}`] : all };
  };
  const labelFits = items.map((it) => lines(it.label, 8.5));
  const hintFits = items.map((it) => lines(it.hint, 7.5));
  const labels = labelFits.map((l) => l.lines), hints = hintFits.map((l) => l.lines);
  const labelN = Math.max(1, ...labels.map((l) => l.length));
  const hintN = Math.max(1, ...hints.map((l) => l.length));
  const h = 58 + (labelN - 1) * 10.5 + (hintN - 1) * 9;
  f.need(h + 10);
  items.forEach((item, i) => {
    const x = f.x + i * (w + gap);
    fillRounded(f.doc, box(f, { x, y: f.y, w, h }), 6, tint(accent, 0.9));
    setFont(f.doc, labelFits[i]!.size, false, '#4b5563');
    labels[i]!.forEach((l, k) => label(f, l, x + 8, f.y + 15 + k * 10.5, w - 16));
    const valueY = f.y + 36 + (labelN - 1) * 10.5;
    setFont(f.doc, 17, true, '#111827');
    label(f, item.value, x + 8, valueY, w - 16);
    setFont(f.doc, hintFits[i]!.size, false, '#6b7280');
    hints[i]!.forEach((l, k) => label(f, l, x + 8, valueY + 14 + k * 9, w - 16));
  });
  f.y += h + 10;
}

/** Where a table belongs, so a page it flows onto still says what it is. */
export interface TableTitle {
  /** The table's heading ("Top matches"). */
  title: string;
  /** Whose table it is ("Maya Chen"), printed with the heading on any page but the owner's first. */
  context?: string;
}

const titleSize = 13;
const titleH = titleSize * 2.6;

/**
 * A table under its heading, with the header row repeated on every page it flows onto; `widths`
 * are fractions of the width. Long cells wrap (up to three lines) rather than losing their end.
 * A table that fits on one page is never split: it moves to the next page with its heading. A
 * longer one starts with at least its first row under the heading, and each page it continues on
 * repeats the heading with the owner's name ("Maya Chen · Top matches (continued)").
 */
export function table(f: Flow, headers: string[], rows: string[][], widths: number[], align: ('left' | 'right')[] = [], named?: TableTitle): void {
  const lineH = 10.5, pad = 5.5;
  const xs: number[] = [];
  widths.reduce((x, w) => (xs.push(x), x + w * f.w), f.x);
  // The header row shrinks (to 6.5 pt at least) until each of its words fits its column, so a
  // long word ("Bewertet", "Correspondance") is never broken inside.
  const headerSize = Math.min(...headers.map((h, i) => fitSize(f.doc, h, (widths[i] ?? 0) * f.w - 8, 8.5, true, 6.5)));
  const layout = (cells: string[], bold: boolean) => {
    setFont(f.doc, bold ? headerSize : 8.5, bold);
    const lines = cells.map((cell, i) => {
      const all = wrap(f.doc, cell, (widths[i] ?? 0) * f.w - 8);
      return all.length > 3 ? [...all.slice(0, 2), `${all[2]}…`] : all;
    });
    return { lines, h: Math.max(1, ...lines.map((l) => l.length)) * lineH + pad };
  };
  const drawRow = (cells: string[], bold: boolean, fill: string | null) => {
    const { lines, h } = layout(cells, bold);
    if (fill) fillRounded(f.doc, { x: f.x, y: f.y, w: f.w, h }, 2, fill);
    setFont(f.doc, bold ? headerSize : 8.5, bold, bold ? '#111827' : '#1f2937');
    lines.forEach((cellLines, i) => {
      const w = (widths[i] ?? 0) * f.w - 8;
      const right = align[i] === 'right';
      cellLines.forEach((line, k) => label(f, line, right ? xs[i]! + w + 4 : xs[i]! + 4, f.y + 11.5 + k * lineH, w, right ? 'right' : 'left'));
    });
    f.y += h;
  };
  const headerH = layout(headers, true).h;
  const rowHs = rows.map((row) => layout(row, false).h);
  const headH = named ? titleH : 0;
  const whole = headH + headerH + rowHs.reduce((t, h) => t + h, 0);
  const owned = (text: string) => (named?.context ? `${named.context} · ${text}` : text);
  // Whole on one page when it can be; else at least the first row under the heading.
  f.need(whole <= f.bottom - f.top ? whole : headH + headerH + (rowHs[0] ?? lineH + pad));
  if (named) heading(f, f.y === f.top ? owned(named.title) : named.title, titleSize);
  drawRow(headers, true, '#e0e7ff');
  rows.forEach((row, i) => {
    const h = rowHs[i]!;
    if (f.y + h > f.bottom) {
      f.need(headH + headerH + h);
      if (named) heading(f, owned(f.words.text.t('report.analytics.continued', { title: named.title })), titleSize);
      drawRow(headers, true, '#e0e7ff');
    }
    drawRow(row, false, i % 2 === 1 ? '#f9fafb' : null);
  });
  f.y += 8;
}

/** One stacked bar per persona: strong, moderate and weak shares, with the counts written beside. */
export function distributionBars(f: Flow, items: { name: string; strong: number; moderate: number; weak: number }[]): void {
  const barH = 12, rowH = 22, labelW = Math.min(150, f.w * 0.28);
  const { t } = f.words.text, num = f.words.num;
  const counts = items.map((it) => `${num(it.strong)} / ${num(it.moderate)} / ${num(it.weak)}`);
  setFont(f.doc, 8);
  const countW = Math.min(f.w * 0.4, Math.max(120, ...counts.map((c) => textWidth(f.doc, c) + 12)));
  legend(f, [[t('report.analytics.strong'), bucketColors.strong], [t('report.analytics.moderate'), bucketColors.moderate], [t('report.analytics.weak'), bucketColors.weak]]);
  items.forEach((it, i) => {
    f.need(rowH);
    const total = it.strong + it.moderate + it.weak;
    setFont(f.doc, 9, false, '#1f2937');
    label(f, it.name, f.x, f.y + 10, labelW - 8);
    const bx = f.x + labelW, bw = f.w - labelW - countW;
    fillRounded(f.doc, box(f, { x: bx, y: f.y + 1, w: bw, h: barH }), 2, '#f3f4f6');
    let x = bx;
    for (const k of ['strong', 'moderate', 'weak'] as const) {
      const w = total > 0 ? (bw * it[k]) / total : 0;
      if (w > 0) {
        const r = box(f, { x, y: f.y + 1, w, h: barH });
        f.doc.setFillColor(bucketColors[k]);
        f.doc.rect(r.x, r.y, r.w, r.h, 'F');
      }
      x += w;
    }
    setFont(f.doc, 8, false, '#4b5563');
    label(f, counts[i]!, f.x + f.w, f.y + 10, countW - 8, 'right');
    f.y += rowH;
  });
  f.y += 6;
}

/** One horizontal bar per item, its value in percent written at the end. */
export function percentBars(f: Flow, items: { name: string; percent: number; color: string; note?: string }[]): void {
  const rowH = 20, labelW = Math.min(150, f.w * 0.28);
  const values = items.map((it) => `${f.words.pct(it.percent)}${it.note ? ` (${it.note})` : ''}`);
  // The value column is as wide as its longest figure ("23,3 % (1.163 von 5.000)"), never cut.
  setFont(f.doc, 8.5, true);
  const valueW = Math.min(f.w * 0.4, Math.max(120, ...values.map((v) => textWidth(f.doc, v) + 12)));
  items.forEach((it, i) => {
    f.need(rowH);
    setFont(f.doc, 9, false, '#1f2937');
    label(f, it.name, f.x, f.y + 10, labelW - 8);
    const track = { x: f.x + labelW, y: f.y + 2, w: f.w - labelW - valueW, h: 10 };
    fillRounded(f.doc, box(f, track), track.h / 2, '#e5e7eb');
    const share = Math.max(0, Math.min(1, it.percent / 100));
    // The bar grows from the start of the line: the left edge, or the right one right to left.
    if (share > 0) fillRounded(f.doc, box(f, { ...track, w: Math.max(track.h, track.w * share) }), track.h / 2, it.color);
    setFont(f.doc, 8.5, true, '#111827');
    label(f, values[i]!, f.x + f.w, f.y + 10, valueW - 8, 'right');
    f.y += rowH;
  });
  f.y += 6;
}

/** A pie of the three buckets with a legend of counts and shares beside it. */
export function distributionPie(f: Flow, d: { strong: number; moderate: number; weak: number }): void {
  const r = 48;
  f.need(2 * r + 12);
  const total = d.strong + d.moderate + d.weak;
  // Mirrored right to left: the pie on the right, its legend to its left.
  const cx = f.rtl ? f.x + f.w - r - 4 : f.x + r + 4, cy = f.y + r + 4;
  let a = 0;
  if (total === 0) {
    f.doc.setFillColor('#e5e7eb');
    f.doc.circle(cx, cy, r, 'F');
  }
  for (const k of ['strong', 'moderate', 'weak'] as const) {
    const share = total > 0 ? d[k] / total : 0;
    if (share > 0) drawWedge(f.doc, cx, cy, r, a, a + share * 2 * Math.PI, bucketColors[k]);
    a += share * 2 * Math.PI;
  }
  const { t } = f.words.text;
  const names = { strong: t('report.analytics.strong'), moderate: t('report.analytics.moderate'), weak: t('report.analytics.weak') };
  const lx = f.x + 2 * r + 4;
  (['strong', 'moderate', 'weak'] as const).forEach((k, i) => {
    const y = f.y + 22 + i * 22;
    const swatch = box(f, { x: lx + 24, y: y - 8, w: 9, h: 9 });
    f.doc.setFillColor(bucketColors[k]);
    f.doc.rect(swatch.x, swatch.y, swatch.w, swatch.h, 'F');
    setFont(f.doc, 9.5, false, '#1f2937');
    const pct = total > 0 ? ` · ${f.words.pct((d[k] * 100) / total)}` : '';
    label(f, `${names[k]}: ${f.words.num(d[k])}${pct}`, lx + 40, y, f.w - 2 * r - 50);
  });
  f.y += 2 * r + 14;
}

/**
 * A line of values per day (nulls leave gaps), with the first and last day under the axis. Right
 * to left, time runs from right to left and the value axis stands on the right.
 */
export function lineChart(f: Flow, points: { day: string; value: number | null }[], color: string, caption: string, domain: [number, number] = [0, 1]): void {
  const h = 90;
  f.need(h + 28);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(domain[0], ...values), hi = Math.max(domain[1], ...values);
  const plot = { x: f.x + 30, y: f.y + 4, w: f.w - 34, h };
  const mirrored = box(f, plot);
  f.doc.setDrawColor('#d1d5db');
  f.doc.setLineWidth(0.5);
  f.doc.line(mirrored.x, plot.y + h, mirrored.x + plot.w, plot.y + h);
  const axisX = f.rtl ? mirrored.x + plot.w : mirrored.x;
  f.doc.line(axisX, plot.y, axisX, plot.y + h);
  setFont(f.doc, 7.5, false, '#6b7280');
  const { num, day } = f.words;
  label(f, num(Math.round(hi)), plot.x - 4, plot.y + 6, 26, 'right');
  label(f, num(Math.round(lo)), plot.x - 4, plot.y + h, 26, 'right');
  const along = (i: number) => (points.length > 1 ? (plot.w * i) / (points.length - 1) : plot.w / 2);
  const px = (i: number) => (f.rtl ? mirrored.x + plot.w - along(i) : plot.x + along(i));
  const py = (v: number) => plot.y + h - ((v - lo) / (hi - lo || 1)) * h;
  f.doc.setDrawColor(color);
  f.doc.setLineWidth(1.5);
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (p.value !== null && prev && prev.value !== null) f.doc.line(px(i - 1), py(prev.value), px(i), py(p.value));
    if (p.value !== null) {
      f.doc.setFillColor(color);
      f.doc.circle(px(i), py(p.value), 1.8, 'F');
    }
  });
  setFont(f.doc, 7.5, false, '#6b7280');
  label(f, points[0] ? day(points[0].day) : '', plot.x, plot.y + h + 11, 90);
  label(f, points.at(-1) ? day(points.at(-1)!.day) : '', plot.x + plot.w, plot.y + h + 11, 90, 'right');
  label(f, caption, plot.x + plot.w / 2, plot.y + h + 11, Math.max(60, plot.w - 200), 'center');
  f.y += h + 24;
}

function legend(f: Flow, items: [string, string][]): void {
  f.need(18);
  let x = f.x;
  setFont(f.doc, 8, false, '#4b5563');
  for (const [text, color] of items) {
    const w = textWidth(f.doc, text);
    const swatch = box(f, { x, y: f.y + 2, w: 8, h: 8 });
    f.doc.setFillColor(color);
    f.doc.rect(swatch.x, swatch.y, swatch.w, swatch.h, 'F');
    label(f, text, x + 12, f.y + 9.5, w + 4);
    x += 18 + w;
  }
  f.y += 16;
}
