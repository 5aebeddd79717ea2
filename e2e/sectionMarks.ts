import { decode } from 'fast-png';

/** A region of an image, in pixels. */
export interface Mark {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** `rgb(r, g, b)` or `#rrggbb` as numbers. */
function rgb(colour: string): [number, number, number] {
  const m = colour.match(/\d+/g);
  if (colour.startsWith('rgb') && m && m.length >= 3) return [Number(m[0]), Number(m[1]), Number(m[2])];
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The bounding boxes of the 4-connected regions of a PNG whose pixels are within `tolerance` (sum of
 * channel differences) of `colour`: the places an accent colour is painted.
 */
export function colourRegions(png: Uint8Array, colour: string, tolerance = 60): Mark[] {
  const { width, height, channels, data } = decode(png);
  const [r, g, b] = rgb(colour);
  const hit = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    if (Math.abs((data[o] ?? 0) - r) + Math.abs((data[o + 1] ?? 0) - g) + Math.abs((data[o + 2] ?? 0) - b) <= tolerance) hit[i] = 1;
  }
  const marks: Mark[] = [];
  const stack: number[] = [];
  for (let start = 0; start < hit.length; start++) {
    if (hit[start] !== 1) continue;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    hit[start] = 2;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      const x = i % width;
      const y = (i - x) / width;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
        if (j >= 0 && j < hit.length && hit[j] === 1) {
          hit[j] = 2;
          stack.push(j);
        }
      }
    }
    marks.push({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 });
  }
  return marks;
}

/** Marks in reading order: rows of marks whose tops agree within `slack` pixels, each left to right. */
export function readingOrder(marks: Mark[], slack = 3): Mark[] {
  const rows: Mark[][] = [];
  for (const m of [...marks].sort((a, b) => a.y - b.y)) {
    const row = rows.find((r) => Math.abs((r[0]?.y ?? 0) - m.y) <= slack);
    if (row) row.push(m);
    else rows.push([m]);
  }
  return rows.flatMap((r) => r.sort((a, b) => a.x - b.x));
}
