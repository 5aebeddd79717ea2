/**
 * Layout rules of the persona canvas (a react-grid-layout grid), as pure functions over rectangles.
 * The editor stores what these functions return, so a layout read back from a file or a teammate is
 * always inside the grid and free of overlaps, whatever wrote it.
 */

/** Page orientation of a persona canvas. */
export type Orientation = 'portrait' | 'landscape';

/** Columns per orientation. Portrait is half of landscape, so every size converts exactly. */
export const gridColumns: Record<Orientation, number> = { portrait: 6, landscape: 12 };

/** Tallest a section may be, in rows; keeps a mistyped height from making an endless canvas. */
export const maxSectionRows = 40;

/** A rectangle on the grid, in columns and rows. */
export interface GridRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle that belongs to a section. */
export interface LayoutItem extends GridRect {
  id: string;
}

/** Converts a landscape (12-column) size to the given orientation. */
export function sizeFor(size: { w: number; h: number }, orientation: Orientation): { w: number; h: number } {
  const w = orientation === 'portrait' ? Math.ceil(size.w / 2) : size.w;
  return { w: clampInt(w, 1, gridColumns[orientation]), h: clampInt(size.h, 1, maxSectionRows) };
}

/** Forces a rectangle inside a grid of `cols` columns: whole numbers, at least 1×1, no overflow. */
export function clampRect(rect: GridRect, cols: number): GridRect {
  const w = clampInt(rect.w, 1, cols);
  const h = clampInt(rect.h, 1, maxSectionRows);
  const x = clampInt(rect.x, 0, cols - w);
  const y = clampInt(rect.y, 0, Number.MAX_SAFE_INTEGER);
  return { x, y, w, h };
}

/** Whether two rectangles share any cell. */
export function collides(a: GridRect, b: GridRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The first row below every item. */
export function bottom(items: readonly GridRect[]): number {
  return items.reduce((max, r) => Math.max(max, r.y + r.h), 0);
}

/**
 * Where a new section of the given size goes: the first free spot in reading order (top to bottom,
 * left to right), so gaps left by removed sections fill first; below everything when none fits.
 */
export function placeNew(items: readonly GridRect[], size: { w: number; h: number }, cols: number): GridRect {
  const w = clampInt(size.w, 1, cols);
  const h = clampInt(size.h, 1, maxSectionRows);
  const end = bottom(items);
  for (let y = 0; y < end; y++) {
    for (let x = 0; x + w <= cols; x++) {
      const candidate = { x, y, w, h };
      if (!items.some((r) => collides(r, candidate))) return candidate;
    }
  }
  return { x: 0, y: end, w, h };
}

/**
 * Vertical compaction as react-grid-layout does it: in reading order, each item rises while nothing
 * is in its way, then drops below anything it still overlaps. The result is inside the grid, has no
 * overlaps, and keeps every id; compacting it again changes nothing.
 */
export function compact(items: readonly LayoutItem[], cols: number): LayoutItem[] {
  const sorted = items
    .map((item, index) => ({ item: { ...clampRect(item, cols), id: item.id }, index }))
    .sort((a, b) => a.item.y - b.item.y || a.item.x - b.item.x || a.index - b.index);
  const placed: LayoutItem[] = [];
  for (const { item } of sorted) {
    let y = item.y;
    while (y > 0 && !placed.some((p) => collides(p, { ...item, y: y - 1 }))) y--;
    let blocker = placed.find((p) => collides(p, { ...item, y }));
    while (blocker) {
      y = blocker.y + blocker.h;
      blocker = placed.find((p) => collides(p, { ...item, y }));
    }
    placed.push({ ...item, y });
  }
  const byId = new Map(placed.map((p) => [p.id, p]));
  return items.map((item) => byId.get(item.id) ?? item);
}

/**
 * Converts a layout between orientations: columns scale by the ratio of column counts (landscape is
 * exactly twice portrait), then the result is compacted so nothing overlaps or overflows.
 */
export function reflow(items: readonly LayoutItem[], from: Orientation, to: Orientation): LayoutItem[] {
  if (from === to) return compact(items, gridColumns[to]);
  const ratio = gridColumns[to] / gridColumns[from];
  const scaled = items.map((i) => ({
    id: i.id,
    x: Math.floor(i.x * ratio),
    y: i.y,
    w: Math.max(1, Math.round(i.w * ratio)),
    h: i.h,
  }));
  return compact(scaled, gridColumns[to]);
}

/** Whether a layout is inside the grid and free of overlaps (what every stored layout must be). */
export function isValidLayout(items: readonly LayoutItem[], cols: number): boolean {
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const c = clampRect(a, cols);
    if (c.x !== a.x || c.y !== a.y || c.w !== a.w || c.h !== a.h) return false;
    for (let j = i + 1; j < items.length; j++) if (collides(a, items[j]!)) return false;
  }
  return true;
}

function clampInt(n: number, min: number, max: number): number {
  const v = Number.isFinite(n) ? Math.round(n) : min;
  return Math.min(max, Math.max(min, v));
}
