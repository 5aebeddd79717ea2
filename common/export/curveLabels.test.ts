import { describe, expect, test } from 'vitest';
import { crossings, placeValueLabels, rectsOverlap, segmentHitsRect } from './curveLabels';

const bounds = { x: 0, y: 0, w: 400, h: 200 };

describe('value labels beside an emotion curve', () => {
  test('a segment hits a rectangle only when it passes through it', () => {
    const r = { x: 10, y: 10, w: 10, h: 10 };
    expect(segmentHitsRect({ x: 0, y: 15 }, { x: 30, y: 15 }, r)).toBe(true);
    expect(segmentHitsRect({ x: 0, y: 0 }, { x: 30, y: 30 }, r)).toBe(true);
    expect(segmentHitsRect({ x: 0, y: 25 }, { x: 30, y: 25 }, r)).toBe(false);
    expect(segmentHitsRect({ x: 0, y: 30 }, { x: 30, y: 0 }, r)).toBe(true);
    expect(segmentHitsRect({ x: 0, y: 10 }, { x: 9, y: 0 }, r)).toBe(false);
  });

  test('labels of crossing and coinciding curves keep clear of every line, marker and other label', () => {
    // Two curves meeting at every stage in turn: the worst case for a label put above its marker.
    const a = [50, 60, 140, 60, 100].map((y, i) => ({ x: 40 + i * 80, y }));
    const b = [50, 140, 60, 140, 100].map((y, i) => ({ x: 40 + i * 80, y }));
    const segments = [a, b].flatMap((c) => c.slice(1).map((p, i) => [c[i]!, p] as [typeof p, typeof p]));
    const markers = [...a, ...b];
    const obstacles = { segments, markers, r: 5, pad: 1, bounds };
    const labels = placeValueLabels(markers.map((at) => ({ at, w: 16, h: 10 })), obstacles);
    expect(labels).toHaveLength(markers.length);
    labels.forEach((l, i) => {
      expect(crossings(l, obstacles, labels.filter((_, j) => j !== i)), `label ${i}`).toBe(0);
      expect(Math.hypot(l.x + l.w / 2 - markers[i]!.x, l.y + l.h / 2 - markers[i]!.y)).toBeLessThan(30);
    });
  });

  test('a label with no clear spot is still placed, where it covers least', () => {
    const at = { x: 5, y: 5 };
    const [l] = placeValueLabels([{ at, w: 300, h: 300 }], { segments: [], markers: [at], r: 3, pad: 0, bounds: { x: 0, y: 0, w: 10, h: 10 } });
    expect(l).toBeDefined();
    expect(rectsOverlap(l!, { x: 0, y: 0, w: 10, h: 10 })).toBe(true);
  });
});
