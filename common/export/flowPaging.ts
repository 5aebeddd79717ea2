/** A box in layout units: top-left corner and size. */
export interface LaidBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page of a diagram: the layout point printed at the page area's top-left, and the nodes on it. */
export interface DiagramPage {
  origin: { x: number; y: number };
  ids: string[];
}

/**
 * Splits a laid-out diagram into pages of `area` (layout units) so that every node prints whole on
 * exactly one page: bands top to bottom (a band starts at the top of the first node that does not
 * fit the one before), and within a band, columns left to right the same way. A layered layout
 * leaves a gap between ranks, so bands break between rows of steps, never through one.
 */
export function pageDiagram(boxes: Record<string, LaidBox>, area: { width: number; height: number }): DiagramPage[] {
  const ids = Object.keys(boxes).sort((a, b) => boxes[a]!.y - boxes[b]!.y || boxes[a]!.x - boxes[b]!.x);
  const bands: Array<{ top: number; ids: string[] }> = [];
  for (const id of ids) {
    const b = boxes[id]!;
    const band = bands[bands.length - 1];
    if (band && b.y + b.height <= band.top + area.height) band.ids.push(id);
    else bands.push({ top: b.y, ids: [id] });
  }
  const pages: DiagramPage[] = [];
  for (const band of bands) {
    const byX = [...band.ids].sort((a, b) => boxes[a]!.x - boxes[b]!.x);
    let page: DiagramPage | null = null;
    for (const id of byX) {
      const b = boxes[id]!;
      if (page && b.x + b.width <= page.origin.x + area.width) page.ids.push(id);
      else {
        page = { origin: { x: b.x, y: band.top }, ids: [id] };
        pages.push(page);
      }
    }
  }
  return pages;
}
