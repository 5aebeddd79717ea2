import type { FlowRect } from '../../../../../common/journey';

/** A React Flow viewport: screen = flow × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The canvas's size on screen and the corner the minimap covers (bottom right), in pixels. */
export interface CanvasBox {
  width: number;
  height: number;
  /** The minimap's footprint with its margin: steps under it can be neither read nor clicked. */
  corner: { width: number; height: number };
}

/** The smallest zoom a flow opens at: below it step labels (13 px) are too small to read. */
export const readableZoom = 0.75;
/** Screen pixels kept free around a fitted flow. */
const margin = 24;

/** The box around a set of step boxes, or null for none. */
export function boundsOf(rects: readonly FlowRect[]): FlowRect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

/**
 * The viewport that shows all of `bounds` with none of it under the minimap: the flow fits either
 * beside the minimap (its column kept free) or above it (its row kept free), whichever allows the
 * larger zoom. Never zooms past 100 %, so two steps do not fill the screen.
 */
export function fitViewport(bounds: FlowRect, box: CanvasBox, minZoom = 0.1): Viewport {
  const options = [
    { width: box.width - box.corner.width, height: box.height },
    { width: box.width, height: box.height - box.corner.height },
  ].map((area) => ({ area, zoom: Math.min(1, (area.width - 2 * margin) / Math.max(1, bounds.width), (area.height - 2 * margin) / Math.max(1, bounds.height)) }));
  const best = options[0]!.zoom >= options[1]!.zoom ? options[0]! : options[1]!;
  const zoom = Math.max(minZoom, best.zoom);
  return {
    x: (best.area.width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: (best.area.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}

/**
 * The first view of a flow: fitted whole when that stays readable (75 % or more); otherwise at 75 %,
 * starting at the top where the triggers are, centred when it is narrow enough (the minimap and
 * "Fit view" give the overview).
 */
export function openingViewport(bounds: FlowRect | null, box: CanvasBox): Viewport {
  if (!bounds) return { x: margin, y: margin, zoom: 1 };
  const fitted = fitViewport(bounds, box);
  if (fitted.zoom >= readableZoom) return fitted;
  const zoom = readableZoom;
  const width = bounds.width * zoom;
  const x = width + 2 * margin <= box.width ? (box.width - width) / 2 - bounds.x * zoom : margin - bounds.x * zoom;
  return { x, y: margin - bounds.y * zoom, zoom };
}

/**
 * The viewport, moved as little as possible at the same zoom, so that `rect` is wholly in view and
 * not under the minimap; the same viewport when it already is. A step the user just added is thus
 * always where they can see it, select it and connect it.
 */
export function revealRect(view: Viewport, rect: FlowRect, box: CanvasBox): Viewport {
  const { zoom } = view;
  const left = rect.x * zoom + view.x;
  const top = rect.y * zoom + view.y;
  const right = left + rect.width * zoom;
  const bottom = top + rect.height * zoom;
  const shift = (lo: number, hi: number, min: number, max: number) =>
    hi - lo > max - min ? min - lo : lo < min ? min - lo : hi > max ? max - hi : 0;
  let dx = shift(left, right, margin, box.width - margin);
  let dy = shift(top, bottom, margin, box.height - margin);
  // Still under the minimap: lift it above the minimap or move it left of it, whichever is shorter.
  const underCorner = right + dx > box.width - box.corner.width && bottom + dy > box.height - box.corner.height;
  if (underCorner) {
    const up = box.height - box.corner.height - margin - (bottom + dy);
    const leftward = box.width - box.corner.width - margin - (right + dx);
    if (Math.abs(up) <= Math.abs(leftward) && top + dy + up >= margin) dy += up;
    else dx += leftward;
  }
  return dx === 0 && dy === 0 ? view : { x: view.x + dx, y: view.y + dy, zoom };
}
