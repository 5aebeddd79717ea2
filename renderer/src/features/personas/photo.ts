import type { Result } from '../../../../common/result';
import { err, ok } from '../../../../common/result';
import { maxAssetBase64Length } from '../../../../common/db/schemas/assets';

/** Image types a photo may be. */
export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** Largest file accepted before downscaling. */
export const maxImageBytes = 5 * 1024 * 1024;
/** Longest side after downscaling: plenty for a persona card and a printed page, small to sync. */
export const maxImageSide = 640;

/** An image ready for the `assets` collection. */
export interface ImageAsset {
  id: string;
  mimeType: string;
  width: number;
  height: number;
  data: string;
  createdAt: number;
}

/**
 * The image type the bytes really are, from their signature, or null. The file name and the type the
 * browser reports can lie; a renamed PDF must be refused with a clear message, not fail on decode.
 */
export function sniffImageType(head: Uint8Array): (typeof acceptedImageTypes)[number] | null {
  const at = (i: number) => head[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.slice(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Why a file cannot be a photo, or null when it may be. */
export function checkImageFile(file: { name: string; size: number }, head: Uint8Array): string | null {
  // Rounded up, so a file just over the limit never reads as "5.0 MB".
  if (file.size > maxImageBytes) return `"${file.name}" is ${(Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1)} MB; photos can be at most 5 MB.`;
  if (!sniffImageType(head)) return `"${file.name}" is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.`;
  return null;
}

/** Checks, decodes and downscales a photo on a canvas; the result is stored as an asset by id. */
export async function fileToImageAsset(file: File, id: string): Promise<Result<ImageAsset>> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const problem = checkImageFile(file, head);
  if (problem) return err('unsupported-type', problem);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return err('unsupported-type', `"${file.name}" could not be read as an image; it may be damaged.`);
  }
  const scale = Math.min(1, maxImageSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return err('internal', 'This computer could not prepare the image.');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
  const data = await toBase64(blob);
  if (data.length > maxAssetBase64Length) return err('too-large', 'The image is still too large after downscaling.');
  return ok({ id, mimeType: blob.type || 'image/webp', width, height, data, createdAt: Date.now() });
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
