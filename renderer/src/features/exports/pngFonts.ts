import { bytesToBase64 } from '../../../../common/export/fonts';
import { loadEmojiFont, loadPdfFonts } from './fonts';

/** Family name of the app's own fonts in an exported image (DejaVu Sans, then Noto per script). */
const family = 'CX Export';

/** The fonts an image is drawn with: the CSS that embeds them in the image, and the stack to set. */
export interface ImageFonts {
  /** `@font-face` rules with the fonts inline (data URLs), for html-to-image's `fontEmbedCSS`. */
  css: string;
  /** A `font-family` value naming them, main font first. */
  stack: string;
}

interface Face { name: string; bytes: Uint8Array; weight: string }

// One FontFace per face for the whole session: adding it to the document lets the page lay the copy
// out with the same glyph widths the image is drawn with (wrapping in the page and in the image agree).
const added = new Map<string, Promise<void>>();
// The base64 text of each font, kept with its bytes (megabytes for the Japanese font).
const inline = new WeakMap<Uint8Array, string>();

function addToDocument(face: Face): Promise<void> {
  const key = `${face.name}/${face.weight}`;
  let p = added.get(key);
  if (!p) {
    const ff = new FontFace(face.name, face.bytes as Uint8Array<ArrayBuffer>, { weight: face.weight });
    p = ff.load().then(() => void document.fonts.add(ff));
    p.catch(() => added.delete(key));
    added.set(key, p);
  }
  return p;
}

function rule(face: Face): string {
  let b64 = inline.get(face.bytes);
  if (b64 === undefined) inline.set(face.bytes, (b64 = bytesToBase64(face.bytes)));
  return `@font-face{font-family:'${face.name}';font-weight:${face.weight};src:url(data:font/ttf;base64,${b64}) format('truetype');}`;
}

/**
 * The app's own fonts for an image showing `text`: DejaVu Sans (Latin, Greek, Cyrillic, Arabic,
 * Hebrew…) in two weights, and the Noto fonts of the scripts and emoji it contains, the same files the
 * PDF exports embed. html-to-image draws through an SVG image, which sees only fonts embedded in it
 * (plus whatever the machine has installed): with these inline, a machine without CJK or emoji fonts
 * still draws the text instead of empty boxes, and every machine draws the same image.
 */
export async function imageFontsFor(text: string): Promise<ImageFonts> {
  const [fonts, emoji] = await Promise.all([loadPdfFonts(text), loadEmojiFont(text)]);
  // Weights up to 500 take the regular face, 600 and up the bold one (a 600 title prints bold).
  const faces: Face[] = [
    { name: family, bytes: fonts.regular, weight: '100 500' },
    { name: family, bytes: fonts.bold ?? fonts.regular, weight: '600 900' },
    ...(fonts.fallbacks ?? []).map((f) => ({ name: `${family} ${f.name}`, bytes: f.regular, weight: '100 900' })),
    ...(emoji ? [{ name: `${family} emoji`, bytes: emoji, weight: '100 900' }] : []),
  ];
  await Promise.all(faces.map(addToDocument));
  const names = [...new Set(faces.map((f) => `'${f.name}'`))];
  return { css: faces.map(rule).join('\n'), stack: [...names, 'sans-serif'].join(', ') };
}

/** Everything a view shows as text, field values included (they are not in `textContent`). */
export function visibleText(node: HTMLElement): string {
  const values = [...node.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((f) => f.value);
  const chosen = [...node.querySelectorAll('select')].map((s) => s.selectedOptions[0]?.textContent ?? '');
  return [node.textContent ?? '', ...values, ...chosen].join('\n');
}
