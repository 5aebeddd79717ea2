import { jsPDF } from 'jspdf';
import { registerFonts, type PdfFonts } from './fonts';
import { drawPoster, planPoster, posterMargin, type JourneyPdfInput, type PosterPaper } from './journeyPdf';
import { drawLabel, setFont } from './pdfText';
import { pageSize, type PageOrientation, type PaperSize } from './paper';
import { englishText, type ExportText } from '../i18n/exportText';

/** How to print a poster as sheets to tape together. */
export interface TiledPdfOptions {
  /** The poster size the map is laid out for. */
  poster: PosterPaper;
  orientation?: PageOrientation;
  /** The sheets the printer takes. */
  sheet: Extract<PaperSize, 'a4' | 'letter' | 'a3'>;
  /** How much neighbouring sheets repeat, in points, so they can be overlapped and taped ({@link defaultTileOverlap} by default). */
  overlap?: number;
  fonts: PdfFonts;
  /** The language of the sheet labels and the poster's own words; English by default. */
  text?: ExportText;
}

const sheetMargin = 24;

/** Rows and columns of sheets a poster needs: each sheet shows its printable area minus the overlap. */
export function tileGrid(poster: { w: number; h: number }, area: { w: number; h: number }, overlap: number): { cols: number; rows: number } {
  const step = (len: number, a: number) => Math.max(1, Math.ceil((len - overlap) / Math.max(1, a - overlap)));
  return { cols: step(poster.w, area.w), rows: step(poster.h, area.h) };
}

/** How much neighbouring sheets repeat by default: 6 mm, enough to glue or tape, small enough to waste little paper. */
export const defaultTileOverlap = 17;

/** How far a tiled drawing may shrink to save a column or row of sheets: 4 %, too little to notice on a wall. */
export const maxTileShrink = 0.04;

/** Where each sheet's piece of the drawing starts, in sheet points (the drawing scaled by `scale`). */
export interface TilePlan {
  cols: number;
  rows: number;
  /** The drawing's scale on the sheets: 1, or a little less when that saves a column or row. */
  scale: number;
  step: { x: number; y: number };
  /** The first sheet's top-left corner in the scaled poster's coordinates (before the drawing, to centre it). */
  origin: { x: number; y: number };
  overlap: number;
}

/**
 * Sheets advance by their printable area minus the overlap, so neighbours share exactly `overlap`
 * points. A drawing only just wider (or taller) than a whole number of sheets is shrunk by up to
 * {@link maxTileShrink} rather than printing a column of slivers. The drawing is centred on the grid,
 * so the spare paper is split between the first and last column (and row).
 */
export function planTiles(drawing: { x: number; y: number; w: number; h: number }, area: { w: number; h: number }, overlap: number): TilePlan {
  const ov = Math.max(0, Math.min(overlap, area.w / 4, area.h / 4));
  const step = { x: area.w - ov, y: area.h - ov };
  const full = tileGrid(drawing, area, ov);
  const shrunk = tileGrid({ w: drawing.w * (1 - maxTileShrink), h: drawing.h * (1 - maxTileShrink) }, area, ov);
  const fits = (n: number, s: number, len: number) => (n * s + ov) / len;
  const scale = Math.min(1,
    shrunk.cols < full.cols ? fits(shrunk.cols, step.x, drawing.w) : 1,
    shrunk.rows < full.rows ? fits(shrunk.rows, step.y, drawing.h) : 1);
  const { cols, rows } = tileGrid({ w: drawing.w * scale, h: drawing.h * scale }, area, ov);
  const covered = { w: cols * step.x + ov, h: rows * step.y + ov };
  return {
    cols, rows, scale, step, overlap: ov,
    origin: { x: drawing.x * scale - (covered.w - drawing.w * scale) / 2, y: drawing.y * scale - (covered.h - drawing.h * scale) / 2 },
  };
}

/**
 * The journey poster split over portrait sheets that overlap by a small strip, each labelled with its
 * row and column and with crop marks, so a workshop can print a wall map on an office printer: trim
 * a sheet at its marks and lay it over its neighbour's overlap. Every sheet carries the poster's
 * vector drawing shifted and clipped to its piece: text stays selectable on each sheet. Only the part
 * of the poster the map uses is tiled, so no sheet is blank paper with a label.
 */
export function buildJourneyTiledPdf(journey: JourneyPdfInput, options: TiledPdfOptions): Uint8Array {
  const poster = pageSize(options.poster, options.orientation ?? 'landscape');
  const sheet = pageSize(options.sheet, 'portrait');
  const area = { w: sheet.w - 2 * sheetMargin, h: sheet.h - 2 * sheetMargin };
  const doc = new jsPDF({ unit: 'pt', format: [sheet.w, sheet.h], orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  const text = options.text ?? englishText;
  const plan = planPoster(doc, journey, poster, text);
  // The drawing's extent: inside the poster's margins, down to the last lane.
  const drawing = { x: posterMargin, y: posterMargin, w: poster.w - 2 * posterMargin, h: plan.height - posterMargin };
  const tiles = planTiles(drawing, area, options.overlap ?? defaultTileOverlap);
  doc.setProperties({ title: journey.name, creator: 'CX Studio' });
  for (let r = 0; r < tiles.rows; r++) {
    for (let n = 0; n < tiles.cols; n++) {
      // Right to left the poster starts at its right edge: sheet column 1 is the rightmost piece, printed first.
      const c = text.rtl ? tiles.cols - 1 - n : n;
      if (r > 0 || n > 0) doc.addPage([sheet.w, sheet.h], 'portrait');
      const X = tiles.origin.x + c * tiles.step.x;
      const Y = tiles.origin.y + r * tiles.step.y;
      doc.saveGraphicsState();
      doc.rect(sheetMargin, sheetMargin, area.w, area.h, null);
      doc.clip();
      doc.discardPath();
      // PDF space has y up and jsPDF writes y as (page height − y). A poster point (x, y) must land
      // at sheet (m + s·x − X, m + s·y − Y); in PDF space that is the matrix below.
      const s = tiles.scale;
      doc.setCurrentTransformationMatrix(doc.Matrix(s, 0, 0, s, sheetMargin - X, (1 - s) * sheet.h - sheetMargin + Y));
      drawPoster(doc, journey, poster, plan);
      doc.restoreGraphicsState();
      // A leading RLM keeps the label right to left in Arabic when the journey's name is Latin.
      const label = text.t('report.tiles.sheet', { name: journey.name, row: r + 1, rows: tiles.rows, column: n + 1, columns: tiles.cols });
      drawSheetFrame(doc, sheet, text.rtl ? `\u200f${label}` : label, {
        left: c > 0, right: c < tiles.cols - 1, top: r > 0, bottom: r < tiles.rows - 1,
      }, tiles.overlap, text.rtl);
    }
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/**
 * The sheet's label and crop marks. Marks sit in the margin, never on the drawing: at the corners of
 * the printed area, and where an edge shared with a neighbour has its overlap strip, a second mark at
 * the strip's inner edge, which is where the neighbour's trimmed edge lands.
 */
function drawSheetFrame(doc: jsPDF, sheet: { w: number; h: number }, label: string, shared: { left: boolean; right: boolean; top: boolean; bottom: boolean }, overlap: number, rtl: boolean): void {
  setFont(doc, 8, false, '#6b7280');
  // Past the overlap mark, so the label never runs into a crop mark (from the right edge in a right-to-left export).
  const inset = overlap + 6;
  drawLabel(doc, label, rtl ? sheet.w - sheetMargin - inset : sheetMargin + inset, sheetMargin - 10, sheet.w - 2 * sheetMargin - inset, rtl ? 'right' : 'left');
  doc.setDrawColor('#000000');
  doc.setLineWidth(0.3);
  const l = sheetMargin;
  const r = sheet.w - sheetMargin;
  const t = sheetMargin;
  const b = sheet.h - sheetMargin;
  const len = sheetMargin - 6;
  const xs = [l, r, ...(shared.left ? [l + overlap] : []), ...(shared.right ? [r - overlap] : [])];
  const ys = [t, b, ...(shared.top ? [t + overlap] : []), ...(shared.bottom ? [b - overlap] : [])];
  // Vertical marks above and below the area, horizontal marks left and right of it.
  for (const x of xs) {
    doc.line(x, t - 3 - len, x, t - 3);
    doc.line(x, b + 3, x, b + 3 + len);
  }
  for (const y of ys) {
    doc.line(l - 3 - len, y, l - 3, y);
    doc.line(r + 3, y, r + 3 + len, y);
  }
}
