import { toBlob } from 'html-to-image';
import { fitsOneCanvas } from '../../../../common/export/pngTiles';
import { captureTiledPng } from './captureTiles';

/**
 * The PNG of an on-screen node at 1×, 2× or 3×. Fonts are not embedded (`skipFonts`): html-to-image
 * would otherwise fetch and inline every web font for every export, which is slow, and the app's
 * fonts are the system ones anyway. An image past Chromium's canvas limit (a 40-stage journey map at
 * 2×) is captured in tiles and stitched; one too large even for that is refused with a message.
 */
export async function capturePng(node: HTMLElement, scale: 1 | 2 | 3): Promise<Uint8Array> {
  const w = node.scrollWidth * scale;
  const h = node.scrollHeight * scale;
  // The clone shows all of a scrolling node (the journey map scrolls inside a capped height).
  const options = { skipFonts: true, cacheBust: false, backgroundColor: '#ffffff', style: { maxHeight: 'none', maxWidth: 'none', overflow: 'visible' } };
  const restore = resolveSvgVariables(node);
  try {
    if (!fitsOneCanvas(w, h)) return await captureTiledPng(node, scale, options);
    const blob = await toBlob(node, { ...options, pixelRatio: scale, width: node.scrollWidth, height: node.scrollHeight });
    if (!blob) throw new Error('The view could not be captured.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    restore();
  }
}

/**
 * Charts colour SVG shapes with `fill="var(--persona-accent)"`. html-to-image rebuilds each clone's
 * style from computed properties, which leaves custom properties behind, so such a fill paints black.
 * The attributes are swapped for their computed colours during the capture and put back after.
 */
function resolveSvgVariables(root: HTMLElement): () => void {
  const undo: (() => void)[] = [];
  for (const el of root.querySelectorAll<SVGElement>('[fill*="var("], [stroke*="var("]')) {
    const computed = getComputedStyle(el);
    for (const attr of ['fill', 'stroke'] as const) {
      const value = el.getAttribute(attr);
      if (!value?.includes('var(')) continue;
      el.setAttribute(attr, computed.getPropertyValue(attr));
      undo.push(() => el.setAttribute(attr, value));
    }
  }
  return () => undo.forEach((u) => u());
}
