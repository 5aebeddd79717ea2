import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bottom, collides, compact, gridColumns, isValidLayout, placeNew, reflow, type LayoutItem } from './layout';

const arbLayout = (cols: number) =>
  fc.array(
    fc.record({ x: fc.integer({ min: -3, max: cols + 3 }), y: fc.integer({ min: -3, max: 40 }), w: fc.integer({ min: -1, max: cols + 4 }), h: fc.integer({ min: 0, max: 12 }) }),
    { maxLength: 25 },
  ).map((rects) => rects.map((r, i): LayoutItem => ({ ...r, id: `s${i}` })));

describe('compact', () => {
  for (const cols of [gridColumns.portrait, gridColumns.landscape]) {
    test(`leaves any layout inside a ${cols}-column grid with no overlaps and every id kept`, () => {
      fc.assert(
        fc.property(arbLayout(cols), (items) => {
          const out = compact(items, cols);
          expect(isValidLayout(out, cols)).toBe(true);
          expect(out.map((i) => i.id)).toEqual(items.map((i) => i.id));
        }),
      );
    });

    test(`is idempotent and leaves no item that could rise a row (${cols} columns)`, () => {
      fc.assert(
        fc.property(arbLayout(cols), (items) => {
          const once = compact(items, cols);
          expect(compact(once, cols)).toEqual(once);
          for (const item of once) {
            if (item.y === 0) continue;
            const raised = { ...item, y: item.y - 1 };
            expect(once.some((o) => o.id !== item.id && collides(o, raised))).toBe(true);
          }
        }),
      );
    });
  }

  test('pulls a section up into the gap left by a removed one', () => {
    const out = compact([{ id: 'a', x: 0, y: 0, w: 6, h: 2 }, { id: 'b', x: 0, y: 5, w: 6, h: 2 }], 12);
    expect(out[1]).toEqual({ id: 'b', x: 0, y: 2, w: 6, h: 2 });
  });

  test('shrinks a section wider than the grid to the grid', () => {
    expect(compact([{ id: 'a', x: 3, y: 0, w: 20, h: 2 }], 6)).toEqual([{ id: 'a', x: 0, y: 0, w: 6, h: 2 }]);
  });
});

describe('placeNew', () => {
  test('fills the first free spot in reading order', () => {
    const items = [{ x: 0, y: 0, w: 12, h: 3 }, { x: 0, y: 3, w: 4, h: 4 }, { x: 8, y: 3, w: 4, h: 4 }];
    expect(placeNew(items, { w: 4, h: 4 }, 12)).toEqual({ x: 4, y: 3, w: 4, h: 4 });
  });

  test('goes below everything when nothing fits', () => {
    expect(placeNew([{ x: 0, y: 0, w: 12, h: 3 }], { w: 6, h: 2 }, 12)).toEqual({ x: 0, y: 3, w: 6, h: 2 });
  });

  test('never overlaps an existing section and stays inside the grid', () => {
    fc.assert(
      fc.property(arbLayout(12), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 8 }), (items, w, h) => {
        const valid = compact(items, 12);
        const rect = placeNew(valid, { w, h }, 12);
        expect(valid.some((i) => collides(i, rect))).toBe(false);
        expect(rect.x + rect.w).toBeLessThanOrEqual(12);
        expect(rect.y).toBeLessThanOrEqual(bottom(valid));
      }),
    );
  });
});

describe('reflow', () => {
  test('turning a landscape layout to portrait and back keeps it valid each way', () => {
    fc.assert(
      fc.property(arbLayout(12), (items) => {
        const portrait = reflow(compact(items, 12), 'landscape', 'portrait');
        expect(isValidLayout(portrait, 6)).toBe(true);
        expect(isValidLayout(reflow(portrait, 'portrait', 'landscape'), 12)).toBe(true);
      }),
    );
  });

  test('two half-width landscape sections stay side by side in portrait', () => {
    const out = reflow([{ id: 'a', x: 0, y: 0, w: 6, h: 2 }, { id: 'b', x: 6, y: 0, w: 6, h: 2 }], 'landscape', 'portrait');
    expect(out).toEqual([{ id: 'a', x: 0, y: 0, w: 3, h: 2 }, { id: 'b', x: 3, y: 0, w: 3, h: 2 }]);
  });
});
