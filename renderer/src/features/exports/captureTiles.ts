import { toSvg } from 'html-to-image';
import { planTiles, stitchRefusal } from '../../../../common/export/pngTiles';
import { createPngWriter } from '../../../../common/export/pngStream';
import { throwIfCancelled, untilCancelled } from './captureCancel';
import { translate } from '../../i18n/translate';

/**
 * The PNG of a node too large for one canvas. html-to-image renders the node once as an SVG image
 * (vector, at CSS size); each tile paints its part of that image at `scale` on a canvas within
 * Chromium's limits, and each band of tiles is appended to a PNG written row by row. Only one band's
 * pixels are in memory at a time. Images past the stitching limit are refused with a sentence.
 * `signal` stops the capture between tiles (CaptureCancelled); nothing is returned then.
 */
export async function captureTiledPng(
  node: HTMLElement, cssW: number, cssH: number, scale: number, options: Parameters<typeof toSvg>[1], signal?: AbortSignal,
): Promise<Uint8Array> {
  const width = cssW * scale;
  const height = cssH * scale;
  const refusal = stitchRefusal(width, height);
  if (refusal) throw new Error(refusal);

  const img = new Image();
  img.src = await untilCancelled(toSvg(node, { ...options, width: cssW, height: cssH }), signal);
  try {
    await untilCancelled(img.decode(), signal);
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new Error(translate('exports.capture.tooLarge'), { cause: e });
  }
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error(translate('exports.capture.noCanvas'));

  const writer = createPngWriter(width, height);
  for (const band of planTiles(width, height)) {
    throwIfCancelled(signal);
    const rows = new Uint8ClampedArray(width * band.h * 4);
    for (const t of band.tiles) {
      canvas.width = t.w;
      canvas.height = t.h;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, t.w, t.h);
      ctx.drawImage(img, t.x / scale, t.y / scale, t.w / scale, t.h / scale, 0, 0, t.w, t.h);
      const px = ctx.getImageData(0, 0, t.w, t.h).data;
      for (let r = 0; r < t.h; r++) rows.set(px.subarray(r * t.w * 4, (r + 1) * t.w * 4), (r * width + t.x) * 4);
      // Let the window paint (and answer Cancel) between tiles: each one rasterises the image anew.
      await new Promise((resolve) => setTimeout(resolve, 0));
      throwIfCancelled(signal);
    }
    writer.writeRows(rows);
  }
  throwIfCancelled(signal);
  canvas.width = 0;
  canvas.height = 0;
  const parts = writer.finish();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
