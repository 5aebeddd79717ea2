import { describe, expect, test } from 'vitest';
import { freeSpot, type FlowRect } from './placement';

const size = { width: 220, height: 90 };
const clear = (spot: { x: number; y: number }, taken: FlowRect[], gap = 16) =>
  taken.every((t) => spot.x >= t.x + t.width + gap || t.x >= spot.x + size.width + gap || spot.y >= t.y + t.height + gap || t.y >= spot.y + size.height + gap);

describe('freeSpot', () => {
  test('keeps the wanted spot when it is free', () => {
    expect(freeSpot([{ x: 500, y: 500, ...size }], { x: 0, y: 0 }, size)).toEqual({ x: 0, y: 0 });
  });

  test('never lands on another step, and stays close to where it was wanted', () => {
    const layouts: FlowRect[][] = [
      [{ x: 0, y: 0, ...size }],
      [{ x: 0, y: 0, ...size }, { x: 0, y: 160, ...size }, { x: 260, y: 0, ...size }, { x: -260, y: 0, ...size }],
      // A column of steps as the top-to-bottom layout makes them, wanted in its middle.
      Array.from({ length: 8 }, (_, i) => ({ x: 0, y: i * 160, ...size })),
      // A dense grid of 5 × 5 steps.
      Array.from({ length: 25 }, (_, i) => ({ x: (i % 5) * 240, y: Math.floor(i / 5) * 100, ...size })),
    ];
    for (const taken of layouts) {
      for (const want of [{ x: 0, y: 0 }, { x: 30, y: 40 }, { x: 200, y: 300 }]) {
        const spot = freeSpot(taken, want, size);
        expect(clear(spot, taken), JSON.stringify({ taken: taken.length, want, spot })).toBe(true);
        expect(Math.hypot(spot.x - want.x, spot.y - want.y)).toBeLessThan(1000);
      }
    }
  });

  test('picks the nearest free spot, not the first one found', () => {
    // Above or below (a box height and a half away) is nearer than beside (a box width and a half).
    const spot = freeSpot([{ x: 0, y: 0, ...size }], { x: 0, y: 0 }, size);
    expect(spot.x).toBe(0);
    expect(Math.abs(spot.y)).toBe(135);
  });
});
