import type { CaptureSource } from '../exports/capturePng';

/** Space around the flow diagram in its image, in CSS pixels. */
const flowPadding = 32;

/**
 * What a journey's PNG shows: the map on the Map tab, the flow diagram on the Flow tab (the tab on
 * screen decides), or nothing on the Versions tab.
 */
export function journeyCaptureSource(): HTMLElement | CaptureSource | null {
  const map = document.querySelector<HTMLElement>('.journey-map');
  // The map's image is as wide as its grid, not as the window: a short map leaves no blank band.
  if (map) return { node: map, style: { width: 'max-content' } };
  const viewport = document.querySelector<HTMLElement>('.flow-canvas .react-flow__viewport');
  return viewport ? flowCaptureSource(viewport) : null;
}

/**
 * The flow's image frame: every node, whatever the editor's pan and zoom, at 1:1 with a margin. The
 * viewport places nodes with `translate(x, y)` and itself pans and zooms by a transform, so the copy
 * gets a transform that moves the nodes' bounding box to the frame's corner at scale 1. Controls and
 * the minimap sit outside the viewport and are not in the image.
 */
export function flowCaptureSource(viewport: HTMLElement): CaptureSource | null {
  const boxes = [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
    const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
    return { x: Number(m?.[1] ?? 0), y: Number(m?.[2] ?? 0), w: el.offsetWidth, h: el.offsetHeight };
  });
  if (boxes.length === 0) return null;
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  const width = Math.ceil(maxX - minX + 2 * flowPadding);
  const height = Math.ceil(maxY - minY + 2 * flowPadding);
  return {
    node: viewport,
    width,
    height,
    // The copy is the frame's size: the edges' SVG fills its viewport and would be empty at 0 × 0.
    style: { transform: `translate(${flowPadding - minX}px, ${flowPadding - minY}px) scale(1)`, transformOrigin: '0 0', width: `${width}px`, height: `${height}px` },
    label: 'flow',
  };
}
