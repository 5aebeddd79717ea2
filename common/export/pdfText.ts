import type { jsPDF } from 'jspdf';
import { pdfFontFamily } from './fonts';

/** A rectangle on a PDF page, in points. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Options of {@link drawText}. */
export interface TextOptions {
  /** Font size in points. */
  size: number;
  bold?: boolean;
  /** `#rrggbb`; dark grey by default. */
  color?: string;
  /** Line height as a multiple of the size. */
  leading?: number;
  /** Most lines to draw; the last kept line ends with an ellipsis when text is cut. */
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
}

// Arabic, Hebrew, Syriac, Thaana and their presentation forms: lines with these read right to left.
const rtlChars = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Whether text should be set right to left (it contains a right-to-left script). */
export function isRtl(text: string): boolean {
  return rtlChars.test(text);
}

/** Selects the export font at a size, weight and colour. */
export function setFont(doc: jsPDF, size: number, bold = false, color = '#1f2937'): void {
  doc.setFont(pdfFontFamily, bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  doc.setTextColor(color);
}

/** Splits text into the lines that fit `width` at the current font, keeping the user's line breaks. */
export function wrap(doc: jsPDF, text: string, width: number): string[] {
  if (text.trim() === '') return [];
  return (doc.splitTextToSize(text, Math.max(width, 1)) as string[]).map((l) => l.trimEnd());
}

/**
 * Draws wrapped text as real PDF text from the top of `box` down and returns the height used. Text
 * that does not fit the box's height is cut with an ellipsis rather than spilling onto a neighbour.
 */
export function drawText(doc: jsPDF, text: string, box: Box, opts: TextOptions): number {
  setFont(doc, opts.size, opts.bold, opts.color);
  const lineH = opts.size * (opts.leading ?? 1.25);
  const fit = Math.max(0, Math.floor(box.h / lineH));
  const limit = Math.min(fit, opts.maxLines ?? fit);
  const lines = wrap(doc, text, box.w);
  if (limit === 0 || lines.length === 0) return 0;
  const kept = lines.slice(0, limit);
  if (lines.length > limit) kept[limit - 1] = ellipsis(doc, kept[limit - 1] ?? '', box.w);
  kept.forEach((line, i) => drawLine(doc, line, box, box.y + opts.size * 0.85 + i * lineH, opts.align));
  return kept.length * lineH;
}

function drawLine(doc: jsPDF, line: string, box: Box, baseline: number, align: TextOptions['align']): void {
  // Right-to-left lines hang from the right edge, as they would on the canvas.
  const a = align ?? (isRtl(line) ? 'right' : 'left');
  const x = a === 'left' ? box.x : a === 'right' ? box.x + box.w : box.x + box.w / 2;
  doc.text(line, x, baseline, { align: a, baseline: 'alphabetic' });
}

function ellipsis(doc: jsPDF, line: string, width: number): string {
  let cut = line;
  while (cut.length > 0 && doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Draws one line of text cut to `width`; for labels in tables and charts. */
export function drawLabel(doc: jsPDF, text: string, x: number, baseline: number, width: number, align: TextOptions['align'] = 'left'): void {
  const line = doc.getTextWidth(text) > width ? ellipsis(doc, text, width) : text;
  doc.text(line, x, baseline, { align, baseline: 'alphabetic' });
}
