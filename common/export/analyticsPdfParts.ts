/**
 * Drawing blocks of the analytics report: KPI cards, tables that flow onto new pages, stacked
 * distribution bars, coverage bars, a pie and a line. All vector shapes and real text, so the
 * report prints sharp and its numbers can be searched and copied.
 */
import type { jsPDF } from 'jspdf';
import { drawLabel, setFont, wrap } from './pdfText';
import { drawBar, drawWedge, fillRounded, tint } from './pdfShapes';

/** A count with thousands separators ("1,020"), the same everywhere in the report. */
export const num = (v: number): string => v.toLocaleString('en-US');

/** A page being filled top-down; `need(h)` starts a new page when `h` points do not fit. */
export interface Flow {
  doc: jsPDF;
  x: number;
  w: number;
  y: number;
  /** Bottom of the printable area. */
  bottom: number;
  top: number;
  need(h: number): void;
}

/** Creates the page cursor for a document whose pages are `size`, with `margin` all round. */
export function createFlow(doc: jsPDF, size: { w: number; h: number }, margin: number): Flow {
  const flow: Flow = {
    doc, x: margin, w: size.w - 2 * margin, y: margin, top: margin, bottom: size.h - margin,
    need(h) {
      if (flow.y + h <= flow.bottom) return;
      doc.addPage([size.w, size.h], size.w > size.h ? 'landscape' : 'portrait');
      flow.y = flow.top;
    },
  };
  return flow;
}

/** Colours of the match buckets, the same as the dashboard's. */
export const bucketColors = { strong: '#16a34a', moderate: '#ca8a04', weak: '#9ca3af' } as const;

/** A section heading. */
export function heading(f: Flow, text: string, size = 13): void {
  f.need(size * 2.6);
  f.y += size * 0.6;
  setFont(f.doc, size, true, '#111827');
  drawLabel(f.doc, text, f.x, f.y + size, f.w);
  f.y += size * 1.7;
}

/** A row of KPI cards: label, value, hint. */
export function kpiCards(f: Flow, items: { label: string; value: string; hint?: string }[], accent: string): void {
  const h = 58, gap = 8;
  f.need(h + 10);
  const w = (f.w - gap * (items.length - 1)) / Math.max(1, items.length);
  items.forEach((item, i) => {
    const x = f.x + i * (w + gap);
    fillRounded(f.doc, { x, y: f.y, w, h }, 6, tint(accent, 0.9));
    setFont(f.doc, 8.5, false, '#4b5563');
    drawLabel(f.doc, item.label, x + 8, f.y + 15, w - 16);
    setFont(f.doc, 17, true, '#111827');
    drawLabel(f.doc, item.value, x + 8, f.y + 36, w - 16);
    if (item.hint) {
      setFont(f.doc, 7.5, false, '#6b7280');
      drawLabel(f.doc, item.hint, x + 8, f.y + 50, w - 16);
    }
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
  const layout = (cells: string[], bold: boolean) => {
    setFont(f.doc, 8.5, bold);
    const lines = cells.map((cell, i) => {
      const all = wrap(f.doc, cell, (widths[i] ?? 0) * f.w - 8);
      return all.length > 3 ? [...all.slice(0, 2), `${all[2]}…`] : all;
    });
    return { lines, h: Math.max(1, ...lines.map((l) => l.length)) * lineH + pad };
  };
  const drawRow = (cells: string[], bold: boolean, fill: string | null) => {
    const { lines, h } = layout(cells, bold);
    if (fill) fillRounded(f.doc, { x: f.x, y: f.y, w: f.w, h }, 2, fill);
    setFont(f.doc, 8.5, bold, bold ? '#111827' : '#1f2937');
    lines.forEach((cellLines, i) => {
      const w = (widths[i] ?? 0) * f.w - 8;
      const right = align[i] === 'right';
      cellLines.forEach((line, k) => drawLabel(f.doc, line, right ? xs[i]! + w + 4 : xs[i]! + 4, f.y + 11.5 + k * lineH, w, right ? 'right' : 'left'));
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
      if (named) heading(f, owned(`${named.title} (continued)`), titleSize);
      drawRow(headers, true, '#e0e7ff');
    }
    drawRow(row, false, i % 2 === 1 ? '#f9fafb' : null);
  });
  f.y += 8;
}

/** One stacked bar per persona: strong, moderate and weak shares, with the counts written beside. */
export function distributionBars(f: Flow, items: { name: string; strong: number; moderate: number; weak: number }[]): void {
  const barH = 12, rowH = 22, labelW = Math.min(150, f.w * 0.28), countW = 120;
  legend(f, [['Strong ≥ 70', bucketColors.strong], ['Moderate 50–69', bucketColors.moderate], ['Weak < 50', bucketColors.weak]]);
  for (const it of items) {
    f.need(rowH);
    const total = it.strong + it.moderate + it.weak;
    setFont(f.doc, 9, false, '#1f2937');
    drawLabel(f.doc, it.name, f.x, f.y + 10, labelW - 8);
    const bx = f.x + labelW, bw = f.w - labelW - countW;
    fillRounded(f.doc, { x: bx, y: f.y + 1, w: bw, h: barH }, 2, '#f3f4f6');
    let x = bx;
    for (const k of ['strong', 'moderate', 'weak'] as const) {
      const w = total > 0 ? (bw * it[k]) / total : 0;
      if (w > 0) {
        f.doc.setFillColor(bucketColors[k]);
        f.doc.rect(x, f.y + 1, w, barH, 'F');
      }
      x += w;
    }
    setFont(f.doc, 8, false, '#4b5563');
    drawLabel(f.doc, `${num(it.strong)} / ${num(it.moderate)} / ${num(it.weak)}`, f.x + f.w, f.y + 10, countW - 8, 'right');
    f.y += rowH;
  }
  f.y += 6;
}

/** One horizontal bar per item, its value in percent written at the end. */
export function percentBars(f: Flow, items: { name: string; percent: number; color: string; note?: string }[]): void {
  const rowH = 20, labelW = Math.min(150, f.w * 0.28), valueW = 120;
  for (const it of items) {
    f.need(rowH);
    setFont(f.doc, 9, false, '#1f2937');
    drawLabel(f.doc, it.name, f.x, f.y + 10, labelW - 8);
    drawBar(f.doc, { x: f.x + labelW, y: f.y + 2, w: f.w - labelW - valueW, h: 10 }, it.percent / 100, it.color);
    setFont(f.doc, 8.5, true, '#111827');
    drawLabel(f.doc, `${it.percent.toFixed(1)}%${it.note ? ` (${it.note})` : ''}`, f.x + f.w, f.y + 10, valueW - 8, 'right');
    f.y += rowH;
  }
  f.y += 6;
}

/** A pie of the three buckets with a legend of counts and shares beside it. */
export function distributionPie(f: Flow, d: { strong: number; moderate: number; weak: number }): void {
  const r = 48;
  f.need(2 * r + 12);
  const total = d.strong + d.moderate + d.weak;
  const cx = f.x + r + 4, cy = f.y + r + 4;
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
  const names = { strong: 'Strong (≥ 70)', moderate: 'Moderate (50–69)', weak: 'Weak (< 50)' };
  (['strong', 'moderate', 'weak'] as const).forEach((k, i) => {
    const y = f.y + 22 + i * 22;
    f.doc.setFillColor(bucketColors[k]);
    f.doc.rect(cx + r + 24, y - 8, 9, 9, 'F');
    setFont(f.doc, 9.5, false, '#1f2937');
    const pct = total > 0 ? ` · ${((d[k] * 100) / total).toFixed(1)}%` : '';
    drawLabel(f.doc, `${names[k]}: ${num(d[k])}${pct}`, cx + r + 40, y, f.w - 2 * r - 50);
  });
  f.y += 2 * r + 14;
}

/** A line of values per day (nulls leave gaps), with the first and last day under the axis. */
export function lineChart(f: Flow, points: { day: string; value: number | null }[], color: string, label: string, domain: [number, number] = [0, 1]): void {
  const h = 90;
  f.need(h + 28);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(domain[0], ...values), hi = Math.max(domain[1], ...values);
  const box = { x: f.x + 30, y: f.y + 4, w: f.w - 34, h };
  f.doc.setDrawColor('#d1d5db');
  f.doc.setLineWidth(0.5);
  f.doc.line(box.x, box.y + h, box.x + box.w, box.y + h);
  f.doc.line(box.x, box.y, box.x, box.y + h);
  setFont(f.doc, 7.5, false, '#6b7280');
  drawLabel(f.doc, hi.toFixed(0), box.x - 4, box.y + 6, 26, 'right');
  drawLabel(f.doc, lo.toFixed(0), box.x - 4, box.y + h, 26, 'right');
  const px = (i: number) => box.x + (points.length > 1 ? (box.w * i) / (points.length - 1) : box.w / 2);
  const py = (v: number) => box.y + h - ((v - lo) / (hi - lo || 1)) * h;
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
  drawLabel(f.doc, points[0]?.day ?? '', box.x, box.y + h + 11, 80);
  drawLabel(f.doc, points.at(-1)?.day ?? '', box.x + box.w, box.y + h + 11, 80, 'right');
  drawLabel(f.doc, label, box.x + box.w / 2, box.y + h + 11, 160, 'center');
  f.y += h + 24;
}

function legend(f: Flow, items: [string, string][]): void {
  f.need(18);
  let x = f.x;
  setFont(f.doc, 8, false, '#4b5563');
  for (const [label, color] of items) {
    f.doc.setFillColor(color);
    f.doc.rect(x, f.y + 2, 8, 8, 'F');
    f.doc.text(label, x + 12, f.y + 9.5);
    x += 18 + f.doc.getTextWidth(label);
  }
  f.y += 16;
}
