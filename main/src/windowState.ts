/** A window's position and size, as remembered between runs. */
export interface Bounds { x: number; y: number; width: number; height: number }
/** What is remembered of the main window. */
export interface WindowState { bounds: Bounds; maximized: boolean }

/** The size a first start opens with. */
export const defaultState: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };
const minSize = { width: 800, height: 560 };

/** Reads a stored state tolerantly: anything malformed falls back to the default. */
export function parseWindowState(raw: unknown): WindowState {
  if (!raw || typeof raw !== 'object') return defaultState;
  const { bounds, maximized } = raw as { bounds?: Partial<Bounds>; maximized?: unknown };
  const nums = bounds && [bounds.x, bounds.y, bounds.width, bounds.height];
  if (!nums || !nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return defaultState;
  const b = bounds as Bounds;
  return {
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.max(minSize.width, Math.round(b.width)), height: Math.max(minSize.height, Math.round(b.height)) },
    maximized: maximized === true,
  };
}

/**
 * Keeps a remembered window reachable: if its title bar is not on any current display (a monitor
 * was unplugged), it is centred on the primary display and shrunk to fit.
 */
export function fitToDisplays(state: WindowState, displays: readonly Bounds[]): WindowState {
  const primary = displays[0];
  if (!primary) return state;
  const { bounds } = state;
  const titleBar = { x: bounds.x + 40, y: bounds.y + 10 };
  const visible = displays.some((d) => titleBar.x >= d.x && titleBar.x < d.x + d.width && titleBar.y >= d.y && titleBar.y < d.y + d.height);
  if (visible) return state;
  const width = Math.min(bounds.width, primary.width);
  const height = Math.min(bounds.height, primary.height);
  return {
    ...state,
    bounds: { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height },
  };
}
