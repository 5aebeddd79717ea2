import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fitsOneCanvas, maxCanvasArea, maxCanvasSide, planTiles, stitchRefusal } from './pngTiles';

describe('planTiles', () => {
  test('covers every pixel exactly once with tiles within the limits', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 50, max: 900 }), fc.integer({ min: 10, max: 700 }),
      (width, height, maxSide, bandHeight) => {
        const bands = planTiles(width, height, { maxSide, bandHeight });
        let y = 0;
        for (const band of bands) {
          expect(band.y).toBe(y); // bands are consecutive, top to bottom
          y += band.h;
          let x = 0;
          for (const t of band.tiles) {
            expect(t.x).toBe(x); // tiles are consecutive, left to right
            expect(t.w).toBeLessThanOrEqual(maxSide);
            expect(t.h).toBeLessThanOrEqual(Math.min(bandHeight, maxSide));
            expect({ y: t.y, h: t.h }).toEqual({ y: band.y, h: band.h });
            x += t.w;
          }
          expect(x).toBe(width);
        }
        expect(y).toBe(height); // consecutive rows of consecutive tiles ending at the edges: each pixel once
      }), { numRuns: 100 });
  });

  test('a 40-stage map at 2× (18,280 px wide) splits into two even tiles under Chromium’s limit', () => {
    const bands = planTiles(18_280, 2_100);
    expect(bands.map((b) => b.h)).toEqual([512, 512, 512, 512, 52]);
    for (const b of bands) expect(b.tiles.map((t) => [t.x, t.w])).toEqual([[0, 9140], [9140, 9140]]);
  });

  test('tiles stay within the canvas area limit however wide the band', () => {
    for (const t of planTiles(16_384, 40_000, { bandHeight: 100_000 })[0]?.tiles ?? []) {
      expect(t.w * t.h).toBeLessThanOrEqual(maxCanvasArea);
      expect(t.h).toBeLessThanOrEqual(maxCanvasSide);
    }
  });

  test('refuses empty and fractional sizes', () => {
    for (const [w, h] of [[0, 10], [10, 0], [-5, 5], [10.5, 3], [Number.NaN, 1]]) expect(() => planTiles(w as number, h as number)).toThrow();
  });
});

describe('when to tile and when to refuse', () => {
  test('one canvas up to Chromium’s side and area limits, tiles past them', () => {
    expect(fitsOneCanvas(16_384, 16_384)).toBe(true);
    expect(fitsOneCanvas(16_385, 10)).toBe(false);
    expect(fitsOneCanvas(10, 16_385)).toBe(false);
  });

  test('a 40-stage map at 3× is stitched; an image of half a gigapixel is refused with advice', () => {
    expect(stitchRefusal(27_420, 3_600)).toBeNull();
    expect(stitchRefusal(40_000, 15_000)).toMatch(/600 megapixels.*smaller scale/);
  });
});
