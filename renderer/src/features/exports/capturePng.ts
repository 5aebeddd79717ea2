import { toBlob } from 'html-to-image';

/** Chromium refuses to paint a canvas wider or taller than this many pixels. */
export const maxCanvasSide = 16_384;

/**
 * The PNG of an on-screen node at 1×, 2× or 3×. Fonts are not embedded (`skipFonts`): html-to-image
 * would otherwise fetch and inline every web font for every export, which is slow, and the app's
 * fonts are the system ones anyway. A capture that would exceed Chromium's canvas limit is refused
 * with a message instead of producing a blank image.
 */
export async function capturePng(node: HTMLElement, scale: 1 | 2 | 3): Promise<Uint8Array> {
  const w = node.scrollWidth * scale;
  const h = node.scrollHeight * scale;
  if (w > maxCanvasSide || h > maxCanvasSide) {
    throw new Error(`The image would be ${w} × ${h} pixels, past the ${maxCanvasSide}-pixel limit; choose a smaller scale.`);
  }
  const restore = resolveSvgVariables(node);
  try {
    const blob = await toBlob(node, { pixelRatio: scale, skipFonts: true, cacheBust: false, backgroundColor: '#ffffff', width: node.scrollWidth, height: node.scrollHeight });
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
