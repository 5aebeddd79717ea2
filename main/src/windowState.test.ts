import { describe, expect, test } from 'vitest';
import { defaultState, fitToDisplays, parseWindowState } from './windowState';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  test('malformed stored state falls back to the default size', () => {
    for (const raw of [null, 'x', 42, {}, { bounds: { x: 'a', y: 0, width: 1, height: 1 } }, { bounds: { x: NaN, y: 0, width: 10, height: 10 } }])
      expect(parseWindowState(raw)).toEqual(defaultState);
  });

  test('keeps a remembered window that is on a display, with a minimum size', () => {
    const state = parseWindowState({ bounds: { x: 100, y: 50, width: 300, height: 200 }, maximized: true });
    expect(state).toEqual({ bounds: { x: 100, y: 50, width: 800, height: 560 }, maximized: true });
    expect(fitToDisplays(state, [display])).toEqual(state);
  });

  test('brings back a window left on an unplugged monitor', () => {
    const state = parseWindowState({ bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false });
    const fitted = fitToDisplays(state, [display]);
    expect(fitted.bounds).toEqual({ x: 360, y: 140, width: 1200, height: 800 });
    const huge = fitToDisplays(parseWindowState({ bounds: { x: -5000, y: -5000, width: 4000, height: 3000 } }), [display]);
    expect(huge.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });
});
