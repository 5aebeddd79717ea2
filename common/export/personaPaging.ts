import type { PersonaDoc } from '../persona/document';
import { pageSize, type PageOrientation } from './paper';
import type { Box } from './pdfText';
import { maxTextScale } from './personaFill';

/**
 * Smallest scale from canvas pixels to points at which a whole canvas is put on one page: body text
 * is 11 px on the canvas, so 4.4 pt. A canvas that would need less continues on further pages at the
 * width's scale. 4.4 pt, not more, because a 12-column canvas on portrait A4 or Letter prints at
 * 5.3–5.5 pt whatever the rule (its width decides), and a landscape page of the same paper must hold
 * what the portrait one holds: at 7 pt the built-in templates fitted Letter portrait on one page but
 * ran onto a second, two-thirds empty, landscape A4 page.
 */
export const minScale = 4.4 / 11;

/** Margins of a persona page in points: around the canvas, and the footer's band at the bottom. */
export const pageMargin = 28;
export const footerH = 16;

/** A horizontal band of the canvas, in canvas pixels, that one PDF page shows. */
export interface CanvasSlice {
  top: number;
  bottom: number;
}

/**
 * How much wider than the canvas's proportions a one-page canvas may be printed, so that a canvas
 * bound by the page's height fills its width instead of leaving a quarter of the paper blank on each
 * side. The cards get wider; their text is sized by `s` and then by what the fullest card leaves room
 * for (personaFill). Taller only as far as that text can grow: cards stretched further down would
 * only be emptier.
 */
export const maxStretch = { x: 1.6, y: maxTextScale };

/** How a persona is put on paper: page size and orientation, scale, and the canvas band per page. */
export interface PagePlan {
  orientation: PageOrientation;
  size: { w: number; h: number };
  /** Points per canvas pixel that keep the canvas's proportions: text and the cards' chrome use it. */
  s: number;
  /** Points per canvas pixel across and down: the card grid stretched to fill the page (≥ `s`). */
  sx: number;
  sy: number;
  /** Left edge of the canvas on the page. */
  ox: number;
  slices: CanvasSlice[];
}

/**
 * Cuts a canvas `height` pixels tall into bands of at most `pageH`, each cut just above a section
 * that would otherwise be split. A section taller than a page keeps its page and is cut off there.
 */
export function sliceCanvas(rects: readonly Box[], height: number, pageH: number): CanvasSlice[] {
  const slices: CanvasSlice[] = [];
  let top = 0;
  while (top < height) {
    const bottom = top + pageH;
    // Within a pixel counts as the end: a page fitted to the canvas's height is that height give or
    // take rounding, and must not add a sliver of a second page.
    if (bottom >= height - 1) {
      slices.push({ top, bottom: height });
      break;
    }
    const crossing = rects.filter((r) => r.y >= top && r.y < bottom && r.y + r.h > bottom).map((r) => r.y - 6);
    const cut = Math.min(bottom, ...crossing);
    const end = cut > top + 1 ? cut : bottom;
    slices.push({ top, bottom: end });
    top = end;
  }
  return slices.length > 0 ? slices : [{ top: 0, bottom: height }];
}

function planFor(paper: Parameters<typeof pageSize>[0], orientation: PageOrientation, canvas: { w: number; h: number }, rects: readonly Box[]): PagePlan {
  const size = pageSize(paper, orientation);
  const availW = size.w - 2 * pageMargin;
  const availH = size.h - 2 * pageMargin - footerH;
  const fitW = availW / canvas.w;
  // Fit the page when that keeps text readable; else fill the page's width (the canvas runs onto
  // more pages either way, so its text may as well be as large as the width allows).
  const fitH = availH / canvas.h;
  const onePage = fitH >= minScale;
  const s = onePage ? Math.min(fitW, fitH) : fitW;
  // A canvas that continues on more pages keeps its proportions: its pages are cut at the width's scale.
  const sx = onePage ? Math.min(fitW, s * maxStretch.x) : s;
  const sy = onePage ? Math.min(fitH, s * maxStretch.y) : s;
  return { orientation, size, s, sx, sy, ox: pageMargin + (availW - canvas.w * sx) / 2, slices: sliceCanvas(rects, canvas.h, availH / sy) };
}

/**
 * The page plan of a persona. With no orientation asked for, the page follows the canvas: of
 * portrait and landscape, the one that prints it larger (a scale above 1 counts as 1, so a sparse
 * canvas is not blown up), then the one with fewer pages, then the persona's own orientation.
 */
export function planPersonaPages(persona: PersonaDoc, paper: Parameters<typeof pageSize>[0], canvas: { w: number; h: number }, rects: readonly Box[], orientation?: PageOrientation): PagePlan {
  if (orientation) return planFor(paper, orientation, canvas, rects);
  const own = planFor(paper, persona.orientation, canvas, rects);
  const other = planFor(paper, persona.orientation === 'portrait' ? 'landscape' : 'portrait', canvas, rects);
  const a = Math.min(own.s, 1);
  const b = Math.min(other.s, 1);
  if (Math.abs(a - b) > 0.05 * Math.max(a, b)) return b > a ? other : own;
  return other.slices.length < own.slices.length ? other : own;
}
