import type { jsPDF } from 'jspdf';

/**
 * The TrueType fonts a PDF export embeds. jsPDF's built-in fonts are Latin-1 only, so every export
 * embeds a Unicode font (DejaVu Sans in the app) and jsPDF writes only the glyphs used (a subset).
 * The bytes are passed in rather than imported because common/ cannot read files: the renderer
 * fetches them once, tests read them from node_modules.
 */
export interface PdfFonts {
  /** Regular weight, used for body text. */
  regular: Uint8Array;
  /** Bold weight for titles; regular is used when absent. */
  bold?: Uint8Array;
}

/** The family name the builders select; one name so every drawing helper agrees. */
export const pdfFontFamily = 'CxSans';

/** Base64 of bytes without Buffer (absent in browsers) and without one giant spread call (stack limit). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) parts.push(String.fromCharCode(...bytes.subarray(i, i + step)));
  return btoa(parts.join(''));
}

// Font bytes are the same object for every export a worker builds, and encoding 1.4 MB costs
// hundreds of milliseconds, so the base64 is kept per byte array (and dropped with it).
const fontBase64 = new WeakMap<Uint8Array, string>();
function fontText(bytes: Uint8Array): string {
  let text = fontBase64.get(bytes);
  if (text === undefined) fontBase64.set(bytes, (text = bytesToBase64(bytes)));
  return text;
}

/** Bytes of base64 text (assets are stored as base64). */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Registers the fonts on a document with Identity-H encoding (needed for any glyph beyond Latin-1)
 * and selects the regular face.
 */
export function registerFonts(doc: jsPDF, fonts: PdfFonts): void {
  doc.addFileToVFS('cx-regular.ttf', fontText(fonts.regular));
  doc.addFont('cx-regular.ttf', pdfFontFamily, 'normal', undefined, 'Identity-H');
  doc.addFileToVFS('cx-bold.ttf', fontText(fonts.bold ?? fonts.regular));
  doc.addFont('cx-bold.ttf', pdfFontFamily, 'bold', undefined, 'Identity-H');
  doc.setFont(pdfFontFamily, 'normal');
}
