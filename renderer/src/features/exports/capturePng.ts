import { toBlob } from 'html-to-image';
import { fitsOneCanvas } from '../../../../common/export/pngTiles';
import { throwIfCancelled, untilCancelled } from './captureCancel';
import { captureTiledPng } from './captureTiles';
import { createExportClone } from './exportClone';
import { imageFontsFor, visibleText } from './pngFonts';
import { translate } from '../../i18n/translate';

/**
 * What to take a PNG of: an on-screen node, and optionally the frame to show (the flow diagram's
 * nodes are placed by a transform, so its image is a frame around them rather than the node's box).
 */
export interface CaptureSource {
  node: HTMLElement;
  /** The image's size in CSS pixels; the copy's scroll size when left out. */
  width?: number;
  height?: number;
  /** Styles for the copy, such as a transform that brings the content into the frame. */
  style?: Partial<Record<string, string>>;
  /** What the image shows when it is not the page's main view ("flow"), for the file name. */
  label?: string;
}

/**
 * The PNG of an on-screen view at 1×, 2× or 3×, taken of its read-only copy (see exportClone.ts):
 * no controls, text in full, the same geometry. The text is set in the app's own fonts, embedded in
 * the image (pngFonts.ts), so it reads the same on a machine that lacks CJK or emoji fonts. An image past Chromium's canvas limit (a 40-stage journey map at
 * 2×) is captured in tiles and stitched; one too large even for that is refused with a message.
 * `signal` cancels between steps (and between bands of tiles) with CaptureCancelled.
 */
export async function capturePng(source: HTMLElement | CaptureSource, scale: 1 | 2 | 3, signal?: AbortSignal): Promise<Uint8Array> {
  const src = source instanceof HTMLElement ? { node: source } : source;
  const fonts = await untilCancelled(imageFontsFor(visibleText(src.node)), signal);
  const copy = createExportClone(src.node, src.style, fonts.stack);
  resolveSvgPaint(copy.node);
  try {
    const cssW = Math.ceil(src.width ?? copy.node.scrollWidth);
    const cssH = Math.ceil(src.height ?? copy.node.scrollHeight);
    // skipFonts keeps html-to-image from fetching the page's own web fonts; the app's fonts go in by
    // fontEmbedCSS instead (see pngFonts.ts).
    const options = { skipFonts: true, fontEmbedCSS: fonts.css, cacheBust: false, backgroundColor: '#ffffff', width: cssW, height: cssH, style: { left: '0', top: '0' } };
    throwIfCancelled(signal);
    if (!fitsOneCanvas(cssW * scale, cssH * scale)) return await captureTiledPng(copy.node, cssW, cssH, scale, options, signal);
    const blob = await untilCancelled(toBlob(copy.node, { ...options, pixelRatio: scale }), signal);
    throwIfCancelled(signal);
    if (!blob) throw new Error(translate('exports.capture.failed'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    copy.dispose();
  }
}

/**
 * SVG shapes take their colours from CSS (xyflow's edges: `stroke: var(--xy-edge-stroke)`) or from
 * attributes holding custom properties (charts: `fill="var(--persona-accent)"`). In html-to-image's
 * image neither survives: the stylesheet is not there and the custom property is undefined, so an edge
 * vanishes and a label's background paints black. Each shape of the copy gets its computed paint (and
 * text its size) as attributes.
 */
function resolveSvgPaint(root: HTMLElement): void {
  const shapes = root.querySelectorAll<SVGElement>('svg path, svg rect, svg circle, svg ellipse, svg line, svg polyline, svg polygon, svg text, svg tspan');
  const paints = [...shapes].map((el) => {
    const c = getComputedStyle(el);
    return [el, c.fill, c.stroke, c.strokeWidth, c.strokeDasharray, c.fontSize] as const;
  });
  for (const [el, fill, stroke, width, dash, fontSize] of paints) {
    if (el instanceof SVGTextContentElement) el.setAttribute('font-size', fontSize);
    el.setAttribute('fill', fill);
    el.setAttribute('stroke', stroke);
    el.setAttribute('stroke-width', width);
    if (dash && dash !== 'none') el.setAttribute('stroke-dasharray', dash);
  }
}
