import type { jsPDF } from 'jspdf';
import type { Box } from './pdfText';

/** Mixes a `#rrggbb` colour with white; `amount` 0 keeps it, 1 gives white. For soft fills. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

/** A filled rounded rectangle. */
export function fillRounded(doc: jsPDF, box: Box, radius: number, fill: string, stroke?: string): void {
  doc.setFillColor(fill);
  if (stroke) doc.setDrawColor(stroke);
  roundedPath(doc, box, radius);
  if (stroke) doc.fillStroke();
  else doc.fill();
}

// A quarter circle as one cubic Bézier: control points at this fraction of the radius.
const kappa = (4 / 3) * (Math.SQRT2 - 1);

/**
 * The outline of a rounded rectangle as the current path, to fill or clip by. A radius of half the
 * shorter side gives a pill, and of a square a true circle. jsPDF's own roundedRect is not used: its
 * corners bulge and flatten (a "round" photo printed as a lopsided squircle).
 */
export function roundedPath(doc: jsPDF, box: Box, radius: number): void {
  const r = Math.max(0, Math.min(radius, box.w / 2, box.h / 2));
  const k = r * kappa;
  const { x, y, w, h } = box;
  doc.moveTo(x + r, y);
  doc.lineTo(x + w - r, y);
  doc.curveTo(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
  doc.lineTo(x + w, y + h - r);
  doc.curveTo(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
  doc.lineTo(x + r, y + h);
  doc.curveTo(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
  doc.lineTo(x, y + r);
  doc.curveTo(x, y + r - k, x + r - k, y, x + r, y);
  doc.close();
}

/** A horizontal bar: a grey track and an accent fill for `fraction` (0–1) of it. */
export function drawBar(doc: jsPDF, box: Box, fraction: number, color: string): void {
  fillRounded(doc, box, box.h / 2, '#e5e7eb');
  const f = Math.max(0, Math.min(1, fraction));
  if (f > 0) fillRounded(doc, { ...box, w: Math.max(box.h, box.w * f) }, box.h / 2, color);
}

/**
 * A pie wedge from angle `a0` to `a1` (radians, clockwise from 12 o'clock) as a filled vector
 * polygon: jsPDF has no arc primitive, and 2° steps are smooth at any print size we offer.
 */
export function drawWedge(doc: jsPDF, cx: number, cy: number, r: number, a0: number, a1: number, color: string): void {
  const steps = Math.max(2, Math.ceil((a1 - a0) / (Math.PI / 90)));
  const pts: [number, number][] = [[cx, cy]];
  for (let i = 0; i <= steps; i++) {
    const a = a0 + ((a1 - a0) * i) / steps;
    pts.push([cx + r * Math.sin(a), cy - r * Math.cos(a)]);
  }
  const deltas: number[][] = [];
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i];
    const q = pts[i - 1];
    if (p && q) deltas.push([p[0] - q[0], p[1] - q[1]]);
  }
  doc.setFillColor(color);
  doc.lines(deltas, cx, cy, [1, 1], 'F', true);
}

/** Colours for chart series, picked for contrast on white and in greyscale print. */
export const chartPalette = ['#4f46e5', '#0891b2', '#16a34a', '#ca8a04', '#dc2626', '#9333ea', '#db2777', '#475569'];

/** The palette colour for series `i`, the persona's accent first. */
export function seriesColor(i: number, accent: string): string {
  return i === 0 ? accent : (chartPalette[i % chartPalette.length] ?? accent);
}
