import { jsPDF } from 'jspdf';
import { registerFonts, type PdfFonts } from './fonts';
import { drawPoster, planPoster, posterMargin, type JourneyPdfInput, type PosterPaper } from './journeyPdf';
import { drawLabel, setFont } from './pdfText';
import { pageSize, type PageOrientation, type PaperSize } from './paper';

/** How to print a poster as sheets to tape together. */
export interface TiledPdfOptions {
  /** The poster size the map is laid out for. */
  poster: PosterPaper;
  orientation?: PageOrientation;
  /** The sheets the printer takes. */
  sheet: Extract<PaperSize, 'a4' | 'letter' | 'a3'>;
  /** How much neighbouring sheets repeat, in points, so they can be overlapped and taped. */
  overlap?: number;
  fonts: PdfFonts;
}

const sheetMargin = 24;

/** Rows and columns of sheets a poster needs: each sheet shows its printable area minus the overlap. */
export function tileGrid(poster: { w: number; h: number }, area: { w: number; h: number }, overlap: number): { cols: number; rows: number } {
  const step = (len: number, a: number) => Math.max(1, Math.ceil((len - overlap) / Math.max(1, a - overlap)));
  return { cols: step(poster.w, area.w), rows: step(poster.h, area.h) };
}

/**
 * The journey poster split over portrait sheets with an overlap strip, each labelled with its row and
 * column and trim marks, so a workshop can print a wall map on an office printer. Every sheet carries
 * the poster's vector drawing shifted and clipped to its piece: text stays selectable on each sheet.
 * Only the part of the poster the map uses is tiled, so no sheet is blank paper with a label.
 */
export function buildJourneyTiledPdf(journey: JourneyPdfInput, options: TiledPdfOptions): Uint8Array {
  const poster = pageSize(options.poster, options.orientation ?? 'landscape');
  const sheet = pageSize(options.sheet, 'portrait');
  const overlap = options.overlap ?? 20;
  const area = { w: sheet.w - 2 * sheetMargin, h: sheet.h - 2 * sheetMargin };
  const doc = new jsPDF({ unit: 'pt', format: [sheet.w, sheet.h], orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  const plan = planPoster(doc, journey, poster);
  // The drawing's extent: from the poster's corner to the right margin and the last lane.
  const used = { w: poster.w - posterMargin, h: plan.height };
  const { cols, rows } = tileGrid(used, area, overlap);
  // Sheets share the drawing evenly (each overlapping its neighbour by at least `overlap`), so the
  // last column or row is not a sliver of margin.
  const stepX = cols > 1 ? (used.w - area.w) / (cols - 1) : 0;
  const stepY = rows > 1 ? (used.h - area.h) / (rows - 1) : 0;
  const overlaps = { x: cols > 1 ? area.w - stepX : 0, y: rows > 1 ? area.h - stepY : 0 };
  doc.setProperties({ title: journey.name, creator: 'CX Studio' });
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (r > 0 || c > 0) doc.addPage([sheet.w, sheet.h], 'portrait');
      const X = c * stepX;
      const Y = r * stepY;
      doc.saveGraphicsState();
      doc.rect(sheetMargin, sheetMargin, area.w, area.h, null);
      doc.clip();
      doc.discardPath();
      // PDF space has y up: moving the poster left by X and up by Y is a translation of (−X, +Y),
      // plus the sheet margin, applied to everything drawPoster writes.
      doc.setCurrentTransformationMatrix(doc.Matrix(1, 0, 0, 1, sheetMargin - X, Y - sheetMargin));
      drawPoster(doc, journey, poster, plan);
      doc.restoreGraphicsState();
      drawSheetFrame(doc, sheet, `${journey.name} · row ${r + 1} of ${rows}, column ${c + 1} of ${cols}`, overlaps);
    }
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

function drawSheetFrame(doc: jsPDF, sheet: { w: number; h: number }, label: string, overlap: { x: number; y: number }): void {
  setFont(doc, 8, false, '#6b7280');
  drawLabel(doc, label, sheetMargin, sheetMargin - 8, sheet.w - 2 * sheetMargin);
  // Trim marks where the overlap strip begins on the right and bottom edges.
  doc.setDrawColor('#9ca3af');
  doc.setLineWidth(0.5);
  const right = sheet.w - sheetMargin - overlap.x;
  const bottom = sheet.h - sheetMargin - overlap.y;
  if (overlap.x > 0) doc.line(right, sheet.h - sheetMargin + 4, right, sheet.h - 6);
  if (overlap.y > 0) doc.line(sheet.w - sheetMargin + 4, bottom, sheet.w - 6, bottom);
}
