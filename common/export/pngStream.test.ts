import { decode } from 'fast-png';
import { describe, expect, test } from 'vitest';
import { createPngWriter } from './pngStream';

/** A deterministic RGBA test image with gradients, flat runs and noise. */
function image(w: number, h: number): Uint8Array {
  const px = new Uint8Array(w * h * 4);
  let seed = 7;
  for (let i = 0; i < w * h; i++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    const x = i % w;
    px.set([x % 256, (i / w) % 256, x > w / 2 ? 255 : seed & 0xff, 255], i * 4);
  }
  return px;
}

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

describe('streamed PNG', () => {
  test('rows written in bands decode (by another library) to the same pixels', () => {
    for (const [w, h, band] of [[1, 1, 1], [37, 23, 5], [300, 64, 64], [513, 40, 7]] as const) {
      const px = image(w, h);
      const writer = createPngWriter(w, h);
      for (let y = 0; y < h; y += band) writer.writeRows(px.subarray(y * w * 4, Math.min(h, y + band) * w * 4));
      const png = decode(join(writer.finish()));
      expect({ width: png.width, height: png.height, channels: png.channels, depth: png.depth }).toEqual({ width: w, height: h, channels: 3, depth: 8 });
      const rgb = px.filter((_, i) => i % 4 !== 3);
      expect(Buffer.from(png.data as Uint8Array).equals(Buffer.from(rgb))).toBe(true);
    }
  });

  test('refuses too few or too many rows, and impossible sizes', () => {
    const w = createPngWriter(4, 2);
    w.writeRows(new Uint8Array(16));
    expect(() => w.finish()).toThrow(/1 of its 2 rows/);
    expect(() => createPngWriter(4, 1).writeRows(new Uint8Array(32))).toThrow();
    expect(() => createPngWriter(4, 1).writeRows(new Uint8Array(10))).toThrow();
    for (const [a, b] of [[0, 1], [1, 0], [2 ** 31, 1]]) expect(() => createPngWriter(a as number, b as number)).toThrow();
  });
});
