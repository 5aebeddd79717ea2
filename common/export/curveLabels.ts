/** A point of a chart, in page units. */
export interface Pt {
  x: number;
  y: number;
}

/** An axis-aligned rectangle: left, top, width, height. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A value label to place beside its marker. */
export interface LabelRequest {
  /** The marker the label belongs to. */
  at: Pt;
  w: number;
  h: number;
}

/** What labels must keep clear of: the curves' line segments and every marker (as a circle of radius `r`). */
export interface Obstacles {
  segments: readonly [Pt, Pt][];
  markers: readonly Pt[];
  r: number;
  /** Clearance kept around a label, at least half the lines' width: a thick line must not graze the text. */
  pad: number;
  /** The chart's area: labels stay inside it. */
  bounds: Rect;
}

/**
 * Places value labels next to their markers so that no label lies on a line, on a marker or on
 * another label. Each label tries eight spots around its marker (above first: readers look there)
 * and takes the first that is clear; when none is clear it takes the spot that covers the least
 * (fewest crossings), so a label is never dropped. Returns each label's rectangle, in request order.
 */
export function placeValueLabels(requests: readonly LabelRequest[], obstacles: Obstacles): Rect[] {
  const placed: Rect[] = [];
  const gap = obstacles.r * 0.6;
  for (const req of requests) {
    const d = obstacles.r + gap;
    const { x, y } = req.at;
    const { w, h } = req;
    const spots: Rect[] = [
      { x: x - w / 2, y: y - d - h, w, h },
      { x: x - w / 2, y: y + d, w, h },
      { x: x + d * 0.7, y: y - d * 0.7 - h, w, h },
      { x: x + d * 0.7, y: y + d * 0.7, w, h },
      { x: x - d * 0.7 - w, y: y - d * 0.7 - h, w, h },
      { x: x - d * 0.7 - w, y: y + d * 0.7, w, h },
      { x: x + d, y: y - h / 2, w, h },
      { x: x - d - w, y: y - h / 2, w, h },
    ];
    let best: Rect = spots[0] ?? { x, y, w, h };
    let bestCost = Number.POSITIVE_INFINITY;
    for (const spot of spots) {
      const p = obstacles.pad;
      const cost = crossings({ x: spot.x - p, y: spot.y - p, w: spot.w + 2 * p, h: spot.h + 2 * p }, obstacles, placed);
      if (cost < bestCost) {
        best = spot;
        bestCost = cost;
      }
      if (cost === 0) break;
    }
    placed.push(best);
  }
  return placed;
}

/** How many things a label spot would cover or leave the chart by; 0 means the spot is clear. */
export function crossings(rect: Rect, obstacles: Obstacles, labels: readonly Rect[]): number {
  const b = obstacles.bounds;
  let n = rect.x < b.x || rect.y < b.y || rect.x + rect.w > b.x + b.w || rect.y + rect.h > b.y + b.h ? 1 : 0;
  for (const [p, q] of obstacles.segments) if (segmentHitsRect(p, q, rect)) n++;
  for (const m of obstacles.markers) if (circleHitsRect(m, obstacles.r, rect)) n++;
  for (const l of labels) if (rectsOverlap(l, rect)) n++;
  return n;
}

/** Whether two rectangles share any area. */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function circleHitsRect(c: Pt, r: number, rect: Rect): boolean {
  const nx = Math.max(rect.x, Math.min(c.x, rect.x + rect.w));
  const ny = Math.max(rect.y, Math.min(c.y, rect.y + rect.h));
  return (c.x - nx) ** 2 + (c.y - ny) ** 2 < r * r;
}

/** Whether the segment p–q passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(p: Pt, q: Pt, rect: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [
    [-dx, p.x - rect.x], [dx, rect.x + rect.w - p.x], [-dy, p.y - rect.y], [dy, rect.y + rect.h - p.y],
  ];
  for (const [pe, qe] of edges) {
    if (pe === 0) {
      if (qe < 0) return false;
      continue;
    }
    const t = qe / pe;
    if (pe < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}
