import type { jsPDF } from 'jspdf';
import { base64ToBytes } from './fonts';
import type { Box } from './pdfText';
import { roundedPath } from './pdfShapes';

/** An image as stored in the assets collection. */
export interface AssetImage {
  /**
   * image/png or image/jpeg print; jsPDF cannot embed others, so the export worker re-encodes WebP
   * (and large photos) to JPEG before the builder sees them; one left over prints as a placeholder.
   */
  mimeType: string;
  /** The bytes, base64. */
  data: string;
  width?: number;
  height?: number;
}

/** Images by asset id: the photos and media a persona refers to. */
export type PdfImages = ReadonlyMap<string, AssetImage>;

const formats: Record<string, 'PNG' | 'JPEG'> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/jpg': 'JPEG' };

/**
 * Places an asset's image in `box`: `cover` fills and crops (the round-cornered persona photo),
 * `contain` fits whole (media). The asset id is the jsPDF alias, so a photo that appears on many pages
 * of a deck is embedded once. Returns false when the image cannot be embedded, so the caller can draw
 * a placeholder instead of failing the whole export.
 */
export function drawPhoto(doc: jsPDF, images: PdfImages, assetId: string, box: Box, fit: 'cover' | 'contain', radius = 0): boolean {
  const img = images.get(assetId);
  const format = img ? formats[img.mimeType.toLowerCase()] : undefined;
  if (!img || !format) return false;
  try {
    const bytes = base64ToBytes(img.data);
    const props = img.width && img.height ? { width: img.width, height: img.height } : doc.getImageProperties(bytes);
    const ratio = props.width / Math.max(1, props.height);
    const wide = box.w / box.h < ratio;
    const scaleByHeight = fit === 'cover' ? wide : !wide;
    const w = scaleByHeight ? box.h * ratio : box.w;
    const h = scaleByHeight ? box.h : box.w / ratio;
    const x = box.x + (box.w - w) / 2;
    const y = box.y + (box.h - h) / 2;
    doc.saveGraphicsState();
    if (fit === 'cover') {
      roundedPath(doc, box, radius);
      doc.clip();
      doc.discardPath();
    }
    doc.addImage(bytes, format, x, y, w, h, `asset-${assetId}`, 'FAST');
    doc.restoreGraphicsState();
    return true;
  } catch {
    // A corrupt image must not cost the user the whole document.
    return false;
  }
}
