import type { jsPDF } from 'jspdf';
import { familyFor, pdfFontFamily } from './fonts';
import { baseIsRtl } from './pdfBidi';
import { drawRuns, textWidth } from './pdfRuns';

export { textWidth } from './pdfRuns';

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

/**
 * Whether text is set right to left: its first strong character is of a right-to-left script, as
 * the canvas's `dir="auto"` decides (a Latin sentence quoting a Hebrew word stays left to right).
 */
export function isRtl(text: string): boolean {
  return baseIsRtl(text);
}

/** Selects the export font at a size, weight and colour. */
export function setFont(doc: jsPDF, size: number, bold = false, color = '#1f2937'): void {
  doc.setFont(pdfFontFamily, bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  doc.setTextColor(color);
}

// Text jsPDF's own splitter measures right: no Arabic (measured shaped) and no fallback-font glyph.
function mainFontOnly(doc: jsPDF, text: string): boolean {
  if (/[\u0600-\u06FF]/.test(text)) return false;
  for (const ch of text) if (ch.charCodeAt(0) > 0x7f && familyFor(doc, ch.codePointAt(0) ?? 0) !== pdfFontFamily) return false;
  return true;
}

// Scripts written without spaces between words: a line may break between any two of their characters.
const unspaced = /[\u0E00-\u0E7F\u2E80-\u9FFF\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** Greedy line breaking measured run by run (fallback fonts, shaped Arabic). */
function wrapMeasured(doc: jsPDF, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/\S+\s*|\s+/g) ?? [''];
    const pieces = tokens.flatMap((t) => (unspaced.test(t) ? (t.match(/[\u0E00-\u0E7F\u2E80-\u9FFF\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF][\p{M}]*\s*|[^\u0E00-\u0E7F\u2E80-\u9FFF\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF]+/gu) ?? [t]) : [t]));
    let line = '';
    for (const piece of pieces) {
      if (line === '' || textWidth(doc, (line + piece).trimEnd()) <= width) {
        line += piece;
        continue;
      }
      lines.push(line);
      line = piece.trimStart();
    }
    // A single word wider than the line is cut by characters rather than overflowing.
    lines.push(line);
  }
  return lines.flatMap((l) => hardBreak(doc, l, width));
}

function hardBreak(doc: jsPDF, line: string, width: number): string[] {
  if (textWidth(doc, line.trimEnd()) <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (cur !== '' && !/\p{M}/u.test(ch) && textWidth(doc, cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  return [...out, cur];
}

/** Splits text into the lines that fit `width` at the current font, keeping the user's line breaks. */
export function wrap(doc: jsPDF, text: string, width: number): string[] {
  if (text.trim() === '') return [];
  const lines = mainFontOnly(doc, text) ? (doc.splitTextToSize(text, Math.max(width, 1)) as string[]) : wrapMeasured(doc, text, Math.max(width, 1));
  return lines.map((l) => l.trimEnd());
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
  drawRuns(doc, line, x, baseline, a);
}

function ellipsis(doc: jsPDF, line: string, width: number): string {
  let cut = Array.from(line);
  while (cut.length > 0 && textWidth(doc, `${cut.join('')}…`) > width) cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}…`;
}

/** Draws one line of text cut to `width`; for labels in tables and charts. */
export function drawLabel(doc: jsPDF, text: string, x: number, baseline: number, width: number, align: TextOptions['align'] = 'left'): void {
  const line = textWidth(doc, text) > width ? ellipsis(doc, text, width) : text;
  drawRuns(doc, line, x, baseline, align);
}
