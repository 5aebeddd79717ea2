/// <reference lib="webworker" />
import { base64ToBytes, bytesToBase64 } from '../../../../common/export/fonts';
import type { AssetImage } from '../../../../common/export/pdfImages';
import type { PersonaDoc } from '../../../../common/persona/document';

// Longest side, in pixels, an image is printed at, times two: the persona photo is at most ~160 pt
// across (A3, landscape), a media image at most about a page's width.
const photoSide = 320;
const mediaSide = 1600;

/** The longest side each image of a persona export needs: photos are small on paper, media larger. */
export function imageSides(personas: readonly PersonaDoc[]): Map<string, number> {
  const sides = new Map<string, number>();
  for (const p of personas) {
    for (const s of p.sections) if (s.type === 'media' && typeof s.data.assetId === 'string') sides.set(s.data.assetId, mediaSide);
    if (p.photoAssetId) sides.set(p.photoAssetId, Math.max(photoSide, sides.get(p.photoAssetId) ?? 0));
  }
  return sides;
}

async function reencode(img: AssetImage, maxSide: number): Promise<AssetImage> {
  const bitmap = await createImageBitmap(new Blob([base64ToBytes(img.data) as BlobPart], { type: img.mimeType }));
  try {
    const k = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const small = img.data.length < 150_000;
    // Already printable as it is: a JPEG or a small PNG (a diagram keeps its sharp edges) that needs no shrinking.
    if (k === 1 && (img.mimeType === 'image/jpeg' || (img.mimeType === 'image/png' && small))) return img;
    const w = Math.max(1, Math.round(bitmap.width * k));
    const h = Math.max(1, Math.round(bitmap.height * k));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) return img;
    ctx.fillStyle = '#ffffff'; // JPEG has no transparency: transparent parts print white, as on the card
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bitmap, 0, 0, w, h);
    const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { mimeType: 'image/jpeg', data: bytesToBase64(new Uint8Array(await out.arrayBuffer())), width: w, height: h };
  } finally {
    bitmap.close();
  }
}

/**
 * The images of a PDF export re-encoded for print: JPEG at about twice their printed size, so a
 * 2 MB photo does not make a 2 MB PDF, and WebP (which jsPDF cannot embed) prints instead of falling
 * back to initials. Runs where OffscreenCanvas exists (the export worker); elsewhere, and for an
 * image that does not decode, the image is passed on as it is.
 */
export async function imagesForPrint(images: readonly [string, AssetImage][], sides: ReadonlyMap<string, number>): Promise<[string, AssetImage][]> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return [...images];
  return Promise.all(images.map(async ([id, img]): Promise<[string, AssetImage]> => {
    try {
      return [id, await reencode(img, sides.get(id) ?? mediaSide)];
    } catch {
      return [id, img];
    }
  }));
}
