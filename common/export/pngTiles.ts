/** Chromium refuses to paint a canvas wider or taller than this many pixels. */
export const maxCanvasSide = 16_384;
/** Chromium's limit on a canvas's area (16,384 × 16,384). */
export const maxCanvasArea = 268_435_456;
/**
 * The largest image the app stitches. Tiles are encoded a band at a time, so memory stays small, but
 * an image past this size is more than an image viewer or slide tool opens comfortably (and the PNG
 * itself runs to hundreds of megabytes); the PDF poster is the better export there.
 */
export const maxStitchedPixels = 400_000_000;

/** One tile: a rectangle of the output image, in output pixels. */
export interface Tile {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A horizontal band of the image: tiles side by side that together cover `h` full rows. */
export interface Band {
  y: number;
  h: number;
  tiles: Tile[];
}

/** How to cut an image into tiles. */
export interface TileLimits {
  /** Widest and tallest tile; Chromium's canvas side by default. */
  maxSide?: number;
  /** Rows per band: what is held in memory at once is one band of `width × bandHeight` pixels. */
  bandHeight?: number;
}

/**
 * Cuts a `width × height` image into bands of whole rows and each band into tiles no wider than
 * `maxSide`, so every tile can be painted on its own canvas and the bands streamed into one PNG top to
 * bottom. Tiles cover the image exactly once. Tiles of a band share their width as evenly as whole
 * pixels allow, so no sliver tile is left at the right edge.
 */
export function planTiles(width: number, height: number, limits: TileLimits = {}): Band[] {
  const maxSide = Math.min(limits.maxSide ?? maxCanvasSide, maxCanvasSide);
  const bandHeight = Math.max(1, Math.min(limits.bandHeight ?? 512, maxSide, Math.floor(maxCanvasArea / Math.max(1, Math.min(width, maxSide)))));
  if (!(Number.isInteger(width) && Number.isInteger(height)) || width < 1 || height < 1) throw new Error(`Cannot tile an image of ${width} × ${height} pixels.`);
  const across = Math.ceil(width / maxSide);
  const xs = Array.from({ length: across + 1 }, (_, i) => Math.round((i * width) / across));
  const bands: Band[] = [];
  for (let y = 0; y < height; y += bandHeight) {
    const h = Math.min(bandHeight, height - y);
    bands.push({ y, h, tiles: xs.slice(0, -1).map((x, i) => ({ x, y, w: (xs[i + 1] ?? width) - x, h })) });
  }
  return bands;
}

/** Whether an image fits on one canvas, so it can be captured without tiling. */
export function fitsOneCanvas(width: number, height: number): boolean {
  return width <= maxCanvasSide && height <= maxCanvasSide && width * height <= maxCanvasArea;
}

/** Why an image is too large to stitch, in words for the user; null when it can be made. */
export function stitchRefusal(width: number, height: number): string | null {
  if (width * height <= maxStitchedPixels) return null;
  const mp = Math.round((width * height) / 1_000_000);
  return `The image would be ${width} × ${height} pixels (${mp} megapixels), too large to open comfortably. Choose a smaller scale, or export the map as a PDF poster.`;
}
