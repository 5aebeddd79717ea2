import { describe, expect, test } from 'vitest';
import { fitViewport, openingViewport, readableZoom, revealRect, type CanvasBox, type Viewport } from './viewport';

// The flow canvas at a 1280 × 720 window, with the 150 × 100 minimap's corner.
const box: CanvasBox = { width: 525, height: 430, corner: { width: 165, height: 115 } };
const onScreen = (v: Viewport, r: { x: number; y: number; width: number; height: number }) => ({
  left: r.x * v.zoom + v.x, top: r.y * v.zoom + v.y, right: (r.x + r.width) * v.zoom + v.x, bottom: (r.y + r.height) * v.zoom + v.y,
});
const visible = (v: Viewport, r: Parameters<typeof onScreen>[1]) => {
  const s = onScreen(v, r);
  const inside = s.left >= 0 && s.top >= 0 && s.right <= box.width && s.bottom <= box.height;
  const underMinimap = s.right > box.width - box.corner.width && s.bottom > box.height - box.corner.height;
  return inside && !underMinimap;
};

describe('flow viewport', () => {
  test('a fitted flow has no step under the minimap', () => {
    const shapes = [
      { x: 0, y: 0, width: 700, height: 1300 }, // a tall layered flow
      { x: -300, y: 100, width: 1600, height: 300 }, // a wide one
      { x: 0, y: 0, width: 480, height: 380 }, // one that almost fits at 100 %
    ];
    for (const bounds of shapes) {
      const v = fitViewport(bounds, box);
      expect(visible(v, bounds), JSON.stringify(bounds)).toBe(true);
      expect(v.zoom).toBeLessThanOrEqual(1);
    }
  });

  test('a flow too big to fit readably opens at 75 % from its top, never smaller', () => {
    const bounds = { x: 40, y: -20, width: 700, height: 1300 };
    const v = openingViewport(bounds, box);
    expect(v.zoom).toBe(readableZoom);
    expect(onScreen(v, bounds).top).toBeGreaterThanOrEqual(0);
    expect(onScreen(v, bounds).top).toBeLessThan(40);
    const small = { x: 0, y: 0, width: 220, height: 250 };
    expect(openingViewport(small, box).zoom).toBe(1);
    expect(visible(openingViewport(small, box), small)).toBe(true);
  });

  test('revealing a step moves the view just enough, and not at all when it is in view', () => {
    const view = { x: 0, y: 0, zoom: 0.75 };
    const inView = { x: 40, y: 40, width: 220, height: 90 };
    expect(revealRect(view, inView, box)).toBe(view);
    for (const step of [
      { x: -500, y: 100, width: 220, height: 90 }, // off to the left
      { x: 100, y: 2000, width: 220, height: 90 }, // far below
      { x: 430, y: 420, width: 220, height: 90 }, // under the minimap
      { x: 5000, y: -3000, width: 220, height: 90 },
    ]) {
      const next = revealRect(view, step, box);
      expect(visible(next, step), JSON.stringify(step)).toBe(true);
      expect(next.zoom).toBe(view.zoom);
    }
  });
});
